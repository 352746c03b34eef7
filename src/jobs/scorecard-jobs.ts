import { sendScorecards } from '../services/scorecards/send-scorecards.ts';
import type { JobDefinition } from './job-definition.ts';

/** Every working morning it checks for the 3rd working day of the month, and then sends last month's scorecards. */
export const scorecardsJob: JobDefinition = {
  id: 'scorecards.monthly',
  schedule: () => ({ kind: 'daily', time: '09:00' }),
  handler: async (ctx) => {
    await sendScorecards({ db: ctx.db, clock: ctx.clock, chart: await ctx.directory.current(), config: ctx.config });
  },
};

export const SCORECARD_JOBS: JobDefinition[] = [scorecardsJob];
