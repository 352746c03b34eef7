import { sendScorecards } from '../services/scorecards/send-scorecards.ts';
import type { JobDefinition } from './job-definition.ts';

/**
 * Every morning it checks whether the day it was due (a run caught up after the bot was down acts
 * for its own day, not the restart's) is the 3rd working day of the month, and then sends last month's scorecards.
 */
export const scorecardsJob: JobDefinition = {
  id: 'scorecards.monthly',
  schedule: () => ({ kind: 'daily', time: '09:00' }),
  catchUp: 'each',
  handler: async (ctx, occurrence) => {
    const chart = await ctx.directory.current();
    await sendScorecards({ db: ctx.db, clock: ctx.clock, chart, config: ctx.config, day: occurrence.scheduledFor });
  },
};

export const SCORECARD_JOBS: JobDefinition[] = [scorecardsJob];
