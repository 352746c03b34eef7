import type { CustomRoute } from '@slack/bolt';
import type { Db } from '../../db/database.ts';
import { countByStatus } from '../../db/outbox-repo.ts';

/** GET /healthz: 200 with the database's state and the outbox counts, 503 when the database is down. */
export function healthRoute(db: Db): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: async (_req, res) => {
      let body: Record<string, unknown>;
      let status = 200;
      try {
        const outbox = await countByStatus(db);
        body = { status: 'ok', database: 'ok', outbox: { pending: outbox.pending ?? 0, sending: outbox.sending ?? 0, failed: outbox.failed ?? 0, sent: outbox.sent ?? 0 } };
      } catch (error) {
        status = 503;
        body = { status: 'error', database: 'unreachable', reason: (error as Error).message.split('\n')[0] };
      }
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    },
  };
}
