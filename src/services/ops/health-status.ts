import type { Db } from '../../db/unit-of-work.ts';
import { jobRunHealth } from '../../db/job-run-repo.ts';
import { countWaitingFor } from '../../db/delivery/outbox-failure-repo.ts';
import { countByStatus } from '../../db/delivery/outbox-repo.ts';
import type { Clock } from '../../lib/clock.ts';
import { AUTH_FAILURES } from '../delivery/ports.ts';

/** A scheduled run failed for good within this long makes the bot "degraded". */
const JOB_FAILURE_MEMORY_MS = 86_400_000;

export interface HealthStatusOptions {
  db: Db;
  clock: Clock;
}

export interface HealthStatus {
  /** 200, or 503 when the database is down */
  httpStatus: number;
  body: Record<string, unknown>;
}

/**
 * The database's state, the outbox counts and the scheduled runs' counts; `degraded` while messages
 * have failed or wait for the token, or a run failed for good in the last day.
 */
export async function healthStatus({ db, clock }: HealthStatusOptions): Promise<HealthStatus> {
  try {
    const outbox = await countByStatus(db);
    // messages given up on, or held because Slack refuses the token: alive, but someone must act
    const waitingForToken = await countWaitingFor(db, AUTH_FAILURES);
    const jobs = await jobRunHealth(db, new Date(clock.now().getTime() - JOB_FAILURE_MEMORY_MS));
    const degraded = (outbox.failed ?? 0) > 0 || waitingForToken > 0 || jobs.failed > 0;
    const counts = {
      pending: outbox.pending ?? 0,
      sending: outbox.sending ?? 0,
      failed: outbox.failed ?? 0,
      sent: outbox.sent ?? 0,
    };
    const body = { status: degraded ? 'degraded' : 'ok', database: 'ok', outbox: { ...counts, waitingForToken }, jobs };
    return { httpStatus: 200, body };
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    return { httpStatus: 503, body: { status: 'error', database: 'unreachable', reason } };
  }
}
