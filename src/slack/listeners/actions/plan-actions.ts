import type { ListenerRouter } from '../listener-router.ts';
import { approvePlan, planToDecide } from '../../../services/plans/decide-plan.ts';
import { planForm } from '../../../services/plans/plan-form.ts';
import { PlanIds } from '../../../views/ids.ts';
import { planModal } from '../../../views/plans/plan-views.ts';
import { reasonModal } from '../../../views/reason-modal.ts';
import type { AppContext } from '../../app-context.ts';
import { onButton } from '../on-button.ts';

/** A stage plan's card: its approvers approve or return it; its author revises it as a new version. */
export function registerPlanActions(app: ListenerRouter, ctx: AppContext): void {
  onButton(app, ctx, PlanIds.approve, ({ body, asker, value }) =>
    approvePlan({ db: ctx.db, clock: ctx.clock, chart: asker.chart, planId: Number(value), deciderId: body.user.id }),
  );

  onButton(app, ctx, PlanIds.return, async ({ body, client, asker, value }) => {
    const plan = await planToDecide({ db: ctx.db, chart: asker.chart, planId: Number(value), deciderId: body.user.id });
    const view = reasonModal({
      locale: asker.locale,
      callbackId: PlanIds.returnCallback,
      privateMetadata: JSON.stringify({ planId: plan.id, version: plan.version }),
      titleKey: 'plan.return.title',
      labelKey: 'plan.return.label',
      submitKey: 'plan.return.submit',
      blockId: PlanIds.reasonBlock,
    });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });

  onButton(app, ctx, PlanIds.revise, async ({ body, client, asker, value }) => {
    const form = await planForm({
      db: ctx.db,
      chart: asker.chart,
      authorId: body.user.id,
      now: ctx.clock.now(),
      planId: Number(value),
    });
    await client.views.open({ trigger_id: body.trigger_id, view: planModal({ locale: asker.locale, ...form }) });
  });
}
