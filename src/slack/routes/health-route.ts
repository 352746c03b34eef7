import type { CustomRoute } from '@slack/bolt';
import type { Clock } from '../../lib/clock.ts';
import { healthStatus } from '../../services/ops/health-status.ts';
import type { Db } from '../../services/delivery/ports.ts';

/** GET /healthz: 200 with what health-status.ts reports, 503 when the database is down. */
export function healthRoute(db: Db, clock: Clock): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: async (_req, res) => {
      const { httpStatus, body } = await healthStatus({ db, clock });
      res.writeHead(httpStatus, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    },
  };
}
