import type { ListenerRouter } from '../listener-router.ts';
import { recordableMetrics } from '../../../domain/targets/metrics.ts';
import { recentMonths } from '../../../domain/targets/periods.ts';
import { t } from '../../../i18n/index.ts';
import { listRecentSales } from '../../../services/targets/list-recent-sales.ts';
import { checkCorrectable } from '../../../services/targets/record-sales.ts';
import { recordableFor } from '../../../services/targets/target-access.ts';
import { errorText } from '../../../views/error-text.ts';
import { TargetIds } from '../../../views/ids.ts';
import { numberModal, salesModal } from '../../../views/targets/target-modals.ts';
import { salesListLine } from '../../../views/targets/sales-list.ts';
import { commandReply } from '../command-reply.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, isExpected, requireMember } from '../asker-of.ts';

/** `/sales` records achieved figures; `list` shows recent ones; `correct 123` is for the SSG. */
export function registerSalesCommand(app: ListenerRouter, ctx: AppContext): void {
  app.command('/sales', async ({ command, ack, respond, client, context }) => {
    const reply = commandReply(ack, respond);
    const asker = askerOf(context);
    const { chart, locale } = asker;
    const [verb = '', arg = ''] = command.text.trim().split(/\s+/);
    try {
      requireMember(asker);
      if (verb === '') {
        const people = recordableFor(chart, asker.userId).map((id) => ({ id, name: chart.nameOf(id) }));
        // an empty dropdown is a dead end (and Slack refuses it): say so instead
        if (people.length === 0)
          return void (await reply.ack({ response_type: 'ephemeral', text: t(locale, 'sales.nobody') }));
        await reply.ack();
        const view = salesModal({
          locale,
          people,
          months: recentMonths(ctx.clock.now(), chart.data.timezone),
          metrics: recordableMetrics(chart.template),
          markets: chart.data.markets,
          selfId: asker.userId,
        });
        await client.views.open({ trigger_id: command.trigger_id, view });
        return;
      }
      if (verb === 'list') {
        const rows = await listRecentSales({ db: ctx.db, chart, askerId: asker.userId });
        const lines = rows.map((a) => salesListLine(chart, locale, a));
        return void (await reply.ack({
          response_type: 'ephemeral',
          text: `*${t(locale, 'sales.list.header')}*\n${lines.join('\n') || '—'}`,
        }));
      }
      if (verb === 'correct' && /^\d+$/.test(arg)) {
        const { metric } = await checkCorrectable({ db: ctx.db, chart, askerId: asker.userId, actualId: Number(arg) });
        await reply.ack();
        const view = numberModal({
          locale,
          callbackId: TargetIds.correctCallback,
          titleKey: 'sales.correct.title',
          valueKey: 'sales.correct.value',
          submitKey: 'sales.submit',
          metadata: JSON.stringify({ actualId: Number(arg), metric }),
          withReason: 'sales.correct.reason',
        });
        await client.views.open({ trigger_id: command.trigger_id, view });
        return;
      }
      await reply.ack({ response_type: 'ephemeral', text: t(locale, 'sales.help') });
    } catch (error) {
      await reply.answer({ response_type: 'ephemeral', text: errorText(error, locale, chart) });
      if (!isExpected(error)) throw error;
    }
  });
}
