import type { ListenerRouter } from '../listener-router.ts';
import { decideDiscount } from '../../../services/deals/decide-discount.ts';
import { currencyOf } from '../../../services/deals/deal-messages.ts';
import { reservationForm } from '../../../services/deals/reservation-form.ts';
import { DealIds } from '../../../views/deals/deal-ids.ts';
import { reserveModal } from '../../../views/deals/reserve-modal.ts';
import type { AppContext } from '../../app-context.ts';
import { onButton } from '../on-button.ts';

/** 認購 from a customer file, and the PM's answer to a discount. */
export function registerDealActions(app: ListenerRouter, ctx: AppContext): void {
  onButton(app, ctx, DealIds.newFromCustomer, async ({ body, client, asker, value }) => {
    const form = await reservationForm({
      db: ctx.db,
      clock: ctx.clock,
      chart: asker.chart,
      actorId: body.user.id,
      customerId: Number(value),
    });
    const view = reserveModal({ locale: asker.locale, currency: currencyOf(asker.chart), ...form });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });

  for (const [actionId, approve] of [
    [DealIds.approveDiscount, true],
    [DealIds.declineDiscount, false],
  ] as const) {
    onButton(app, ctx, actionId, async ({ body, asker, value }) => {
      await decideDiscount({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        dealId: Number(value),
        deciderId: body.user.id,
        approve,
      });
    });
  }
}
