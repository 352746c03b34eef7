import type { CustomRoute } from '@slack/bolt';
import type { Db } from '../../db/database.ts';
import { countByStatus } from '../../db/outbox-repo.ts';
import { jobRunHealth } from '../../db/job-run-repo.ts';
import type { Clock } from '../../lib/clock.ts';

/** A scheduled run failed for good within this long makes the bot "degraded". */
const JOB_FAILURE_MEMORY_MS = 86_400_000;

/**
 * GET /healthz: 200 with the database's state and the outbox counts, 503 when the database is down.
 * `jobs` counts scheduled runs; one failed for good in the last day makes the status "degraded".
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
        body = { status: 'ok', database: 'ok', outbox: { pending: outbox.pending ?? 0, sending: outbox.sending ?? 0, failed: outbox.failed ?? 0, sent: outbox.sent ?? 0 } };
        const jobs = await jobRunHealth(db, new Date(clock.now().getTime() - JOB_FAILURE_MEMORY_MS));
        body.jobs = jobs;
        if (jobs.failed > 0 && body.status === 'ok') body.status = 'degraded';
      } catch (error) {
        status = 503;
        body = { status: 'error', database: 'unreachable', reason: (error as Error).message.split('\n')[0] };
      }
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    },
  };
}
