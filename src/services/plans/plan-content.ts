import type { DbLike } from '../../db/unit-of-work.ts';
import { findPlan, findPlanVersion, planApprovals, type SalesPlan } from '../../db/plans/plan-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import {
  PLAN_FIELDS,
  PLAN_KINDS,
  planApproverGroups,
  planApprovers,
  type PlanContent,
  type PlanKind,
} from '../../domain/plans/plan-rules.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { PlanView } from '../../views/plans/plan-views.ts';

/** A stored plan's kind (a row from before kinds reads as a stage plan). */
export const kindOf = (plan: Pick<SalesPlan, 'kind'>): PlanKind =>
  (PLAN_KINDS as readonly string[]).includes(plan.kind) ? (plan.kind as PlanKind) : 'stage';

/** Mentions of those who approve a kind of plan, as cards and hints name them: each approval a group. */
export const approverNames = (chart: OrgChart, kind: PlanKind, authorId: string) =>
  planApproverGroups(chart, kind, authorId)
    .map((g) => g.people.map((id) => `<@${id}>`).join('/'))
    .join('、');

/** The conversation of the author and the approvers, where the card and its thread live. */
export const planConversation = (chart: OrgChart, kind: PlanKind, authorId: string) =>
  `mpim:${[...new Set([authorId, ...planApprovers(chart, kind, authorId)])].sort().slice(0, 8).join(',')}`;

/** A version's content: its fields, and the uploaded file it came from, if any. */
export interface StoredContent {
  content: PlanContent;
  file?: { id: string; name: string; url: string };
}

export function readContent(json: string): PlanContent {
  return readStored(json).content;
}

export function readStored(json: string): StoredContent {
  const raw = JSON.parse(json) as Partial<PlanContent> & { file?: StoredContent['file'] };
  const content = Object.fromEntries(PLAN_FIELDS.map((f) => [f, String(raw[f] ?? '')])) as PlanContent;
  return raw.file ? { content, file: raw.file } : { content };
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
  const kind = kindOf(plan);
  const stored = readStored(version?.content ?? '{}');
  const approvals = await planApprovals(db, plan.id, plan.version);
  const given = new Set(approvals.map((a) => a.approverKey));
  const waiting = planApproverGroups(chart, kind, plan.authorId).filter((g) => !given.has(g.key));
  return {
    id: plan.id,
    kind,
    version: plan.version,
    status: plan.status,
    content: stored.content,
    file: stored.file?.name ?? null,
    author: chart.nameOf(plan.authorId),
    approvers: approverNames(chart, kind, plan.authorId),
    approvedBy: [...new Set(approvals.map((a) => chart.nameOf(a.approverId)))],
    waiting: waiting.map((g) => g.people.map((id) => `<@${id}>`).join('/')).join('、'),
    decidedBy: plan.decidedBy ? chart.nameOf(plan.decidedBy) : null,
    decidedAt: plan.decidedAt,
    returnReason: plan.returnReason,
    publishOn: plan.publishedAt ? null : plan.publishOn,
  };
}
