import type { ListenerRouter } from '../listener-router.ts';
import { t } from '../../../i18n/index.ts';
import { reservationForm } from '../../../services/deals/reservation-form.ts';
import { currencyOf } from '../../../services/deals/deal-messages.ts';
import { reserveModal } from '../../../views/deals/reserve-modal.ts';
import { errorText } from '../../../views/error-text.ts';
import { commandReply } from '../command-reply.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, isExpected, requireMember } from '../asker-of.ts';

/** `/deal new` opens the 認購 modal; `/deal help`. */
export function registerDealCommand(app: ListenerRouter, ctx: AppContext): void {
  app.command('/deal', async ({ command, ack, respond, client, context }) => {
    const reply = commandReply(ack, respond);
    const asker = askerOf(context);
    const { locale, chart } = asker;
    const [verb = ''] = command.text.trim().split(/\s+/);
    try {
      requireMember(asker);
      if (verb === 'new') {
        const form = await reservationForm({ db: ctx.db, clock: ctx.clock, chart, actorId: asker.userId });
        await reply.ack();
        await client.views.open({
          trigger_id: command.trigger_id,
          view: reserveModal({ locale, currency: currencyOf(chart), ...form }),
        });
        return;
      }
      await reply.ack({ response_type: 'ephemeral', text: t(locale, 'deal.help') });
    } catch (error) {
      await reply.answer({ response_type: 'ephemeral', text: errorText(error, locale, chart) });
      if (!isExpected(error)) throw error;
    }
  });
}
