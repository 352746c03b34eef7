import type { DbLike } from '../../db/unit-of-work.ts';
import { assignmentsOfPerson, tasksAssignedBy } from '../../db/tasks/task-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { TaskList } from '../../views/tasks/task-list.ts';
import { taskViewFor } from './task-messages.ts';

/** Shown at most, each part: the oldest due first for mine, the newest for those I handed down. */
export const LIST_LIMIT = 20;

/** `/task list` and App Home: my tasks (open first), and those I handed down with their progress. */
export async function listTasks(o: { db: DbLike; chart: OrgChart; askerId: string; now: Date }): Promise<TaskList> {
  if (!o.chart.person(o.askerId)) throw new AppError(ErrorCode.NotInOrg);
  const orgId = o.chart.data.orgId;
  const view = taskViewFor(o.chart, o.askerId, o.now);
  const [mine, assigned] = await Promise.all([
    assignmentsOfPerson(o.db, orgId, o.askerId, false, LIST_LIMIT + 1),
    tasksAssignedBy(o.db, orgId, o.askerId, LIST_LIMIT + 1),
  ]);
  return {
    mine: mine.slice(0, LIST_LIMIT),
    mineMore: mine.length > LIST_LIMIT,
    assigned: assigned.slice(0, LIST_LIMIT).map((p) => ({
      ...p,
      late: view.today > p.task.dueDate ? p.total - p.done - p.cannot : 0,
    })),
    assignedMore: assigned.length > LIST_LIMIT,
  };
}
