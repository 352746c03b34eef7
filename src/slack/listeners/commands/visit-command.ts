import type { ListenerRouter } from '../listener-router.ts';
import { visitKindOf } from '../../../domain/visits/visit-kind.ts';
import { t } from '../../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../../lib/text.ts';
import { hasAccountRegister } from '../../../services/accounts/pick-account.ts';
import { exportVisits } from '../../../services/visits/export-visits.ts';
import { dealDrivingFile, findCustomerFiles, listMyCustomers } from '../../../services/visits/find-customer-files.ts';
import { mayUndoStage } from '../../../services/visits/undo-customer-stage.ts';
import { customerCard } from '../../../views/visits/customer-card.ts';
import { customerListBlocks } from '../../../views/visits/customer-list.ts';
import { errorText } from '../../../views/error-text.ts';
import { VisitIds } from '../../../views/ids.ts';
import { visitModal } from '../../../views/visits/visit-modal.ts';
import { visitKey } from '../../../views/visits/visit-terms.ts';
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Asker } from '../../middleware/identify-asker.ts';
import { commandReply } from '../command-reply.ts';

type CommandReply = ReturnType<typeof commandReply>;
import type { AppContext } from '../../app-context.ts';
import { askerOf, isExpected, requireMember } from '../asker-of.ts';

/** `/visit` opens the registration; `mine`, `export`, or a phone or name look things up. */
export function registerVisitCommand(app: ListenerRouter, ctx: AppContext): void {
  app.command('/visit', async ({ command, ack, respond, client, context }) => {
    const reply = commandReply(ack, respond);
    const asker = askerOf(context);
    const text = command.text.trim();
    const [verb = '', ...rest] = text.split(/\s+/);
    const { locale, chart } = asker;
    try {
      const me = requireMember(asker);
      if (verb === '') {
        await reply.ack();
        const view = visitModal({
          locale,
          kind: visitKindOf(chart.template),
          callbackId: VisitIds.fileCallback,
          nowSeconds: Math.floor(ctx.clock.now().getTime() / 1000),
          accountHint: me.accounts.length > 0 ? me.accounts.join('、') : undefined,
          accountPicker: await hasAccountRegister({ db: ctx.db, chart }),
        });
        await client.views.open({ trigger_id: command.trigger_id, view });
        return;
      }
      if (verb === 'help')
        return void (await reply.ack({
          response_type: 'ephemeral',
          text: t(locale, visitKey(visitKindOf(chart.template), 'visit.help')),
        }));
      if (verb === 'mine') {
        const customers = await listMyCustomers({ db: ctx.db, chart, askerId: asker.userId });
        return void (await reply.ack({
          response_type: 'ephemeral',
          ...customerListBlocks(customers, {
            locale,
            timeZone: chart.data.timezone,
            kind: visitKindOf(chart.template),
          }),
        }));
      }
      if (verb === 'export') {
        await reply.ack();
        return await exportToDirectMessage(ctx, { client, respond, asker }, rest);
      }
      await answerLookup(ctx, reply, asker, text);
    } catch (error) {
      await reply.answer({ response_type: 'ephemeral', text: errorText(error, locale, chart) });
      if (!isExpected(error)) throw error;
    }
  });
}

/** `/visit export [from to]`: the CSV goes to the asker's DM; a bare export is the current month. */
async function exportToDirectMessage(
  ctx: AppContext,
  o: { client: WebClient; respond: RespondFn; asker: Asker },
  [from0 = '', to0 = '']: string[],
): Promise<void> {
  const { client, respond, asker } = o;
  const { chart, locale } = asker;
  const file = await exportVisits({
    db: ctx.db,
    chart,
    askerId: asker.userId,
    from: from0,
    to: to0,
    locale,
    now: ctx.clock.now(),
  });
  const { from, to } = file;
  const kind = visitKindOf(chart.template);
  const done = t(locale, visitKey(kind, 'visit.export.done'), { from, to, count: file.count });
  const dm = await client.conversations.open({ users: asker.userId });
  await client.files.uploadV2({
    channel_id: dm.channel?.id,
    filename: file.filename,
    title: t(locale, visitKey(kind, 'visit.export.title'), { from, to }),
    content: file.csv,
    initial_comment: done,
  });
  await respond({ response_type: 'ephemeral', text: done });
}

/** `/visit <phone or name>`: one customer's file, a list of the matches, or none found. */
async function answerLookup(ctx: AppContext, reply: CommandReply, asker: Asker, text: string): Promise<void> {
  const { chart, locale } = asker;
  const found = await findCustomerFiles({ db: ctx.db, chart, askerId: asker.userId, query: text });
  if (found.length === 0)
    return void (await reply.ack({
      response_type: 'ephemeral',
      text: t(locale, 'visit.file.not_found', { query: escapeMrkdwn(text) }),
    }));
  if (found.length > 1) {
    const title = t(locale, 'visit.file.matches', { query: truncate(text, 40), count: found.length });
    return void (await reply.ack({
      response_type: 'ephemeral',
      ...customerListBlocks(found, { locale, timeZone: chart.data.timezone, title }),
    }));
  }
  const card = customerCard(found[0], {
    locale,
    timeZone: chart.data.timezone,
    ownerName: chart.nameOf(found[0].ownerId),
    canUndo: mayUndoStage(chart, asker.userId, found[0].ownerId),
    deal: (await dealDrivingFile(ctx.db, found[0].id)) ?? undefined,
  });
  await reply.ack({ response_type: 'ephemeral', ...card });
}
