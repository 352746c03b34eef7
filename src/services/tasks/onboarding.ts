import type { Db } from '../../db/database.ts';
import { transaction } from '../../db/unit-of-work.ts';
import type { Config } from '../../config.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { localDay, workingDaysFrom } from '../../domain/tasks/task-dates.ts';
import { t } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { workingCalendarOf } from '../calendar/working-calendar-of.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf, orgLocaleOf } from '../org/locale-of.ts';
import { assignTask } from './assign-task.ts';

/** Working days a newcomer has for onboarding unless the org file says (`tasks.onboarding_days`). */
export const DEFAULT_ONBOARDING_DAYS = 10;

/** Who the new chart brings in with a role the org file lists onboarding for, or whose role changed to one. */
export function newcomersNeedingOnboarding(before: OrgChart, after: OrgChart): string[] {
  const lists = after.data.tasks?.onboarding ?? {};
  if (Object.keys(lists).length === 0) return [];
  return after.people
    .filter((p) => (lists[p.role] ?? []).length > 0 && before.person(p.slackId)?.role !== p.role)
    .map((p) => p.slackId);
}

/**
 * A person added to the chart with a role that needs onboarding gets one training task per item
 * of the role's list, handed down by their day-to-day manager (the team lead, or the KAM…), who
 * follows it on the tasks' cards; the manager above is told. Keyed per person and item, so a
 * second reload creates nothing twice.
 */
export async function createOnboarding(o: {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'calendar'>;
  before: OrgChart;
  after: OrgChart;
}): Promise<number> {
  const { after: chart } = o;
  const now = o.clock.now();
  const calendar = workingCalendarOf(o.config, chart.data.timezone);
  const days = chart.data.tasks?.onboarding_days ?? DEFAULT_ONBOARDING_DAYS;
  const [y, m, d] = workingDaysFrom(calendar, localDay(now, chart.data.timezone), days);
  const due = `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  let created = 0;
  for (const personId of newcomersNeedingOnboarding(o.before, chart)) {
    const lead = chart.primaryApprover(personId);
    if (!lead) continue;
    const items = chart.data.tasks?.onboarding?.[chart.person(personId)?.role ?? ''] ?? [];
    const locale = localeOf(chart, personId);
    for (const [i, item] of items.entries()) {
      await assignTask({
        db: o.db,
        clock: o.clock,
        chart,
        config: o.config,
        assignerId: lead,
        input: {
          title: truncate(t(locale, 'onboarding.title', { item }), 100),
          description: t(locale, 'onboarding.description', { index: i + 1, count: items.length }),
          dueDate: due,
          kind: 'training',
          checklist: [],
          assignee: personId,
          scope: 'person',
        },
        viewId: `onboarding:${chart.data.orgId}:${personId}:${i}`,
        origin: 'onboarding',
      });
      created += 1;
    }
    const above = chart.chainOf(lead)[0];
    if (above && items.length > 0) {
      const text = t(localeOf(chart, above) ?? orgLocaleOf(chart), 'onboarding.followers', {
        name: escapeMrkdwn(chart.nameOf(personId)),
        count: items.length,
        lead: escapeMrkdwn(chart.nameOf(lead)),
        due,
      });
      await transaction(o.db, (unit) => queueDirectMessage(unit, above, { text }, now));
    }
  }
  return created;
}
