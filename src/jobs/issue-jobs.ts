import { escalateOverdueIssues, nextEscalationDue } from '../services/issues/escalate-overdue-issues.ts';
import { sendFeedbackDigests } from '../services/feedback/send-feedback-digest.ts';
import type { JobDefinition } from './job-definition.ts';

export const issueEscalationJob: JobDefinition = {
  id: 'issues.escalate-overdue',
  schedule: () => ({ kind: 'every', minutes: 5 }),
  handler: async (ctx) => {
    await escalateOverdueIssues({
      db: ctx.db,
      clock: ctx.clock,
      chart: await ctx.directory.current(),
      config: ctx.config,
      logger: ctx.logger,
    });
  },
  nextEvent: async (ctx, after) => nextEscalationDue({ db: ctx.db, chart: await ctx.directory.current(), after }),
};

export const feedbackDigestJob: JobDefinition = {
  id: 'feedback.weekly-digest',
  schedule: () => ({ kind: 'weekly', weekday: 1, time: '09:00' }),
  handler: async (ctx, occurrence) => {
    await sendFeedbackDigests({
      db: ctx.db,
      clock: ctx.clock,
      chart: await ctx.directory.current(),
      at: occurrence.scheduledFor,
    });
  },
};

export const ISSUE_JOBS: JobDefinition[] = [issueEscalationJob, feedbackDigestJob];
