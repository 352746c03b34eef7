import { findAssignment, finishAssignment, onboardingOf, type Task } from '../../db/tasks/task-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { LOCALES, t } from '../../i18n/index.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { localeOf } from '../org/locale-of.ts';
import { postInTaskThread, refreshAssigneeCard, refreshAssignerCard } from './task-messages.ts';

/**
 * Whether someone is still a trainee: their role has onboarding in the org file and not all of their
 * onboarding tasks are done. Costs no query for a role without onboarding (most registrations).
 */
export async function isInOnboarding(db: DbLike, chart: OrgChart, personId: string): Promise<boolean> {
  const role = chart.person(personId)?.role ?? '';
  if ((chart.data.tasks?.onboarding?.[role] ?? []).length === 0) return false;
  const onboarding = await onboardingOf(db, chart.data.orgId, personId);
  return onboarding.some(({ assignment }) => assignment.status !== 'done');
}

const fold = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/** The item an onboarding task stands for: its title without the `上崗培訓：` / `Onboarding: ` prefix. */
function itemOf(title: string): string {
  for (const locale of LOCALES) {
    const prefix = t(locale, 'onboarding.title', { item: '' });
    if (title.startsWith(prefix)) return title.slice(prefix.length);
  }
  return title;
}

/**
 * A training session attended counts as that training done on the attendee's onboarding: each open
 * onboarding task whose item the session's title names is marked done, its cards rewritten and its
 * thread told. Returns how many were counted.
 */
export async function creditSessionToOnboarding(
  unit: DbLike,
  o: { chart: OrgChart; session: Task; attendeeIds: string[]; now: Date },
): Promise<number> {
  const { chart, session, now } = o;
  const sessionTitle = fold(session.title);
  let credited = 0;
  for (const personId of o.attendeeIds) {
    for (const { task, assignment } of await onboardingOf(unit, chart.data.orgId, personId)) {
      const item = fold(itemOf(task.title));
      if (task.id === session.id || assignment.status !== 'open' || !item || !sessionTitle.includes(item)) continue;
      if (!(await finishAssignment(unit, assignment.id, 'done', null, now))) continue;
      credited += 1;
      const after = await findAssignment(unit, assignment.id);
      if (after) await refreshAssigneeCard(unit, chart, task, after, now);
      await refreshAssignerCard(unit, chart, task, now);
      const note = t(localeOf(chart, task.assignerId), 'training.thread.credited', {
        name: escapeMrkdwn(chart.nameOf(personId)),
        session: escapeMrkdwn(session.title),
      });
      await postInTaskThread(unit, task, note, now);
    }
  }
  return credited;
}
