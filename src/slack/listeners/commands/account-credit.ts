import type { AllMiddlewareArgs } from '@slack/bolt';
import { t } from '../../../i18n/index.ts';
import { showCreditTable } from '../../../services/accounts/credit-review.ts';
import { exportCreditTable } from '../../../services/accounts/export-credit-table.ts';
import { creditTableView } from '../../../views/accounts/credit-views.ts';
import type { AppContext } from '../../app-context.ts';
import type { Asker } from '../../middleware/identify-asker.ts';
import type { commandReply } from '../command-reply.ts';

/** `/account credit` (the table) and `/account credit export` (the same as an Excel file in the asker's DM). */
export async function answerCreditCommand(o: {
  ctx: AppContext;
  asker: Asker;
  rest: string;
  reply: ReturnType<typeof commandReply>;
  client: AllMiddlewareArgs['client'];
}): Promise<void> {
  const { ctx, asker, reply, client } = o;
  const { chart, locale } = asker;
  if (o.rest !== 'export') {
    const rows = await showCreditTable({ db: ctx.db, chart, askerId: asker.userId });
    return void (await reply.ack({ response_type: 'ephemeral', ...creditTableView(rows, chart, locale) }));
  }
  const file = await exportCreditTable({ db: ctx.db, chart, askerId: asker.userId, locale });
  await reply.ack();
  const dm = await client.conversations.open({ users: asker.userId });
  const done = t(locale, 'account.credit.exported', { count: file.count });
  await client.files.uploadV2({
    channel_id: dm.channel?.id,
    filename: file.filename,
    title: file.title,
    file: file.bytes,
    initial_comment: done,
  });
  await reply.answer({ response_type: 'ephemeral', text: done });
}
