import { recordAudit } from '../../db/audit-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import { decidePlan, findPlan, findPlanByCard, type SalesPlan } from '../../db/plans/plan-repo.ts';
import { transaction, type Db, type DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { planApprovers } from '../../domain/plans/plan-rules.ts';
import { t, tFor } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { planAnnouncement, planRange } from '../../views/plans/plan-views.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { conversationLocaleOf, localeOf, orgLocaleOf } from '../org/locale-of.ts';
import { approverNames, loadPlan, planViewOf } from './plan-content.ts';
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
  if (!planApprovers(o.chart, plan.authorId).includes(o.deciderId)) {
    const approvers = approverNames(o.chart, plan.authorId);
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
 * Approves the plan's current version and publishes it at once to the planning and site channels; the
 * author is told, and the `/focus` drafts of its months open with its focus. A second approval acts once.
 */
export async function approvePlan(o: DecideOptions): Promise<void> {
  const plan = await planToDecide(o);
  const now = o.clock.now();
  const { chart } = o;
  await transaction(o.db, async (unit) => {
    if (!(await decidePlan(unit, plan, { status: 'approved', by: o.deciderId, at: now, reason: null })))
      throw movedOn(o, (await findPlan(unit, plan.id)) as SalesPlan);
    const after = (await findPlan(unit, plan.id)) as SalesPlan;
    await queuePlanCard(unit, chart, after, now);
    const name = escapeMrkdwn(chart.nameOf(o.deciderId));
    await noteInPlanThread(
      unit,
      after,
      t(orgLocaleOf(chart), 'plan.thread.approved', { name, version: plan.version }),
      now,
    );
    const view = await planViewOf(unit, chart, after);
    for (const channel of new Set([chart.channel('planning'), chart.channel('site')])) {
      if (!channel) continue;
      const args = planAnnouncement(view, {
        locale: conversationLocaleOf(chart, channel),
        timeZone: chart.data.timezone,
      });
      await enqueueMessage(unit, { method: 'chat.postMessage', channel, args }, now);
    }
    const told = { range: planRange(view.content), version: plan.version, by: name };
    await queueDirectMessage(
      unit,
      plan.authorId,
      { text: t(localeOf(chart, plan.authorId), 'plan.dm.approved', told) },
      now,
    );
    await recordAudit(unit, {
      orgId: chart.data.orgId,
      actor: o.deciderId,
      action: 'plan.approve',
      subject: `plan#${plan.id}`,
      detail: { version: plan.version },
      at: now,
    });
  });
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
    const told = { range: planRange(view.content), version: plan.version, by: name, reason: why };
    await queueDirectMessage(
      unit,
      plan.authorId,
      { text: t(localeOf(chart, plan.authorId), 'plan.dm.returned', told) },
      now,
    );
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
