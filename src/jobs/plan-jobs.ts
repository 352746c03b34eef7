import { publishDuePlans } from '../services/plans/publish-plan.ts';
import type { JobDefinition } from './job-definition.ts';

/** 09:00 each day: approved plans whose publication day has come are published to their channels. */
export const planPublishJob: JobDefinition = {
  id: 'plans.publish',
  schedule: () => ({ kind: 'daily', time: '09:00' }),
  handler: async (ctx) => {
    await publishDuePlans({ db: ctx.db, clock: ctx.clock, chart: await ctx.directory.current() });
  },
};

export const PLAN_JOBS: JobDefinition[] = [planPublishJob];
