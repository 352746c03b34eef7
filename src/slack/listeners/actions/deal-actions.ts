import type { ListenerRouter } from '../listener-router.ts';
import { decideDiscount, loadDecidableDiscount } from '../../../services/deals/decide-discount.ts';
import { reasonModal } from '../../../views/reason-modal.ts';
import { decideCancellation } from '../../../services/deals/cancel-deal.ts';
import { dealForForm, type DealFormPurpose } from '../../../services/deals/deal-form.ts';
import { dealSummary } from '../../../views/deals/deal-card.ts';
import { cancelModal, payModal, signModal, stepModal } from '../../../views/deals/deal-modals.ts';
import { formatCents } from '../../../domain/deals/money.ts';
import { currencyOf } from '../../../services/deals/deal-messages.ts';
import { reservationForm } from '../../../services/deals/reservation-form.ts';
import { DealIds } from '../../../views/deals/deal-ids.ts';
import { reserveModal } from '../../../views/deals/reserve-modal.ts';
import type { AppContext } from '../../app-context.ts';
import { onButton } from '../on-button.ts';
import { AppError, ErrorCode } from '../../../lib/app-error.ts';

/** A deal's (or customer's) id as its button carries it; anything else is no button of ours: stale or forged. */
function idOf(value: string): number {
  if (!/^[1-9]\d{0,9}$/.test(value))
    throw new AppError(ErrorCode.NotFound, {}, `not an id: ${value.slice(0, 20)}`, 'error.stale_button');
  return Number(value);
}

/** 認購 from a customer file, the deal's forms, and the PM's answer to a discount or a cancellation. */
export function registerDealActions(app: ListenerRouter, ctx: AppContext): void {
  registerReserveFromCustomer(app, ctx);
  registerCancellationDecisions(app, ctx);
  registerDealForms(app, ctx);
  registerDiscountDecisions(app, ctx);
}

function registerReserveFromCustomer(app: ListenerRouter, ctx: AppContext): void {
  onButton(app, ctx, DealIds.newFromCustomer, async ({ body, client, asker, value }) => {
    const form = await reservationForm({
      db: ctx.db,
      clock: ctx.clock,
      chart: asker.chart,
      actorId: body.user.id,
      customerId: idOf(value),
    });
    const view = reserveModal({ locale: asker.locale, currency: currencyOf(asker.chart), ...form });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
}

function registerCancellationDecisions(app: ListenerRouter, ctx: AppContext): void {
  for (const [actionId, approve] of [
    [DealIds.approveCancel, true],
    [DealIds.declineCancel, false],
  ] as const) {
    onButton(app, ctx, actionId, async ({ body, asker, value }) => {
      const decision = {
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        dealId: idOf(value),
        deciderId: body.user.id,
      };
      await decideCancellation({ ...decision, approve });
    });
  }
}

/** The buttons that open a deal's form: signing, a payment, a cancellation request, a mortgage or registration step. */
function registerDealForms(app: ListenerRouter, ctx: AppContext): void {
  const forms: [string, DealFormPurpose][] = [
    [DealIds.sign, 'sign'],
    [DealIds.pay, 'pay'],
    [DealIds.cancel, 'cancel'],
    [DealIds.mortgageStep, 'mortgage'],
    [DealIds.registrationStep, 'registration'],
  ];
  for (const [actionId, purpose] of forms) {
    onButton(app, ctx, actionId, async ({ body, client, asker, value }) => {
      const { chart, locale } = asker;
      const form = await dealForForm({
        db: ctx.db,
        clock: ctx.clock,
        chart,
        actorId: body.user.id,
        dealId: idOf(value),
        purpose,
      });
      const { deal, today } = form;
      const summary = dealSummary(deal, { locale, currency: currencyOf(chart), ownerName: chart.nameOf(deal.ownerId) });
      const dealId = deal.id;
      const view =
        purpose === 'sign'
          ? signModal({ locale, dealId, today, summary, total: formatCents(deal.priceCents) })
          : purpose === 'pay'
            ? payModal({ locale, dealId, today, summary })
            : purpose === 'cancel'
              ? cancelModal({ locale, dealId, summary })
              : stepModal({
                  locale,
                  dealId,
                  today,
                  track: purpose,
                  step: form.step ?? '',
                  loan: form.loanCents ? formatCents(form.loanCents) : undefined,
                });
      await client.views.open({ trigger_id: body.trigger_id, view });
    });
  }
}

/** 核准折扣 decides at once; 不核准 opens the modal asking why (the PM's, and only while it waits). */
function registerDiscountDecisions(app: ListenerRouter, ctx: AppContext): void {
  onButton(app, ctx, DealIds.approveDiscount, async ({ body, asker, value }) => {
    await decideDiscount({
      db: ctx.db,
      clock: ctx.clock,
      chart: asker.chart,
      dealId: idOf(value),
      deciderId: body.user.id,
      approve: true,
    });
  });
  onButton(app, ctx, DealIds.declineDiscount, async ({ body, client, asker, value }) => {
    const deal = await loadDecidableDiscount({
      db: ctx.db,
      chart: asker.chart,
      dealId: idOf(value),
      deciderId: body.user.id,
    });
    const view = reasonModal({
      locale: asker.locale,
      callbackId: DealIds.declineDiscountCallback,
      privateMetadata: JSON.stringify({ dealId: deal.id }),
      titleKey: 'deal.discount.decline_title',
      labelKey: 'deal.discount.decline_reason',
      submitKey: 'deal.discount.decline_submit',
      blockId: DealIds.declineReasonBlock,
    });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
}
