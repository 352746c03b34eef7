import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import {
  PLAN_LIMITS,
  mayWritePlan,
  planKindsOf,
  planMonths,
  type PlanContent,
  type PlanKind,
} from '../../domain/plans/plan-rules.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { localeOf } from '../org/locale-of.ts';
import { focusDraftForm } from '../rhythm/focus-content.ts';
import { approverNames, kindOf, loadPlan, planViewOf } from './plan-content.ts';

/** Refused unless this person writes this kind of plan. */
export function requirePlanWriter(chart: OrgChart, authorId: string, kind: PlanKind): void {
  if (!mayWritePlan(chart, authorId, kind))
    throw new AppError(ErrorCode.Forbidden, {}, `not a writer of ${kind} plans`, 'plan.error.not_author');
}

/**
 * What a plan's modal opens with: a new plan covers the kind's next period (or from `fromMonth`), its
 * targets table prefilled from `/targets`; a revision (`planId`, the author only) opens with the current
 * version.
 */
export async function planForm(o: {
  db: DbLike;
  chart: OrgChart;
  authorId: string;
  now: Date;
  /** A new plan's kind; the organisation's first (a site's stage plan, a brand's annual) by default. */
  kind?: PlanKind;
  fromMonth?: string;
  planId?: number;
}): Promise<{ kind: PlanKind; initial: Partial<PlanContent>; approvers: string; planId?: number }> {
  const { chart } = o;
  if (o.planId !== undefined) {
    const plan = await loadPlan(o.db, chart, o.planId);
    if (plan.authorId !== o.authorId) {
      const name = chart.nameOf(plan.authorId);
      throw new AppError(ErrorCode.Forbidden, { name }, 'not the author', 'plan.error.not_own');
    }
    const kind = kindOf(plan);
    requirePlanWriter(chart, o.authorId, kind);
    const initial = (await planViewOf(o.db, chart, plan)).content;
    return { kind, initial, approvers: approverNames(chart, kind, o.authorId), planId: plan.id };
  }
  const kind = o.kind ?? planKindsOf(chart.template)[0];
  requirePlanWriter(chart, o.authorId, kind);
  const months = planMonths(kind, formatDateTime(o.now, chart.data.timezone).slice(0, 7), o.fromMonth);
  return {
    kind,
    initial: { ...months, targets: await targetsTable(o, months.fromMonth) },
    approvers: approverNames(chart, kind, o.authorId),
  };
}

/**
 * The targets table a new plan opens with: the `/targets` of its first month as the focus draft reads
 * them, the site's row, or a brand's one line per market.
 */
async function targetsTable(o: { db: DbLike; chart: OrgChart; authorId: string }, month: string): Promise<string> {
  const locale = localeOf(o.chart, o.authorId);
  const { rows } = await focusDraftForm({ db: o.db, chart: o.chart, month, locale, withPlan: false });
  const lines = rows.filter((r) => r.targets).map((r) => (rows.length === 1 ? r.targets : `${r.name}：${r.targets}`));
  return [...lines.join('\n')].slice(0, PLAN_LIMITS.targets).join('');
}
