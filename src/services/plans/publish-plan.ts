import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import { findPlan, markPlanPublished, plansToPublish, type SalesPlan } from '../../db/plans/plan-repo.ts';
import { transaction, type Db, type Unit } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { localDay } from '../../domain/tasks/task-dates.ts';
import { t } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { planAnnouncement } from '../../views/plans/plan-views.ts';
import { conversationLocaleOf, orgLocaleOf } from '../org/locale-of.ts';
import { planViewOf } from './plan-content.ts';
import { noteInPlanThread, queuePlanCard } from './submit-plan.ts';

/** Where an approved plan is published: a site's 策劃部 and site channels, a brand's planning and announcements. */
const CHANNELS = { 'property-site': ['planning', 'site'], 'brand-sales': ['planning', 'announcements'] } as const;

/** The approved plan's announcement, queued to each of its channels the org file has. */
export async function announcePlan(unit: Unit, chart: OrgChart, plan: SalesPlan, now: Date): Promise<void> {
  const view = await planViewOf(unit, chart, plan);
  const channels = CHANNELS[chart.template].map((name) => chart.channel(name));
  for (const channel of new Set(channels)) {
    if (!channel) continue;
    const args = planAnnouncement(view, {
      locale: conversationLocaleOf(chart, channel),
      timeZone: chart.data.timezone,
    });
    await enqueueMessage(unit, { method: 'chat.postMessage', channel, args }, now);
  }
}

/** Whether an approved plan is published at once: it has no publication day, or the day has come. */
export const publishesNow = (plan: Pick<SalesPlan, 'publishOn'>, chart: OrgChart, now: Date) =>
  !plan.publishOn || plan.publishOn <= localDay(now, chart.data.timezone);

/**
 * The scheduler's part (job `plans.publish`): every approved plan whose publication day has come is
 * published to its channels, its card rewritten and its thread told; marked in the same transaction,
 * so a retried run publishes nothing twice.
 */
export async function publishDuePlans(o: { db: Db; clock: Clock; chart: OrgChart }): Promise<number> {
  const now = o.clock.now();
  const today = localDay(now, o.chart.data.timezone);
  let published = 0;
  for (const due of await plansToPublish(o.db, o.chart.data.orgId, today)) {
    await transaction(o.db, async (unit) => {
      if (!(await markPlanPublished(unit, due.id, now))) return;
      const plan = (await findPlan(unit, due.id)) as SalesPlan;
      await announcePlan(unit, o.chart, plan, now);
      await queuePlanCard(unit, o.chart, plan, now);
      const note = t(orgLocaleOf(o.chart), 'plan.thread.published', { version: plan.version, on: today });
      await noteInPlanThread(unit, plan, note, now);
      published += 1;
    });
  }
  return published;
}
