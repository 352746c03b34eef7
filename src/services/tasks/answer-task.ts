import type { Db } from '../../db/database.ts';
import {
  addTaskComment,
  commentExists,
  findAssignment,
  findTask,
  finishAssignment,
  type Task,
  type TaskAssignment,
} from '../../db/tasks/task-repo.ts';
import { transaction } from '../../db/unit-of-work.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { TASK_LIMITS } from '../../domain/tasks/task-rules.ts';
import { t, tFor } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { localeOf } from '../org/locale-of.ts';
import { postInTaskThread, refreshAssigneeCard, refreshAssignerCard } from './task-messages.ts';

export interface AnswerTaskOptions {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  assignmentId: number;
  actorId: string;
}

/** The assignment and its task, only for the person it was handed to. */
export async function loadOwnAssignment(
  o: Pick<AnswerTaskOptions, 'db' | 'chart' | 'assignmentId' | 'actorId'>,
  openOnly = true,
): Promise<{ task: Task; assignment: TaskAssignment }> {
  const assignment = Number.isInteger(o.assignmentId) ? await findAssignment(o.db, o.assignmentId) : null;
  if (!assignment || assignment.orgId !== o.chart.data.orgId)
    throw new AppError(ErrorCode.NotFound, {}, `assignment ${o.assignmentId}`, 'task.not_found');
  if (assignment.assigneeId !== o.actorId)
    throw new AppError(ErrorCode.Forbidden, {}, `${o.actorId} on assignment ${assignment.id}`, 'task.not_assignee');
  if (openOnly && assignment.status !== 'open') {
    const status = tFor(localeOf(o.chart, o.actorId), 'task.status', assignment.status);
    throw new AppError(ErrorCode.AlreadyDecided, { status }, 'answered', 'task.already_finished');
  }
  return { task: (await findTask(o.db, assignment.taskId)) as Task, assignment };
}

/** Done, or can't-do with a reason: the cards are rewritten and the assigner's thread told. */
async function finish(o: AnswerTaskOptions, status: 'done' | 'cannot', reason: string | null): Promise<void> {
  const { task } = await loadOwnAssignment(o);
  const now = o.clock.now();
  const orgLocale = localeOf(o.chart, task.assignerId);
  await transaction(o.db, async (unit) => {
    if (!(await finishAssignment(unit, o.assignmentId, status, reason, now))) {
      const status = t(localeOf(o.chart, o.actorId), 'task.status.done');
      throw new AppError(ErrorCode.AlreadyDecided, { status }, 'answered meanwhile', 'task.already_finished');
    }
    const after = (await findAssignment(unit, o.assignmentId)) as TaskAssignment;
    await refreshAssigneeCard(unit, o.chart, task, after, now);
    await refreshAssignerCard(unit, o.chart, task, now);
    const name = escapeMrkdwn(o.chart.nameOf(o.actorId));
    // a team's Done clicks show on the card's progress; a person's, and every can't-do, in the thread too
    if (status === 'cannot')
      await postInTaskThread(
        unit,
        task,
        t(orgLocale, 'task.thread.cannot', { name, reason: escapeMrkdwn(reason ?? '') }),
        now,
      );
    else if (task.scope === 'person')
      await postInTaskThread(unit, task, t(orgLocale, 'task.thread.done', { name }), now);
    await recordAudit(unit, {
      orgId: task.orgId,
      actor: o.actorId,
      action: `task.${status}`,
      subject: `task#${task.id}`,
      detail: reason ? { reason } : {},
      at: now,
    });
  });
}

export const completeTask = (o: AnswerTaskOptions): Promise<void> => finish(o, 'done', null);

export async function cannotDoTask(o: AnswerTaskOptions & { reason: string }): Promise<void> {
  const reason = truncate(o.reason.trim(), TASK_LIMITS.reason);
  if (!reason) throw new AppError(ErrorCode.InvalidInput, { reason: '—' });
  await finish(o, 'cannot', reason);
}

/** A comment, stored and posted in the task's thread; the same modal submitted twice posts once. */
export async function commentOnTask(o: AnswerTaskOptions & { text: string; viewId: string }): Promise<void> {
  const { task, assignment } = await loadOwnAssignment(o, false);
  const text = truncate(o.text.trim(), TASK_LIMITS.comment);
  if (!text) throw new AppError(ErrorCode.InvalidInput, { reason: '—' });
  const now = o.clock.now();
  await transaction(o.db, async (unit) => {
    if (await commentExists(unit, o.viewId)) return;
    await addTaskComment(unit, {
      taskId: task.id,
      assignmentId: assignment.id,
      authorId: o.actorId,
      text,
      sourceViewId: o.viewId,
      createdAt: now,
    });
    const name = escapeMrkdwn(o.chart.nameOf(o.actorId));
    const note = t(localeOf(o.chart, task.assignerId), 'task.thread.comment', { name, text: escapeMrkdwn(text) });
    await postInTaskThread(unit, task, note, now);
  });
}
