import type { WebClient } from '@slack/web-api';
import type { ListenerRouter } from '../listener-router.ts';
import { t, type MessageKey } from '../../../i18n/index.ts';
import { reservationForm } from '../../../services/deals/reservation-form.ts';
import { currencyOf } from '../../../services/deals/deal-messages.ts';
import { reserveModal } from '../../../views/deals/reserve-modal.ts';
import { findDeals } from '../../../services/deals/find-deals.ts';
import { undoDealStep } from '../../../services/deals/undo-deal-step.ts';
import { dealLookupBlocks } from '../../../views/deals/deal-lookup.ts';
import { listArrears } from '../../../services/deals/list-arrears.ts';
import { arrearsBlocks } from '../../../views/deals/arrears.ts';
import { listDealsFor } from '../../../services/deals/list-deals.ts';
import { dealListBlocks } from '../../../views/deals/deal-list.ts';
import { exportDeals } from '../../../services/deals/export-deals.ts';
import { errorText } from '../../../views/error-text.ts';
import { commandReply } from '../command-reply.ts';
import type { AppContext } from '../../app-context.ts';
import type { Asker } from '../../middleware/identify-asker.ts';
import { askerOf, isExpected, requireMember } from '../asker-of.ts';
import { requireSite } from '../../../services/deals/require-site.ts';

/**
 * `/deal new` opens the 認購 modal; `/deal list`, `/deal arrears`, `/deal undo <id>`,
 * `/deal <contract no | unit | customer | #id>`, `/deal help`.
 */
export function registerDealCommand(app: ListenerRouter, ctx: AppContext): void {
  app.command('/deal', async ({ command, ack, respond, client, context }) => {
    const reply = commandReply(ack, respond);
    const asker = askerOf(context);
    const { locale, chart } = asker;
    const text = command.text.trim();
    const [verb = '', ...rest] = text.split(/\s+/);
    // how a list, the arrears and a lookup show amounts, dates and people
    const shown = {
      locale,
      currency: currencyOf(chart),
      timeZone: chart.data.timezone,
      nameOf: (id: string) => chart.nameOf(id),
    };
    try {
      requireMember(asker);
      requireSite(chart);
      if (verb === 'new') {
        const form = await reservationForm({ db: ctx.db, clock: ctx.clock, chart, actorId: asker.userId });
        await reply.ack();
        await client.views.open({
          trigger_id: command.trigger_id,
          view: reserveModal({ locale, currency: shown.currency, ...form }),
        });
        return;
      }
      if (verb === '' || verb === 'help')
        return void (await reply.ack({ response_type: 'ephemeral', text: t(locale, 'deal.help') }));
      if (verb === 'list') {
        const list = await listDealsFor({ db: ctx.db, clock: ctx.clock, chart, viewerId: asker.userId, words: rest });
        return void (await reply.ack({ response_type: 'ephemeral', ...dealListBlocks(list, shown) }));
      }
      if (verb === 'arrears') {
        const byOwner = await listArrears({ db: ctx.db, clock: ctx.clock, chart, viewerId: asker.userId });
        return void (await reply.ack({ response_type: 'ephemeral', ...arrearsBlocks(byOwner, shown) }));
      }
      if (verb === 'export' || verb === '匯出') {
        await reply.ack();
        const files = await exportDeals({
          db: ctx.db,
          chart,
          askerId: asker.userId,
          words: rest,
          now: ctx.clock.now(),
          locale,
        });
        const text = await sendExport(client, asker, files);
        return void (await respond({ response_type: 'ephemeral', text }));
      }
      if (verb === 'undo') {
        if (!/^#?\d{1,9}$/.test(rest.join('')))
          return void (await reply.ack({ response_type: 'ephemeral', text: t(locale, 'deal.undo.usage') }));
        const dealId = Number(rest.join('').replace('#', ''));
        const what = await undoDealStep({ db: ctx.db, clock: ctx.clock, chart, actorId: asker.userId, dealId });
        const key = what === 'payment' ? 'deal.undo.payment_done' : 'deal.undo.contract_done';
        await reply.ack({
          response_type: 'ephemeral',
          text: t(locale, key, { id: dealId, by: chart.nameOf(asker.userId) }),
        });
        ctx.outbox.nudge();
        return;
      }
      const found = await findDeals({ db: ctx.db, clock: ctx.clock, chart, viewerId: asker.userId, query: text });
      await reply.ack({ response_type: 'ephemeral', ...dealLookupBlocks(found, shown) });
    } catch (error) {
      await reply.answer({ response_type: 'ephemeral', text: errorText(error, locale, chart) });
      if (!isExpected(error)) throw error;
    }
  });
}

/** The workbook (or the two CSV files: deals, then payments) in the asker's DM; returns the line that says so. */
async function sendExport(
  client: WebClient,
  asker: Pick<Asker, 'userId' | 'locale'>,
  files: Awaited<ReturnType<typeof exportDeals>>,
): Promise<string> {
  const { locale } = asker;
  const period = { from: files.from, to: files.to };
  const done = t(locale, 'deal.export.done', { ...period, deals: files.deals, payments: files.payments });
  const dm = await client.conversations.open({ users: asker.userId });
  type Upload = { filename: string; key: MessageKey } & ({ file: Buffer } | { content: string });
  const uploads: Upload[] =
    files.format === 'xlsx'
      ? [{ filename: files.workbook.filename, key: 'deal.export.title_workbook', file: files.workbook.bytes }]
      : [
          { filename: files.csv.dealsName, key: 'deal.export.title_deals', content: files.csv.deals },
          { filename: files.csv.paymentsName, key: 'deal.export.title_payments', content: files.csv.payments },
        ];
  for (const [index, { key, ...upload }] of uploads.entries())
    await client.files.uploadV2({
      channel_id: dm.channel?.id,
      ...upload,
      title: t(locale, key, period),
      ...(index === 0 ? { initial_comment: done } : {}),
    });
  return done;
}
