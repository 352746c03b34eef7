import type { Db } from '../../db/database.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import { firstTimeSent, openAssignmentsAmong } from '../../db/tasks/task-repo.ts';
import { transaction } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import type { Clock } from '../../lib/clock.ts';
import { taskDigest } from '../../views/tasks/task-digest.ts';
import { taskViewFor } from './task-messages.ts';

/** Listed at most in one digest; the counts cover all. */
const DIGEST_TAKE = 2000;

/**
 * Monday: each manager gets the open tasks of their subtree, the late ones marked; nobody with
 * nothing open below them gets one. Once per manager and week, even when the run is retried.
 */
export async function sendTaskDigests(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  periodKey: string;
}): Promise<number> {
  const { chart } = o;
  const now = o.clock.now();
  let sent = 0;
  for (const manager of chart.people) {
    if (chart.directReports(manager.slackId).length === 0) continue;
    const open = await openAssignmentsAmong(o.db, chart.data.orgId, chart.allReports(manager.slackId), DIGEST_TAKE);
    if (open.length === 0) continue;
    const args = taskDigest(open, taskViewFor(chart, manager.slackId, now));
    const queued = await transaction(o.db, async (unit) => {
      if (
        !(await firstTimeSent(unit, chart.data.orgId, 'tasks.weekly-digest', `${o.periodKey}:${manager.slackId}`, now))
      )
        return false;
      await enqueueMessage(unit, { method: 'chat.postMessage', channel: manager.slackId, args }, now);
      return true;
    });
    if (queued) sent += 1;
  }
  return sent;
}
