import type { DbLike } from '../../db/unit-of-work.ts';
import { findPlan, findPlanVersion, type SalesPlan } from '../../db/plans/plan-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { PLAN_FIELDS, planApprovers, type PlanContent } from '../../domain/plans/plan-rules.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { PlanView } from '../../views/plans/plan-views.ts';

/** Mentions of those who approve an author's plan, as cards and hints name them. */
export const approverNames = (chart: OrgChart, authorId: string) =>
  planApprovers(chart, authorId)
    .map((id) => `<@${id}>`)
    .join('、');

/** The conversation of the author and the approvers, where the card and its thread live. */
export const planConversation = (chart: OrgChart, authorId: string) =>
  `mpim:${[...new Set([authorId, ...planApprovers(chart, authorId)])].sort().slice(0, 8).join(',')}`;

export function readContent(json: string): PlanContent {
  const raw = JSON.parse(json) as Partial<PlanContent>;
  return Object.fromEntries(PLAN_FIELDS.map((f) => [f, String(raw[f] ?? '')])) as PlanContent;
}

/** A plan of this organisation, or not found. */
export async function loadPlan(db: DbLike, chart: OrgChart, planId: number): Promise<SalesPlan> {
  const plan = Number.isInteger(planId) ? await findPlan(db, planId) : null;
  if (!plan || plan.orgId !== chart.data.orgId)
    throw new AppError(ErrorCode.NotFound, {}, `plan ${planId}`, 'plan.error.not_found');
  return plan;
}

/** The plan at its current version, as its card and announcement show it. */
export async function planViewOf(db: DbLike, chart: OrgChart, plan: SalesPlan): Promise<PlanView> {
  const version = await findPlanVersion(db, plan.id, plan.version);
  return {
    id: plan.id,
    version: plan.version,
    status: plan.status,
    content: readContent(version?.content ?? '{}'),
    author: chart.nameOf(plan.authorId),
    approvers: approverNames(chart, plan.authorId),
    decidedBy: plan.decidedBy ? chart.nameOf(plan.decidedBy) : null,
    decidedAt: plan.decidedAt,
    returnReason: plan.returnReason,
  };
}
