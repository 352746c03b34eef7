import { transaction, type Unit, type Db } from '../../db/unit-of-work.ts';
import { countFailedSince } from '../../db/job-run-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { localeOf } from '../org/locale-of.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';

export interface FailJobForGoodOptions {
  db: Db;
  chart: OrgChart;
  now: Date;
  run: { jobId: string; periodKey: string; attempts: number; reason: string };
  /** Marks the run failed in the transaction; false when another instance got there first. */
  mark: (unit: Unit) => Promise<boolean>;
}

/** Who hears of a scheduled run that will not be retried: the leadership and the org file's admins. */
export function jobAlertRecipients(chart: OrgChart): string[] {
  return chart.administrators();
}

/** One alert a day per job: a job failing every period (every 5 minutes, say) must not flood the DMs. */
const ALERT_QUIET_MS = 86_400_000;

/**
 * A scheduled run that finally failed is never silent: it is marked failed and each recipient's DM
 * is queued in the same transaction, so the alert exists exactly when the failure does, and once.
 * Later failures of the same job within a day are marked (and counted by /healthz) without a DM.
 */
export async function failJobForGood(o: FailJobForGoodOptions): Promise<boolean> {
  return transaction(o.db, async (unit) => {
    const since = new Date(o.now.getTime() - ALERT_QUIET_MS);
    const alertedLately = (await countFailedSince(unit, o.chart.data.orgId, o.run.jobId, since)) > 0;
    if (!(await o.mark(unit))) return false;
    if (alertedLately) return true;
    for (const userId of jobAlertRecipients(o.chart)) {
      const text = t(localeOf(o.chart, userId), 'job.failed.admin', {
        job: o.run.jobId,
        period: o.run.periodKey,
        attempts: o.run.attempts,
        reason: escapeMrkdwn(truncate(o.run.reason.split('\n').find((line) => line.trim()) ?? '', 200)),
      });
      await queueDirectMessage(unit, userId, { text }, o.now);
    }
    return true;
  });
}
