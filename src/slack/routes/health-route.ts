import type { CustomRoute } from '@slack/bolt';
import type { Db } from '../../db/database.ts';
import { countByStatus } from '../../db/outbox-repo.ts';
import { countWaitingFor } from '../../db/outbox-failure-repo.ts';
import { jobRunHealth } from '../../db/job-run-repo.ts';
import type { Clock } from '../../lib/clock.ts';
import { AUTH_FAILURES } from '../../services/ports.ts';

/** A scheduled run failed for good within this long makes the bot "degraded". */
const JOB_FAILURE_MEMORY_MS = 86_400_000;

/**
 * GET /healthz: 200 with the database's state, the outbox counts and the scheduled runs' counts;
 * `degraded` while messages have failed or wait for the token, or a run failed for good in the last
 * day; 503 when the database is down.
 */
export function healthRoute(db: Db, clock: Clock): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: async (_req, res) => {
      let body: Record<string, unknown>;
      let status = 200;
      try {
        const outbox = await countByStatus(db);
        // messages given up on, or held because Slack refuses the token: alive, but someone must act
        const waitingForToken = await countWaitingFor(db, AUTH_FAILURES);
        const jobs = await jobRunHealth(db, new Date(clock.now().getTime() - JOB_FAILURE_MEMORY_MS));
        const degraded = (outbox.failed ?? 0) > 0 || waitingForToken > 0 || jobs.failed > 0;
        const counts = { pending: outbox.pending ?? 0, sending: outbox.sending ?? 0, failed: outbox.failed ?? 0, sent: outbox.sent ?? 0 };
        body = { status: degraded ? 'degraded' : 'ok', database: 'ok', outbox: { ...counts, waitingForToken }, jobs };
      } catch (error) {
        status = 503;
        body = { status: 'error', database: 'unreachable', reason: (error as Error).message.split('\n')[0] };
      }
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    },
  };
}
