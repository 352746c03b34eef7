import { recordAudit } from '../../db/audit-repo.ts';
import {
  addPlanApproval,
  decidePlan,
  findPlan,
  findPlanByCard,
  holdPendingPlan,
  planApprovals,
  type SalesPlan,
} from '../../db/plans/plan-repo.ts';
import { transaction, type Db, type DbLike, type Unit } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { planApproverGroups, planApprovers } from '../../domain/plans/plan-rules.ts';
import { t, tFor } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { kindName, planRange } from '../../views/plans/plan-views.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf, orgLocaleOf } from '../org/locale-of.ts';
import { approverNames, kindOf, loadPlan, planViewOf } from './plan-content.ts';
import { announcePlan, publishesNow } from './publish-plan.ts';
import { noteInPlanThread, queuePlanCard } from './submit-plan.ts';

interface DecideOptions {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  planId: number;
  deciderId: string;
}

/** The plan, for one of its approvers, while its version waits; otherwise the reason it cannot be decided. */
export async function planToDecide(o: Omit<DecideOptions, 'clock'>): Promise<SalesPlan> {
  const plan = await loadPlan(o.db, o.chart, o.planId);
  if (!planApprovers(o.chart, kindOf(plan), plan.authorId).includes(o.deciderId)) {
    const approvers = approverNames(o.chart, kindOf(plan), plan.authorId);
    throw new AppError(ErrorCode.Forbidden, { approvers }, 'not an approver', 'plan.error.not_approver');
  }
  if (plan.status !== 'pending') throw movedOn(o, plan);
  return plan;
}

const movedOn = (o: Omit<DecideOptions, 'clock'>, plan: SalesPlan) => {
  const status = tFor(localeOf(o.chart, o.deciderId), 'plan.status', plan.status);
  return new AppError(ErrorCode.AlreadyDecided, { version: plan.version, status }, 'decided', 'plan.error.moved_on');
};

/**
 * One approver's approval of the plan's current version, for every role or person of the org file they
 * stand for. When all have approved, the plan is approved and published (at once, or on its
 * publication day by the scheduler); the author is told. A second approval by the same person acts once.
 */
export async function approvePlan(o: DecideOptions): Promise<void> {
  const plan = await planToDecide(o);
  const now = o.clock.now();
  const { chart } = o;
  const groups = planApproverGroups(chart, kindOf(plan), plan.authorId);
  await transaction(o.db, async (unit) => {
    // the plan's row first: two approvers at once finish one after the other, so the last one sees all
    if (!(await holdPendingPlan(unit, plan, now))) throw movedOn(o, (await findPlan(unit, plan.id)) as SalesPlan);
    let added = 0;
    for (const g of groups.filter((g) => g.people.includes(o.deciderId))) {
      const a = { planId: plan.id, version: plan.version, approverKey: g.key, approverId: o.deciderId, createdAt: now };
      if (await addPlanApproval(unit, a)) added += 1;
    }
    const given = new Set((await planApprovals(unit, plan.id, plan.version)).map((a) => a.approverKey));
    const waiting = groups.filter((g) => !given.has(g.key));
    const waitingNames = waiting.map((g) => g.people.map((id) => `<@${id}>`).join('/')).join('、');
    if (added === 0) {
      const params = { version: plan.version, waiting: waitingNames };
      throw new AppError(ErrorCode.AlreadyDecided, params, 'approved already', 'plan.error.already_approved');
    }
    const name = escapeMrkdwn(chart.nameOf(o.deciderId));
    await recordAudit(unit, {
      orgId: chart.data.orgId,
      actor: o.deciderId,
      action: waiting.length > 0 ? 'plan.approval' : 'plan.approve',
      subject: `plan#${plan.id}`,
      detail: { version: plan.version },
      at: now,
    });
    if (waiting.length > 0) {
      await queuePlanCard(unit, chart, plan, now);
      const note = t(orgLocaleOf(chart), 'plan.thread.partly', { name, version: plan.version, waiting: waitingNames });
      return void (await noteInPlanThread(unit, plan, note, now));
    }
    await approveFully(unit, o, plan, now);
  });
}

/** The last approval: the plan approved, published now or on its day, the author told. */
async function approveFully(unit: Unit, o: DecideOptions, plan: SalesPlan, now: Date): Promise<void> {
  const { chart } = o;
  const publish = publishesNow(plan, chart, now);
  if (!(await decidePlan(unit, plan, { status: 'approved', by: o.deciderId, at: now, reason: null, publish })))
    throw movedOn(o, (await findPlan(unit, plan.id)) as SalesPlan);
  const after = (await findPlan(unit, plan.id)) as SalesPlan;
  await queuePlanCard(unit, chart, after, now);
  const name = escapeMrkdwn(chart.nameOf(o.deciderId));
  const at = { name, version: plan.version, on: plan.publishOn ?? '' };
  const thread = t(orgLocaleOf(chart), publish ? 'plan.thread.approved' : 'plan.thread.approved_later', at);
  await noteInPlanThread(unit, after, thread, now);
  if (publish) await announcePlan(unit, chart, after, now);
  const view = await planViewOf(unit, chart, after);
  const locale = localeOf(chart, plan.authorId);
  const told = { range: planRange(view.content), kind: kindName(locale, view.kind), version: plan.version, by: name };
  const text = t(locale, publish ? 'plan.dm.approved' : 'plan.dm.approved_later', { ...told, on: at.on });
  await queueDirectMessage(unit, plan.authorId, { text }, now);
}

/** Returns the current version with a reason; the author revises it as a new version. */
export async function returnPlan(o: DecideOptions & { reason: string; version?: number }): Promise<void> {
  const reason = truncate(o.reason.trim(), 500);
  if (!reason) throw new AppError(ErrorCode.InvalidInput, { reason: '—' });
  const plan = await planToDecide(o);
  if (o.version !== undefined && plan.version !== o.version) throw movedOn(o, plan); // a new version came meanwhile
  const now = o.clock.now();
  const { chart } = o;
  await transaction(o.db, async (unit) => {
    if (!(await decidePlan(unit, plan, { status: 'returned', by: o.deciderId, at: now, reason })))
      throw movedOn(o, (await findPlan(unit, plan.id)) as SalesPlan);
    const after = (await findPlan(unit, plan.id)) as SalesPlan;
    await queuePlanCard(unit, chart, after, now);
    const name = escapeMrkdwn(chart.nameOf(o.deciderId));
    const why = escapeMrkdwn(reason);
    const note = t(orgLocaleOf(chart), 'plan.thread.returned', { name, version: plan.version, reason: why });
    await noteInPlanThread(unit, after, note, now);
    const view = await planViewOf(unit, chart, after);
    const locale = localeOf(chart, plan.authorId);
    const kind = kindName(locale, view.kind);
    const told = { range: planRange(view.content), kind, version: plan.version, by: name, reason: why };
    await queueDirectMessage(unit, plan.authorId, { text: t(locale, 'plan.dm.returned', told) }, now);
    await recordAudit(unit, {
      orgId: chart.data.orgId,
      actor: o.deciderId,
      action: 'plan.return',
      subject: `plan#${plan.id}`,
      detail: { version: plan.version, reason },
      at: now,
    });
  });
}

/** The plan whose card started this thread, if any: a reply 通過 there approves it. */
export async function planOfThread(o: { db: DbLike; channel: string; threadTs: string }): Promise<number | undefined> {
  return (await findPlanByCard(o.db, o.channel, o.threadTs))?.id;
}
