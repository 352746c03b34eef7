import type { CustomRoute } from '@slack/bolt';
import type { Db } from '../../db/database.ts';
import { countByStatus } from '../../db/outbox-repo.ts';
import { countWaitingFor } from '../../db/outbox-failure-repo.ts';
import { AUTH_FAILURES } from '../../services/ports.ts';

/**
 * GET /healthz: 200 with the database's state and the outbox counts (`degraded` while messages have
 * failed or wait for the token), 503 when the database is down.
 */
export function healthRoute(db: Db): CustomRoute {
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
        const degraded = (outbox.failed ?? 0) > 0 || waitingForToken > 0;
        const counts = { pending: outbox.pending ?? 0, sending: outbox.sending ?? 0, failed: outbox.failed ?? 0, sent: outbox.sent ?? 0 };
        body = { status: degraded ? 'degraded' : 'ok', database: 'ok', outbox: { ...counts, waitingForToken } };
      } catch (error) {
        status = 503;
        body = { status: 'error', database: 'unreachable', reason: (error as Error).message.split('\n')[0] };
      }
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    },
  };
}
