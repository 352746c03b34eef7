import type { Db } from '../../db/database.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import {
  assignmentsDue,
  findAssignment,
  findTask,
  markNoticeSent,
  nextNoticeAt,
  type NoticeColumn,
  type Task,
  type TaskAssignment,
} from '../../db/tasks/task-repo.ts';
import { transaction } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { localeOf } from '../org/locale-of.ts';
import { escalateAfterDays } from './assign-task.ts';
import { postInTaskThread, refreshAssigneeCard, refreshAssignerCard, taskOrigin } from './task-messages.ts';
import { nameList } from '../../views/tasks/task-cards.ts';
import { taskViewFor } from './task-messages.ts';

export interface TaskNoticeOptions {
  db: Db;
  clock: Clock;
  chart: OrgChart;
}

/** Each assignment's notice is marked in the transaction that queues it: a run twice sends nothing twice. */
async function eachDue(
  o: TaskNoticeOptions,
  notice: NoticeColumn,
  send: (unit: Parameters<Parameters<typeof transaction>[1]>[0], task: Task, a: TaskAssignment) => Promise<void>,
): Promise<Map<number, { task: Task; assignments: TaskAssignment[] }>> {
  const now = o.clock.now();
  const tasks = new Map<number, { task: Task; assignments: TaskAssignment[] }>();
  for (const due of await assignmentsDue(o.db, o.chart.data.orgId, notice, now)) {
    const task = tasks.get(due.taskId)?.task ?? ((await findTask(o.db, due.taskId)) as Task);
    const sent = await transaction(o.db, async (unit) => {
      if (!(await markNoticeSent(unit, due.id, notice, now))) return false;
      await send(unit, task, due);
      return true;
    });
    if (!sent) continue;
    const entry = tasks.get(task.id) ?? { task, assignments: [] };
    entry.assignments.push(due);
    tasks.set(task.id, entry);
  }
  return tasks;
}

/**
 * The working day before a task is due its open assignees are reminded; the working day after, it is
 * overdue (the assignee told, every card showing it late); N working days after (the org file's
 * `tasks.escalate_after_days`, else 2) the assigner is told in the task's thread who is still late.
 */
export async function sendTaskNotices(
  o: TaskNoticeOptions,
): Promise<{ reminded: number; overdue: number; escalated: number }> {
  const { chart } = o;
  const now = o.clock.now();
  const reminded = await eachDue(o, 'remind', async (unit, task, a) => {
    if (now >= a.overdueAt) return; // assigned after its reminder day: the overdue notice says it all
    const text = t(localeOf(chart, a.assigneeId), 'task.remind', {
      title: escapeMrkdwn(task.title),
      due: task.dueDate,
    });
    await queueDirectMessage(unit, a.assigneeId, { text }, now, taskOrigin(task));
  });
  const overdue = await eachDue(o, 'overdue', async (unit, task, a) => {
    const text = t(localeOf(chart, a.assigneeId), 'task.overdue', {
      title: escapeMrkdwn(task.title),
      due: task.dueDate,
    });
    await queueDirectMessage(unit, a.assigneeId, { text }, now, taskOrigin(task));
    await refreshAssigneeCard(unit, chart, task, (await findAssignment(unit, a.id)) as TaskAssignment, now);
  });
  // one rewrite of each assigner's card per run, however many of its people went late
  for (const { task } of overdue.values())
    await transaction(o.db, (unit) => refreshAssignerCard(unit, chart, task, now));
  const escalated = await eachDue(o, 'escalate', async () => undefined);
  for (const { task, assignments } of escalated.values()) {
    const view = taskViewFor(chart, task.assignerId, now);
    const text = t(view.locale, 'task.thread.escalated', {
      days: escalateAfterDays(chart),
      names: nameList(
        view,
        assignments.map((a) => a.assigneeId),
      ),
      assigner: `<@${task.assignerId}>`,
    });
    await transaction(o.db, (unit) => postInTaskThread(unit, task, text, now));
  }
  const count = (m: Map<number, { assignments: TaskAssignment[] }>) =>
    [...m.values()].reduce((sum, e) => sum + e.assignments.length, 0);
  return { reminded: count(reminded), overdue: count(overdue), escalated: count(escalated) };
}

/** The next reminder, overdue or escalation moment: where a moving clock must stop. */
export async function nextTaskNotice(o: { db: Db; chart: OrgChart; after: Date }): Promise<Date | undefined> {
  return nextNoticeAt(o.db, o.chart.data.orgId, o.after);
}
