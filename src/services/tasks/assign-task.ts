import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import { isUniqueViolation, type Db } from '../../db/database.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import {
  createAssignments,
  createTask,
  findTaskBySourceView,
  setAssignmentCard,
  setTaskCard,
  type Task,
} from '../../db/tasks/task-repo.ts';
import { transaction } from '../../db/unit-of-work.ts';
import type { Config } from '../../config.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { DEFAULT_ESCALATE_AFTER_DAYS, taskMoments } from '../../domain/tasks/task-dates.ts';
import { assigneesFor, type TaskInput } from '../../domain/tasks/task-rules.ts';
import { t } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { assigneeCard, assignerCard } from '../../views/tasks/task-cards.ts';
import { workingCalendarOf } from '../calendar/working-calendar-of.ts';
import { localeOf } from '../org/locale-of.ts';
import { taskOrigin, taskViewFor } from './task-messages.ts';

export interface AssignTaskOptions {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  config: Pick<Config, 'calendar'>;
  assignerId: string;
  input: TaskInput;
  /** The modal's view id: the same submission twice assigns once. */
  viewId: string;
  /** '' for /task; 'onboarding' for the training an org reload creates. */
  origin?: string;
}

/** The working days after its due date when a late task is told to its assigner (org file, else 2). */
export const escalateAfterDays = (chart: OrgChart): number =>
  chart.data.tasks?.escalate_after_days ?? DEFAULT_ESCALATE_AFTER_DAYS;

/** Who a task reaches; refused clearly when the chosen person is outside the assigner's chain. */
export function resolveAssignees(chart: OrgChart, assignerId: string, input: TaskInput): string[] {
  const found = assigneesFor(chart, assignerId, input.scope, input.assignee);
  if (found.ok) return found.ids;
  const name = escapeMrkdwn(chart.nameOf(input.assignee));
  const detail = `${assignerId} → ${input.assignee}`;
  throw new AppError(ErrorCode.Forbidden, { name }, detail, `task.error.${found.reason}`);
}

/**
 * `/task` submitted: the task and one assignment per person in one transaction, with every DM in
 * the outbox (paced per channel by the sender, so a 500-person subtree loses nothing), and the
 * assigner's card whose progress is rewritten as people answer.
 */
export async function assignTask(o: AssignTaskOptions): Promise<Task> {
  const { chart, assignerId, input } = o;
  if (!chart.person(assignerId)) throw new AppError(ErrorCode.NotInOrg);
  const ids = resolveAssignees(chart, assignerId, input);
  const now = o.clock.now();
  const moments = taskMoments(
    workingCalendarOf(o.config, chart.data.timezone),
    input.dueDate,
    escalateAfterDays(chart),
  );
  try {
    return await transaction(o.db, async (unit) => {
      const task = await createTask(unit, {
        orgId: chart.data.orgId,
        assignerId,
        kind: input.kind,
        title: input.title,
        description: input.description,
        dueDate: input.dueDate,
        checklist: JSON.stringify(input.checklist),
        scope: input.scope,
        scopeOf: input.assignee,
        origin: o.origin ?? '',
        sourceViewId: o.viewId,
        createdAt: now,
      });
      const assignments = await createAssignments(
        unit,
        task,
        ids.map((assigneeId) => ({ assigneeId, ...moments })),
        now,
      );
      for (const a of assignments) {
        const args = assigneeCard(task, a, taskViewFor(chart, a.assigneeId, now));
        const { id } = await enqueueMessage(
          unit,
          { method: 'chat.postMessage', channel: a.assigneeId, args, origin: taskOrigin(task) },
          now,
        );
        await setAssignmentCard(unit, a.id, id);
      }
      await postAssignerCard(unit, chart, task, assignments, now);
      return task;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const assigned = await findTaskBySourceView(o.db, o.viewId);
      if (assigned) return assigned;
    }
    throw error;
  }
}

async function postAssignerCard(
  unit: DbLike,
  chart: OrgChart,
  task: Task,
  assignments: Parameters<typeof assignerCard>[1],
  now: Date,
): Promise<void> {
  const args = assignerCard(task, assignments, taskViewFor(chart, task.assignerId, now));
  const { id } = await enqueueMessage(
    unit,
    { method: 'chat.postMessage', channel: task.assignerId, args, origin: taskOrigin(task) },
    now,
  );
  await setTaskCard(unit, task.id, id);
  task.cardOutboxId = id;
  const text = t(localeOf(chart, task.assignerId), 'task.assigned', {
    title: escapeMrkdwn(task.title),
    count: assignments.length,
    due: task.dueDate,
  });
  await enqueueMessage(unit, { method: 'chat.postMessage', channel: '', args: { text }, threadOfId: id }, now);
}
