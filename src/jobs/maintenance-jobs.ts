import { pruneDeliveryRecords } from '../services/delivery/prune-delivery-records.ts';
import type { JobDefinition } from './job-definition.ts';

export const pruneDeliveryRecordsJob: JobDefinition = {
  id: 'maintenance.prune-delivery-records',
  schedule: () => ({ kind: 'daily', time: '03:30' }),
  handler: async (ctx) => {
    const pruned = await pruneDeliveryRecords({ db: ctx.db, now: ctx.clock.now() });
    ctx.logger.info(pruned, 'pruned delivery records');
  },
};

export const MAINTENANCE_JOBS: JobDefinition[] = [pruneDeliveryRecordsJob];
