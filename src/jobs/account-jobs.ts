import { startCreditReview } from '../services/accounts/credit-review.ts';
import { remindLogistics } from '../services/accounts/account-logistics.ts';
import type { JobDefinition } from './job-definition.ts';

/** The monthly credit review: on the SSG meeting's working day the SSG leader gets the table. */
export const creditReviewJob: JobDefinition = {
  id: 'accounts.credit-review',
  schedule: () => ({ kind: 'every', minutes: 15 }),
  handler: async (ctx) => {
    await startCreditReview({ db: ctx.db, clock: ctx.clock, chart: await ctx.directory.current(), config: ctx.config });
  },
};

/** The monthly logistics confirmation: each CSR their accounts, the SSG leader the lines unconfirmed for two months. */
export const logisticsReminderJob: JobDefinition = {
  id: 'accounts.logistics-reminder',
  schedule: () => ({ kind: 'monthly', day: 1, time: '09:30' }),
  handler: async (ctx) => {
    await remindLogistics({ db: ctx.db, clock: ctx.clock, chart: await ctx.directory.current() });
  },
};

export const ACCOUNT_JOBS: JobDefinition[] = [creditReviewJob, logisticsReminderJob];
