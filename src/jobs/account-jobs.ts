import { startCreditReview } from '../services/accounts/credit-review.ts';
import { remindLogistics } from '../services/accounts/account-logistics.ts';
import { planPhoneWeek, sendPhoneSummary } from '../services/accounts/phone-call-lists.ts';
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

/**
 * Monday at the phone-visit meeting (每週電話拜訪, 09:30): the week's calls are planned and each CSR gets
 * their list. Replenishment needs come from the orders work once it lands (see replenishment-needs.ts).
 */
export const phoneListJob: JobDefinition = {
  id: 'accounts.phone-list',
  schedule: () => ({ kind: 'weekly', weekday: 1, time: '09:30' }),
  handler: async (ctx) => {
    await planPhoneWeek({ db: ctx.db, clock: ctx.clock, chart: await ctx.directory.current() });
  },
};

/** Friday 16:00: the week's phone visits summed up for the SSG leader. */
export const phoneSummaryJob: JobDefinition = {
  id: 'accounts.phone-summary',
  schedule: () => ({ kind: 'weekly', weekday: 5, time: '16:00' }),
  handler: async (ctx) => {
    await sendPhoneSummary({ db: ctx.db, clock: ctx.clock, chart: await ctx.directory.current() });
  },
};

export const ACCOUNT_JOBS: JobDefinition[] = [creditReviewJob, logisticsReminderJob, phoneListJob, phoneSummaryJob];
