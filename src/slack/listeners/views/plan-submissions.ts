import type { ListenerRouter } from '../listener-router.ts';
import { PLAN_KINDS, validatePlan, type PlanField, type PlanKind } from '../../../domain/plans/plan-rules.ts';
import { tFor } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/format-time.ts';
import { returnPlan } from '../../../services/plans/decide-plan.ts';
import { submitPlan } from '../../../services/plans/submit-plan.ts';
import { PlanIds } from '../../../views/ids.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, requireMember } from '../asker-of.ts';
import { readMetadata, readViewValues } from '../read-view-values.ts';
import { saveSubmission } from '../save-submission.ts';

/** The stage plan's form (a new plan or its next version), and the reason a plan is returned. */
export function registerPlanSubmissions(app: ListenerRouter, ctx: AppContext): void {
  app.view(PlanIds.draftCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    await saveSubmission({ ack, ctx, asker, field: 'goals' }, async () => {
      requireMember(asker);
      const { chart, locale } = asker;
      const meta = readMetadata<{ planId: number | null; kind?: PlanKind }>(view);
      const kind = meta?.kind && PLAN_KINDS.includes(meta.kind) ? meta.kind : 'stage';
      const today = formatDateTime(ctx.clock.now(), chart.data.timezone).slice(0, 10);
      const values = readViewValues(view) as Partial<Record<PlanField, string>>;
      const checked = validatePlan(values, { kind, currentMonth: today.slice(0, 7), today });
      if (!checked.ok) {
        const errors: Record<string, string> = {};
        for (const e of checked.errors)
          errors[e.field] ??= tFor(locale, 'plan.error', e.reason, {
            field: tFor(locale, 'plan.field', e.field),
            ...e.params,
          });
        return errors;
      }
      const planId = meta?.planId ?? null;
      await submitPlan({
        kind,
        db: ctx.db,
        clock: ctx.clock,
        chart,
        authorId: body.user.id,
        planId: planId === null ? null : Number(planId),
        content: checked.content,
        viewId: view.id,
      });
    });
  });

  app.view(PlanIds.returnCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    await saveSubmission({ ack, ctx, asker, field: PlanIds.reasonBlock }, async () => {
      const reason = String(readViewValues(view)[PlanIds.reasonBlock] ?? '').trim();
      if (!reason)
        return {
          [PlanIds.reasonBlock]: tFor(asker.locale, 'plan.error', 'required', {
            field: tFor(asker.locale, 'plan.return', 'label'),
          }),
        };
      const meta = readMetadata<{ planId: number; version: number }>(view);
      await returnPlan({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        planId: Number(meta?.planId),
        deciderId: body.user.id,
        reason,
        version: Number(meta?.version),
      });
    });
  });
}
