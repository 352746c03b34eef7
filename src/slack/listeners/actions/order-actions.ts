import type { ListenerRouter } from '../listener-router.ts';
import { t } from '../../../i18n/index.ts';
import { today } from '../../../services/orders/check-order.ts';
import { approveOrder, checkMayDecide } from '../../../services/orders/decide-order.ts';
import { prefillFromNeed, checkMayCloseNeed } from '../../../services/orders/replenishment.ts';
import { OrderIds } from '../../../views/ids.ts';
import { orderEntryModal, orderReasonModal } from '../../../views/orders/order-modal.ts';
import type { AppContext } from '../../app-context.ts';
import { onButton } from '../on-button.ts';

/** Approve and Reject on a held order's card; a replenishment need's 轉為訂單 and 關閉. */
export function registerOrderActions(app: ListenerRouter, ctx: AppContext): void {
  onButton(app, ctx, OrderIds.approve, ({ body, asker, value }) =>
    approveOrder({ db: ctx.db, clock: ctx.clock, chart: asker.chart, orderId: Number(value), deciderId: body.user.id }),
  );

  onButton(app, ctx, OrderIds.reject, async ({ body, client, asker, value }) => {
    await checkMayDecide({ db: ctx.db, chart: asker.chart, orderId: Number(value), deciderId: body.user.id });
    const view = orderReasonModal({
      locale: asker.locale,
      callbackId: OrderIds.rejectCallback,
      title: t(asker.locale, 'order.reject.title'),
      ref: value,
    });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });

  onButton(app, ctx, OrderIds.needToOrder, async ({ body, client, asker, value }) => {
    const prefill = await prefillFromNeed({
      db: ctx.db,
      chart: asker.chart,
      askerId: body.user.id,
      needId: Number(value),
    });
    const view = orderEntryModal({ locale: asker.locale, today: today(asker.chart, ctx.clock), prefill });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });

  onButton(app, ctx, OrderIds.closeNeed, async ({ body, client, asker, value }) => {
    await checkMayCloseNeed({ db: ctx.db, chart: asker.chart, askerId: body.user.id, needId: Number(value) });
    const view = orderReasonModal({
      locale: asker.locale,
      callbackId: OrderIds.closeNeedCallback,
      title: t(asker.locale, 'order.need.close_title'),
      ref: value,
    });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
}
