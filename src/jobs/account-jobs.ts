import { startCreditReview } from '../services/accounts/credit-review.ts';
import type { JobDefinition } from './job-definition.ts';

/** The monthly credit review: on the SSG meeting's working day the SSG leader gets the table. */
export const creditReviewJob: JobDefinition = {
  id: 'accounts.credit-review',
  schedule: () => ({ kind: 'every', minutes: 15 }),
  handler: async (ctx) => {
    await startCreditReview({ db: ctx.db, clock: ctx.clock, chart: await ctx.directory.current(), config: ctx.config });
  },
};

export const ACCOUNT_JOBS: JobDefinition[] = [creditReviewJob];
