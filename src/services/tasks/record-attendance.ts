import { recordAudit } from '../../db/audit-repo.ts';
import { assignmentsOf, findTask, recordAttendance, type Task, type TaskAssignment } from '../../db/tasks/task-repo.ts';
import { transaction, type Db, type DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { truncate } from '../../lib/text.ts';
import { localeOf } from '../org/locale-of.ts';
import { creditSessionToOnboarding } from './onboarding-progress.ts';
import { postInTaskThread, refreshAssignerCard } from './task-messages.ts';

/** How many people one attendance form lists (two fields each, inside a modal's 100 blocks). */
export const ATTENDANCE_FORM_MAX = 40;
export const MARK_MAX = 100;

/**
 * A 培訓 session's attendance sheet, for whoever handed it down or anyone above them (the team lead,
 * the PM, a UM or MM following a newcomer's onboarding); the assignees in order.
 */
export async function attendanceSheet(o: {
  db: DbLike;
  chart: OrgChart;
  taskId: number;
  recorderId: string;
}): Promise<{ task: Task; assignments: TaskAssignment[] }> {
  const task = Number.isInteger(o.taskId) ? await findTask(o.db, o.taskId) : null;
  if (!task || task.orgId !== o.chart.data.orgId)
    throw new AppError(ErrorCode.NotFound, {}, `task ${o.taskId}`, 'task.not_found');
  if (o.recorderId !== task.assignerId && !o.chart.isAbove(o.recorderId, task.assignerId))
    throw new AppError(ErrorCode.Forbidden, {}, `${o.recorderId} on task ${task.id}`, 'training.error.not_recorder');
  if (task.kind !== 'training')
    throw new AppError(ErrorCode.InvalidInput, {}, 'not training', 'training.error.not_training');
  return { task, assignments: (await assignmentsOf(o.db, task.id)).slice(0, ATTENDANCE_FORM_MAX) };
}

/**
 * Records who attended a training session and each trainee's mark; a person left unrecorded stays so.
 * The assigner's card shows the count, the task's thread says who recorded it, and `/org @someone`
 * shows it in their training record. Recording again replaces the earlier record.
 */
export async function recordSessionAttendance(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  taskId: number;
  recorderId: string;
  entries: { assignmentId: number; attendance: 'present' | 'absent' | null; mark: string }[];
}): Promise<number> {
  const { task, assignments } = await attendanceSheet(o);
  const ids = new Set(assignments.map((a) => a.id));
  const now = o.clock.now();
  const entries = o.entries.flatMap(({ attendance, ...e }) =>
    ids.has(e.assignmentId) && attendance ? [{ ...e, attendance }] : [],
  );
  await transaction(o.db, async (unit) => {
    for (const e of entries) {
      const mark = truncate(e.mark.trim(), MARK_MAX) || null;
      await recordAttendance(unit, e.assignmentId, { attendance: e.attendance, mark, by: o.recorderId, at: now });
    }
    await refreshAssignerCard(unit, o.chart, task, now);
    // attending counts as that training done on each attendee's onboarding
    const attendeeIds = entries.flatMap((e) =>
      e.attendance === 'present' ? (assignments.find((a) => a.id === e.assignmentId)?.assigneeId ?? []) : [],
    );
    await creditSessionToOnboarding(unit, { chart: o.chart, session: task, attendeeIds, now });
    const present = entries.filter((e) => e.attendance === 'present').length;
    const note = t(localeOf(o.chart, task.assignerId), 'training.thread.attendance', {
      name: o.chart.nameOf(o.recorderId),
      present,
      total: entries.length,
    });
    await postInTaskThread(unit, task, note, now);
    await recordAudit(unit, {
      orgId: task.orgId,
      actor: o.recorderId,
      action: 'task.attendance',
      subject: `task#${task.id}`,
      detail: { present, recorded: entries.length },
      at: now,
    });
  });
  return entries.length;
}
