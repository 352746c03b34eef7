import { remindStuckDeals } from '../services/visits/remind-stuck-deals.ts';
import { sendEveningSummaries, sendVisitAnalysis } from '../services/visits/send-visit-summaries.ts';
import type { JobDefinition } from './job-definition.ts';

/** The visit jobs only say when; the services do the work. */
export const eveningSummaryJob: JobDefinition = {
  id: 'visits.evening-summary',
  schedule: (config) => ({ kind: 'daily', time: config.visits.summaryTime }),
  // each evening's summary is of its own day: one missed while down is still that day's
  catchUp: 'each',
  handler: async (ctx, occurrence) => {
    await sendEveningSummaries({
      db: ctx.db,
      clock: ctx.clock,
      chart: await ctx.directory.current(),
      day: occurrence.scheduledFor,
    });
  },
};

export const weeklyAnalysisJob: JobDefinition = {
  id: 'visits.weekly-analysis',
  schedule: () => ({ kind: 'weekly', weekday: 1, time: '09:00' }),
  handler: async (ctx, occurrence) => {
    await sendVisitAnalysis({
      db: ctx.db,
      clock: ctx.clock,
      chart: await ctx.directory.current(),
      period: 'week',
      at: occurrence.scheduledFor,
    });
  },
};

export const monthlyAnalysisJob: JobDefinition = {
  id: 'visits.monthly-analysis',
  schedule: () => ({ kind: 'monthly', day: 1, time: '09:00' }),
  handler: async (ctx, occurrence) => {
    await sendVisitAnalysis({
      db: ctx.db,
      clock: ctx.clock,
      chart: await ctx.directory.current(),
      period: 'month',
      at: occurrence.scheduledFor,
    });
  },
};

export const stuckDealsJob: JobDefinition = {
  id: 'visits.stuck-deals',
  schedule: () => ({ kind: 'daily', time: '09:30' }),
  handler: async (ctx) => {
    await remindStuckDeals({
      db: ctx.db,
      clock: ctx.clock,
      chart: await ctx.directory.current(),
      limits: ctx.config.visits.stageLimitDays,
    });
  },
};

export const VISIT_JOBS: JobDefinition[] = [eveningSummaryJob, weeklyAnalysisJob, monthlyAnalysisJob, stuckDealsJob];
