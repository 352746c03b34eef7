import type { ListenerRouter } from '../listener-router.ts';
import type { DealStage } from '../../../domain/visits/deal-stages.ts';
import { moveStage } from '../../../services/visits/move-customer-stage.ts';
import { undoStage } from '../../../services/visits/undo-customer-stage.ts';
import { loadWorkableCustomer } from '../../../services/visits/workable-customer.ts';
import { CustomerIds, TargetIds } from '../../../views/ids.ts';
import { reasonModal } from '../../../views/reason-modal.ts';
import { numberModal } from '../../../views/targets/target-modals.ts';
import type { AppContext } from '../../app-context.ts';
import { onButton } from '../on-button.ts';

/**
 * The buttons on a customer file: move the deal on one stage (簽約 asks its amount), mark it lost (asks why), or undo a
 * step.
 */
export function registerCustomerActions(app: ListenerRouter, ctx: AppContext): void {
  onButton(app, ctx, CustomerIds.next, async ({ body, client, asker, value }) => {
    const [id, from, to] = value.split(':');
    if (to === 'contracted') {
      // a contract counts toward targets with its amount: ask for it first
      const customer = await loadWorkableCustomer({
        db: ctx.db,
        chart: asker.chart,
        customerId: Number(id),
        actorId: body.user.id,
        toStage: to,
      });
      const view = numberModal({
        locale: asker.locale,
        callbackId: TargetIds.contractCallback,
        titleKey: 'customer.contract.title',
        valueKey: 'customer.contract.amount',
        submitKey: 'customer.contract.submit',
        metadata: JSON.stringify({ customerId: customer.id, from }),
      });
      await client.views.open({ trigger_id: body.trigger_id, view });
      return;
    }
    await moveStage({
      db: ctx.db,
      clock: ctx.clock,
      chart: asker.chart,
      customerId: Number(id),
      actorId: body.user.id,
      from: from as DealStage,
      to: to as DealStage,
    });
  });

  onButton(app, ctx, CustomerIds.undo, async ({ body, asker, value }) => {
    const [id, from] = value.split(':');
    await undoStage({
      db: ctx.db,
      clock: ctx.clock,
      chart: asker.chart,
      customerId: Number(id),
      actorId: body.user.id,
      from: from as DealStage,
    });
  });

  onButton(app, ctx, CustomerIds.lost, async ({ body, client, asker, value }) => {
    const [id, from] = value.split(':');
    const customer = await loadWorkableCustomer({
      db: ctx.db,
      chart: asker.chart,
      customerId: Number(id),
      actorId: body.user.id,
    });
    const view = reasonModal({
      locale: asker.locale,
      callbackId: CustomerIds.lostCallback,
      privateMetadata: JSON.stringify({ customerId: customer.id, from }),
      titleKey: 'customer.lost.title',
      labelKey: 'customer.lost.reason',
      submitKey: 'customer.lost.submit',
      blockId: CustomerIds.lostReasonBlock,
    });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
}
