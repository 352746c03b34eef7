import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { findCustomer } from '../../../db/customer-repo.ts';
import type { DealStage } from '../../../domain/visits/deal-stages.ts';
import { AppError, ErrorCode } from '../../../lib/app-error.ts';
import { mayWorkOnCustomer, moveStage } from '../../../services/move-customer-stage.ts';
import { CustomerIds, TargetIds } from '../../../views/ids.ts';
import { numberModal } from '../../../views/target-modals.ts';
import { reasonModal } from '../../../views/reason-modal.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, requireMember } from '../asker-of.ts';
import { answerActionError } from '../reply-ephemeral.ts';

/** The buttons on a customer file: move the deal on one stage, or mark it lost (asks why). */
export function registerCustomerActions(app: App, ctx: AppContext): void {
  app.action<BlockAction>(CustomerIds.next, async ({ ack, body, client, context }) => {
    await ack();
    const asker = askerOf(context);
    try {
      requireMember(asker);
      const [id, from, to] = String((body.actions[0] as ButtonAction).value).split(':');
      if (to === 'contracted') {
        // a contract counts toward targets with its amount: ask for it first
        const customer = await findCustomer(ctx.db, Number(id));
        if (!customer || customer.orgId !== asker.chart.data.orgId) throw new AppError(ErrorCode.NotFound, { what: `#${id}` });
        if (!mayWorkOnCustomer(asker.chart, body.user.id, customer.ownerId)) throw new AppError(ErrorCode.Forbidden, {}, 'not owner', 'customer.not_allowed');
        const view = numberModal({ locale: asker.locale, callbackId: TargetIds.contractCallback, titleKey: 'customer.contract.title', valueKey: 'customer.contract.amount', submitKey: 'customer.contract.submit', metadata: JSON.stringify({ customerId: customer.id, from }) });
        await client.views.open({ trigger_id: body.trigger_id, view: view as never });
        return;
      }
      await moveStage({ db: ctx.db, clock: ctx.clock, chart: asker.chart, customerId: Number(id), actorId: body.user.id, from: from as DealStage, to: to as DealStage });
      ctx.outbox.nudge();
    } catch (error) {
      await answerActionError(error, body, client, asker, ctx);
    }
  });

  app.action<BlockAction>(CustomerIds.lost, async ({ ack, body, client, context }) => {
    await ack();
    const asker = askerOf(context);
    try {
      requireMember(asker);
      const [id, from] = String((body.actions[0] as ButtonAction).value).split(':');
      const customer = await findCustomer(ctx.db, Number(id));
      if (!customer || customer.orgId !== asker.chart.data.orgId) throw new AppError(ErrorCode.NotFound, { what: `#${id}` });
      if (!mayWorkOnCustomer(asker.chart, body.user.id, customer.ownerId)) throw new AppError(ErrorCode.Forbidden, {}, 'not owner', 'customer.not_allowed');
      const view = reasonModal({ locale: asker.locale, callbackId: CustomerIds.lostCallback, privateMetadata: JSON.stringify({ customerId: customer.id, from }), titleKey: 'customer.lost.title', labelKey: 'customer.lost.reason', submitKey: 'customer.lost.submit', blockId: CustomerIds.lostReasonBlock });
      await client.views.open({ trigger_id: body.trigger_id, view: view as never });
    } catch (error) {
      await answerActionError(error, body, client, asker, ctx);
    }
  });
}
