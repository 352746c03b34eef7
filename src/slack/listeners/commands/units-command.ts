import type { ListenerRouter } from '../listener-router.ts';
import { formatMoney } from '../../../domain/deals/money.ts';
import { t } from '../../../i18n/index.ts';
import { escapeMrkdwn } from '../../../lib/text.ts';
import { changeUnitPrice, holdOrReleaseUnit, unitWithHistory } from '../../../services/deals/manage-unit.ts';
import { unitsBoard } from '../../../services/deals/units-board.ts';
import { unitsBoardBlocks, unitStateName } from '../../../views/deals/units-board.ts';
import { unitHistoryText } from '../../../views/deals/unit-history.ts';
import { errorText } from '../../../views/error-text.ts';
import { commandReply } from '../command-reply.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, isExpected, requireMember } from '../asker-of.ts';
import { currencyOf } from '../../../domain/org/currency-of.ts';
import { requireSite } from '../../../services/deals/require-site.ts';

/**
 * `/units [building] [layout] [state] [p2]`: the board. `/units hold|release <building> <unit> [note]`,
 * `/units price <building> <unit> <amount>` (the PM), `/units history <building> <unit>`.
 */
export function registerUnitsCommand(app: ListenerRouter, ctx: AppContext): void {
  app.command('/units', async ({ command, ack, respond, context }) => {
    const reply = commandReply(ack, respond);
    const asker = askerOf(context);
    const { locale, chart } = asker;
    const [verb = '', building = '', number = '', ...rest] = command.text.trim().split(/\s+/);
    const ref = { db: ctx.db, chart, actorId: asker.userId, building, number };
    const currency = currencyOf(chart);
    try {
      requireMember(asker);
      requireSite(chart, 'units.site_only');
      if (verb === 'help') return void (await reply.ack({ response_type: 'ephemeral', text: t(locale, 'units.help') }));
      if ((verb === 'hold' || verb === 'release') && number) {
        const unit = await holdOrReleaseUnit({
          ...ref,
          clock: ctx.clock,
          action: verb,
          note: rest.join(' ') || undefined,
        });
        const params = {
          unit: escapeMrkdwn(`${unit.building} ${unit.number}`),
          state: unitStateName(locale, unit.state),
        };
        return void (await reply.ack({ response_type: 'ephemeral', text: t(locale, 'units.state_set', params) }));
      }
      if (verb === 'price' && number) {
        const { unit, fromCents } = await changeUnitPrice({ ...ref, clock: ctx.clock, price: rest.join('') });
        const params = {
          unit: escapeMrkdwn(`${unit.building} ${unit.number}`),
          from: formatMoney(fromCents, currency, locale),
          to: formatMoney(unit.listPriceCents, currency, locale),
        };
        return void (await reply.ack({ response_type: 'ephemeral', text: t(locale, 'units.price.set', params) }));
      }
      if (verb === 'history' && number) {
        const found = await unitWithHistory(ref);
        const text = unitHistoryText(found, {
          locale,
          currency,
          timeZone: chart.data.timezone,
          nameOf: (id) => chart.nameOf(id),
        });
        return void (await reply.ack({ response_type: 'ephemeral', text }));
      }
      const board = await unitsBoard({
        db: ctx.db,
        chart,
        viewerId: asker.userId,
        words: command.text.trim().split(/\s+/),
      });
      await reply.ack({ response_type: 'ephemeral', ...unitsBoardBlocks(board, locale) });
    } catch (error) {
      await reply.answer({ response_type: 'ephemeral', text: errorText(error, locale, chart) });
      if (!isExpected(error)) throw error;
    }
  });
}
