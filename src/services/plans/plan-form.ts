import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { mayWritePlan, monthAfter, type PlanContent } from '../../domain/plans/plan-rules.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { localeOf } from '../org/locale-of.ts';
import { focusDraftForm } from '../rhythm/focus-content.ts';
import { approverNames, loadPlan, planViewOf } from './plan-content.ts';

/**
 * What the stage plan's modal opens with: a new plan covers next month, its targets table prefilled
 * from `/targets`; a revision (`planId`, the author only) opens with the current version.
 */
export async function planForm(o: {
  db: DbLike;
  chart: OrgChart;
  authorId: string;
  now: Date;
  planId?: number;
}): Promise<{ initial: Partial<PlanContent>; approvers: string; planId?: number }> {
  const { chart } = o;
  if (!mayWritePlan(chart, o.authorId))
    throw new AppError(ErrorCode.Forbidden, {}, 'not the PM', 'plan.error.not_author');
  const approvers = approverNames(chart, o.authorId);
  if (o.planId !== undefined) {
    const plan = await loadPlan(o.db, chart, o.planId);
    if (plan.authorId !== o.authorId) {
      const name = chart.nameOf(plan.authorId);
      throw new AppError(ErrorCode.Forbidden, { name }, 'not the author', 'plan.error.not_own');
    }
    return { initial: (await planViewOf(o.db, chart, plan)).content, approvers, planId: plan.id };
  }
  const month = monthAfter(formatDateTime(o.now, chart.data.timezone).slice(0, 7));
  const locale = localeOf(chart, o.authorId);
  const { rows } = await focusDraftForm({ db: o.db, chart, month, locale, withPlan: false });
  const targets = rows.map((r) => r.targets).find(Boolean) ?? '';
  return { initial: { fromMonth: month, toMonth: month, targets }, approvers };
}
