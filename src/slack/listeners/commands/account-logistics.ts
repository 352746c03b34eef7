import type { AllMiddlewareArgs } from '@slack/bolt';
import { t } from '../../../i18n/index.ts';
import { exportLogisticsTable } from '../../../services/accounts/export-logistics-table.ts';
import {
  confirmAccountLogistics,
  setAccountLogistics,
  showLogisticsTable,
} from '../../../services/accounts/account-logistics.ts';
import { logisticsTableView } from '../../../views/accounts/logistics-views.ts';
import type { AppContext } from '../../app-context.ts';
import type { Asker } from '../../middleware/identify-asker.ts';
import type { commandReply } from '../command-reply.ts';

/**
 * `/account logistics [market]` (the table), `… export` (as Excel), and for the SSG
 * `… confirm CODE…` and `… CODE 地址｜…`.
 */
export async function answerLogisticsCommand(o: {
  ctx: AppContext;
  asker: Asker;
  rest: string[];
  reply: ReturnType<typeof commandReply>;
  client: AllMiddlewareArgs['client'];
}): Promise<void> {
  const { ctx, asker, reply } = o;
  const { chart, locale } = asker;
  const [first = '', ...others] = o.rest;
  const base = { db: ctx.db, clock: ctx.clock, chart, askerId: asker.userId };
  const market = first && others.length === 0 ? chart.findMarket(first) : undefined;
  if (first === '' || market) {
    const rows = (await showLogisticsTable(base)).filter((r) => !market || r.market === market.code);
    return void (await reply.ack({
      response_type: 'ephemeral',
      ...logisticsTableView(rows, chart, locale, market?.name),
    }));
  }
  if (first === 'export') {
    const file = await exportLogisticsTable({ db: ctx.db, chart, askerId: asker.userId, locale });
    await reply.ack();
    const dm = await o.client.conversations.open({ users: asker.userId });
    const done = t(locale, 'account.logistics.exported', { count: file.count });
    await o.client.files.uploadV2({
      channel_id: dm.channel?.id,
      filename: file.filename,
      title: file.title,
      file: file.bytes,
      initial_comment: done,
    });
    return void (await reply.answer({ response_type: 'ephemeral', text: done }));
  }
  if (first === 'confirm') {
    const { confirmed, missing } = await confirmAccountLogistics({ ...base, codes: others });
    const lines = [
      ...(confirmed.length > 0 ? [t(locale, 'account.logistics.confirmed_done', { codes: confirmed.join('、') })] : []),
      ...(missing.length > 0 ? [t(locale, 'account.logistics.missing', { codes: missing.join('、') })] : []),
    ];
    return void (await reply.ack({ response_type: 'ephemeral', text: lines.join('\n') || t(locale, 'account.help') }));
  }
  const code = await setAccountLogistics({ ...base, code: first, text: others.join(' ') });
  await reply.ack({ response_type: 'ephemeral', text: t(locale, 'account.logistics.set', { code }) });
}
