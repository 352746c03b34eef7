import type { Task, TaskAssignment } from '../../generated/sqlite/client.ts';
import { preparedSql, sql, sqlSet } from '../sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from '../sql/sql-runner.ts';

export type { Task, TaskAssignment };
export type AssignmentStatus = 'open' | 'done' | 'cannot';

export const taskFromRow = rowReader<Task>({ numbers: ['id', 'orgId', 'cardOutboxId'], dates: ['createdAt'] });
export const assignmentFromRow = rowReader<TaskAssignment>({
  numbers: ['id', 'taskId', 'orgId', 'cardOutboxId'],
  dates: [
    'finishedAt',
    'remindAt',
    'overdueAt',
    'escalateAt',
    'remindedAt',
    'overdueSentAt',
    'escalatedAt',
    'attendanceAt',
    'updatedAt',
  ],
});

export type NewTask = Omit<Task, 'id' | 'cardOutboxId'>;

export async function createTask(db: DbLike, d: NewTask): Promise<Task> {
  const rows = await runnerOf(db).all<{ id: number | bigint }>(sql`
    INSERT INTO "Task" ("orgId", "assignerId", "kind", "title", "description", "dueDate", "checklist", "scope",
      "scopeOf", "origin", "sourceViewId", "createdAt")
    VALUES (${d.orgId}, ${d.assignerId}, ${d.kind}, ${d.title}, ${d.description}, ${d.dueDate}, ${d.checklist},
      ${d.scope}, ${d.scopeOf}, ${d.origin}, ${d.sourceViewId}, ${d.createdAt})
    RETURNING "id"`);
  return { ...d, id: Number(rows[0].id), cardOutboxId: null };
}

export interface NewAssignment {
  assigneeId: string;
  remindAt: Date;
  overdueAt: Date;
  escalateAt: Date;
}

/** One row per assignee, 50 to a statement (SQLite's 999 parameters). */
export async function createAssignments(
  db: DbLike,
  task: Pick<Task, 'id' | 'orgId'>,
  rows: NewAssignment[],
  now: Date,
): Promise<TaskAssignment[]> {
  const made: TaskAssignment[] = [];
  for (let start = 0; start < rows.length; start += 50) {
    const batch = rows.slice(start, start + 50);
    const values = batch.map((r, i) => {
      const moments = sql`${r.remindAt}, ${r.overdueAt}, ${r.escalateAt}`;
      return sql`${i === 0 ? sql`` : sql`, `}(${task.id}, ${task.orgId}, ${r.assigneeId}, 'open', ${moments}, ${now})`;
    });
    const list = values.reduce((all, one) => sql`${all}${one}`, sql``);
    const inserted = await runnerOf(db).all(sql`
      INSERT INTO "TaskAssignment"
        ("taskId", "orgId", "assigneeId", "status", "remindAt", "overdueAt", "escalateAt", "updatedAt")
      VALUES ${list} RETURNING *`);
    made.push(...inserted.map(assignmentFromRow));
  }
  return made;
}

export async function setTaskCard(db: DbLike, taskId: number, outboxId: number): Promise<void> {
  await runnerOf(db).run(sql`UPDATE "Task" SET "cardOutboxId" = ${outboxId} WHERE "id" = ${taskId}`);
}

export async function setAssignmentCard(db: DbLike, assignmentId: number, outboxId: number): Promise<void> {
  await runnerOf(db).run(sql`UPDATE "TaskAssignment" SET "cardOutboxId" = ${outboxId} WHERE "id" = ${assignmentId}`);
}

export async function findTask(db: DbLike, id: number): Promise<Task | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "Task" WHERE "id" = ${id}`);
  return rows[0] ? taskFromRow(rows[0]) : null;
}

export async function findTaskBySourceView(db: DbLike, viewId: string): Promise<Task | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "Task" WHERE "sourceViewId" = ${viewId}`);
  return rows[0] ? taskFromRow(rows[0]) : null;
}

export async function findAssignment(db: DbLike, id: number): Promise<TaskAssignment | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "TaskAssignment" WHERE "id" = ${id}`);
  return rows[0] ? assignmentFromRow(rows[0]) : null;
}

export async function assignmentsOf(db: DbLike, taskId: number): Promise<TaskAssignment[]> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "TaskAssignment" WHERE "taskId" = ${taskId} ORDER BY "id"`);
  return rows.map(assignmentFromRow);
}

/** A training session's attendance and mark for one assignee, as the assigner recorded it (again: replaced). */
export async function recordAttendance(
  db: DbLike,
  id: number,
  r: { attendance: 'present' | 'absent'; mark: string | null; by: string; at: Date },
): Promise<void> {
  await runnerOf(db).run(sql`
    UPDATE "TaskAssignment" SET "attendance" = ${r.attendance}, "mark" = ${r.mark}, "attendanceBy" = ${r.by},
      "attendanceAt" = ${r.at}, "updatedAt" = ${r.at}
    WHERE "id" = ${id}`);
}

/** Closes an open assignment as done or can't-do; false when it was no longer open (a second click). */
export async function finishAssignment(
  db: DbLike,
  id: number,
  status: Exclude<AssignmentStatus, 'open'>,
  reason: string | null,
  now: Date,
): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "TaskAssignment" SET "status" = ${status}, "reason" = ${reason}, "finishedAt" = ${now}, "updatedAt" = ${now}
    WHERE "id" = ${id} AND "status" = 'open'`);
  return changed === 1;
}

export async function addTaskComment(
  db: DbLike,
  c: { taskId: number; assignmentId: number; authorId: string; text: string; sourceViewId: string; createdAt: Date },
): Promise<void> {
  await runnerOf(db).run(sql`
    INSERT INTO "TaskComment" ("taskId", "assignmentId", "authorId", "text", "sourceViewId", "createdAt")
    VALUES (${c.taskId}, ${c.assignmentId}, ${c.authorId}, ${c.text}, ${c.sourceViewId}, ${c.createdAt})`);
}

export async function commentExists(db: DbLike, sourceViewId: string): Promise<boolean> {
  const rows = await runnerOf(db).all(sql`SELECT 1 AS "x" FROM "TaskComment" WHERE "sourceViewId" = ${sourceViewId}`);
  return rows.length > 0;
}

/** A notice moment of open assignments. */
export type NoticeColumn = 'remind' | 'overdue' | 'escalate';
const COLUMNS = {
  remind: { at: sql`"remindAt"`, sent: sql`"remindedAt"` },
  overdue: { at: sql`"overdueAt"`, sent: sql`"overdueSentAt"` },
  escalate: { at: sql`"escalateAt"`, sent: sql`"escalatedAt"` },
} as const;

/** Open assignments whose notice is due and not sent yet, oldest task first. */
export async function assignmentsDue(
  db: DbLike,
  orgId: number,
  notice: NoticeColumn,
  now: Date,
  take = 2000,
): Promise<TaskAssignment[]> {
  const c = COLUMNS[notice];
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "TaskAssignment"
    WHERE "orgId" = ${orgId} AND "status" = 'open' AND ${c.sent} IS NULL AND ${c.at} <= ${now}
    ORDER BY "taskId", "id" LIMIT ${take}`);
  return rows.map(assignmentFromRow);
}

/** Marks a notice sent; false when another run marked it first (the notice is then not sent twice). */
export async function markNoticeSent(db: DbLike, id: number, notice: NoticeColumn, now: Date): Promise<boolean> {
  const c = COLUMNS[notice];
  const changed = await runnerOf(db).run(
    sql`UPDATE "TaskAssignment" SET ${c.sent} = ${now} WHERE "id" = ${id} AND ${c.sent} IS NULL AND "status" = 'open'`,
  );
  return changed === 1;
}

/** The earliest unsent notice of an open assignment after `after`: where a moving clock must stop. */
export async function nextNoticeAt(db: DbLike, orgId: number, after: Date): Promise<Date | undefined> {
  let first: Date | undefined;
  for (const notice of ['remind', 'overdue', 'escalate'] as const) {
    const c = COLUMNS[notice];
    const rows = await runnerOf(db).all<{ at: unknown }>(sql`
      SELECT MIN(${c.at}) AS "at" FROM "TaskAssignment"
      WHERE "orgId" = ${orgId} AND "status" = 'open' AND ${c.sent} IS NULL AND ${c.at} > ${after}`);
    const at = rows[0]?.at;
    if (at === null || at === undefined) continue;
    const date = at instanceof Date ? at : new Date(String(at));
    if (!first || date < first) first = date;
  }
  return first;
}

/** Someone's assignments with their task, open first then the latest finished. */
export async function assignmentsOfPerson(
  db: DbLike,
  orgId: number,
  assigneeId: string,
  onlyOpen: boolean,
  take: number,
): Promise<{ assignment: TaskAssignment; task: Task }[]> {
  const open = onlyOpen ? sql` AND a."status" = 'open'` : sql``;
  // prepared: /org and App Home ask it on every view, and planning it cost PostgreSQL ten times running it
  const rows = await runnerOf(db).all(
    preparedSql(sql`
    SELECT a.*, ${TASK_COLUMNS}
    FROM "TaskAssignment" a JOIN "Task" t ON t."id" = a."taskId"
    WHERE a."orgId" = ${orgId} AND a."assigneeId" = ${assigneeId}${open}
    ORDER BY CASE WHEN a."status" = 'open' THEN 0 ELSE 1 END, t."dueDate", a."id" LIMIT ${take}`),
  );
  return rows.map(joined);
}

/** The task's columns beside an assignment's (a.*), its card renamed so as not to shadow the assignment's. */
const TASK_COLUMNS = sql`t."assignerId", t."kind", t."title", t."description", t."dueDate", t."checklist", t."scope",
  t."scopeOf", t."cardOutboxId" AS "taskCardOutboxId", t."origin", t."sourceViewId", t."createdAt"`;

function joined(row: Record<string, unknown>): { assignment: TaskAssignment; task: Task } {
  const assignment = assignmentFromRow(row);
  const task = taskFromRow({ ...row, id: row.taskId, cardOutboxId: row.taskCardOutboxId });
  return { assignment, task };
}

export interface TaskProgress {
  task: Task;
  total: number;
  done: number;
  cannot: number;
}

/** Tasks someone handed down, newest first, with how many of their assignees finished. */
export async function tasksAssignedBy(db: DbLike, orgId: number, assignerId: string, take: number) {
  const rows = await runnerOf(db).all(sql`
    SELECT t.*,
      (SELECT COUNT(*) FROM "TaskAssignment" a WHERE a."taskId" = t."id") AS "total",
      (SELECT COUNT(*) FROM "TaskAssignment" a WHERE a."taskId" = t."id" AND a."status" = 'done') AS "done",
      (SELECT COUNT(*) FROM "TaskAssignment" a WHERE a."taskId" = t."id" AND a."status" = 'cannot') AS "cannot"
    FROM "Task" t WHERE t."orgId" = ${orgId} AND t."assignerId" = ${assignerId}
    ORDER BY t."createdAt" DESC, t."id" DESC LIMIT ${take}`);
  return rows.map(
    (row): TaskProgress => ({
      task: taskFromRow(row),
      total: Number(row.total),
      done: Number(row.done),
      cannot: Number(row.cannot),
    }),
  );
}

/** Open assignments of these people (a manager's subtree), with their task, due first. */
export async function openAssignmentsAmong(
  db: DbLike,
  orgId: number,
  assigneeIds: readonly string[],
  take: number,
): Promise<{ assignment: TaskAssignment; task: Task }[]> {
  if (assigneeIds.length === 0) return [];
  const rows = await runnerOf(db).all(sql`
    SELECT a.*, ${TASK_COLUMNS}
    FROM "TaskAssignment" a JOIN "Task" t ON t."id" = a."taskId"
    WHERE a."orgId" = ${orgId} AND a."status" = 'open' AND a."assigneeId" IN (${sqlSet(assigneeIds)})
    ORDER BY t."dueDate", a."id" LIMIT ${take}`);
  return rows.map(joined);
}

/**
 * True the first time this (what, key) is marked, in the caller's transaction: a digest retried or
 * taken over after a partial send skips whoever already got theirs (the JobRun table's `sent:` rows).
 */
export async function firstTimeSent(db: DbLike, orgId: number, what: string, key: string, now: Date) {
  const changed = await runnerOf(db).run(sql`
    INSERT INTO "JobRun" ("orgId", "jobId", "periodKey", "startedAt", "finishedAt", "status", "attempts")
    VALUES (${orgId}, ${`sent:${what}`}, ${key}, ${now}, ${now}, 'done', 0)
    ON CONFLICT ("orgId", "jobId", "periodKey") DO NOTHING`);
  return changed === 1;
}

/** Someone's training tasks (培訓), with when each was completed: their training record. */
export async function trainingOf(
  db: DbLike,
  orgId: number,
  personId: string,
  take = 50,
): Promise<{ assignment: TaskAssignment; task: Task }[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT a.*, ${TASK_COLUMNS}
    FROM "TaskAssignment" a JOIN "Task" t ON t."id" = a."taskId"
    WHERE a."orgId" = ${orgId} AND a."assigneeId" = ${personId} AND t."kind" = 'training'
    ORDER BY t."dueDate", a."id" LIMIT ${take}`);
  return rows.map(joined);
}

/** Someone's onboarding training tasks (created by an org reload), done or not. */
export async function onboardingOf(
  db: DbLike,
  orgId: number,
  personId: string,
): Promise<{ assignment: TaskAssignment; task: Task }[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT a.*, ${TASK_COLUMNS}
    FROM "TaskAssignment" a JOIN "Task" t ON t."id" = a."taskId"
    WHERE a."orgId" = ${orgId} AND a."assigneeId" = ${personId} AND t."origin" = 'onboarding'
    ORDER BY a."id" LIMIT 60`);
  return rows.map(joined);
}
