import type { Config } from '../../config.ts';
import type { Db } from '../../db/unit-of-work.ts';
import { clearAckDeadline, nextAckDeadline, overdueIssues } from '../../db/issues/issue-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Logger } from '../../lib/logger.ts';
import { escalateIssue } from './act-on-issue.ts';

/** Every open issue past its acknowledgement deadline moves one manager up (each run, one level). */
export async function escalateOverdueIssues(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  config: Pick<Config, 'calendar' | 'issues'>;
  logger: Logger;
}): Promise<number> {
  let moved = 0;
  for (const issue of await overdueIssues(o.db, o.chart.data.orgId, o.clock.now())) {
    try {
      const after = await escalateIssue({ ...o, issueId: issue.id, actorId: 'system', byDeadline: true });
      if (after.escalationLevel > issue.escalationLevel) moved += 1;
      else await clearAckDeadline(o.db, issue.id, issue.handlerId); // top reached: stop checking
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      o.logger.info({ issue: issue.number, code: error.code }, 'escalation skipped');
    }
  }
  return moved;
}

/** When the next open issue's acknowledgement deadline passes: where a moving clock must stop to escalate it. */
export async function nextEscalationDue(o: { db: Db; chart: OrgChart; after: Date }): Promise<Date | undefined> {
  return nextAckDeadline(o.db, o.chart.data.orgId, o.after);
}
