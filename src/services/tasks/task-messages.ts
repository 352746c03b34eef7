import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import { assignmentsOf, type Task, type TaskAssignment } from '../../db/tasks/task-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { localDay } from '../../domain/tasks/task-dates.ts';
import { assigneeCard, assignerCard, type TaskViewContext } from '../../views/tasks/task-cards.ts';
import { localeOf } from '../org/locale-of.ts';

/** How a task reads for one person, today. */
export function taskViewFor(chart: OrgChart, personId: string, now: Date): TaskViewContext {
  const timeZone = chart.data.timezone;
  return {
    locale: localeOf(chart, personId),
    timeZone,
    nameOf: (id) => chart.nameOf(id),
    today: localDay(now, timeZone),
  };
}

export const taskOrigin = (task: Pick<Task, 'id' | 'assignerId'>) => ({
  kind: 'task',
  ref: `#${task.id}`,
  by: task.assignerId,
});

/** Rewrites the assigner's card: the progress and who is late. */
export async function refreshAssignerCard(unit: DbLike, chart: OrgChart, task: Task, now: Date): Promise<void> {
  if (!task.cardOutboxId) return;
  const args = assignerCard(task, await assignmentsOf(unit, task.id), taskViewFor(chart, task.assignerId, now));
  await enqueueMessage(unit, { method: 'chat.update', channel: '', args, updateOfId: task.cardOutboxId }, now);
}

/** Rewrites one assignee's card: their answer, and no buttons once they gave it. */
export async function refreshAssigneeCard(
  unit: DbLike,
  chart: OrgChart,
  task: Task,
  a: TaskAssignment,
  now: Date,
): Promise<void> {
  if (!a.cardOutboxId) return;
  const args = assigneeCard(task, a, taskViewFor(chart, a.assigneeId, now));
  await enqueueMessage(unit, { method: 'chat.update', channel: '', args, updateOfId: a.cardOutboxId }, now);
}

/** A note in the task's thread: under the assigner's card, where the assigner follows it. */
export async function postInTaskThread(unit: DbLike, task: Task, text: string, now: Date): Promise<void> {
  if (!task.cardOutboxId) return;
  await enqueueMessage(
    unit,
    { method: 'chat.postMessage', channel: '', args: { text }, threadOfId: task.cardOutboxId },
    now,
  );
}
