import { startCreditReview } from '../services/accounts/credit-review.ts';
import { remindLogistics } from '../services/accounts/account-logistics.ts';
import { planPhoneWeek, sendPhoneSummary } from '../services/accounts/phone-call-lists.ts';
import { lastOccurrence, nextOccurrence } from '../domain/schedule/schedule-rules.ts';
import type { OrgChart } from '../domain/org/org-chart.ts';
import type { JobContext, JobDefinition } from './job-definition.ts';

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

type Weekly = { kind: 'weekly'; weekday: number; time: string };

/**
 * A brand's weekly job: it acts within `window` minutes after its local time, or within
 * JOB_CATCH_UP_HOURS when longer (a bot down at that time acts on restart, as for any missed run: the
 * act itself is once a week), and only a brand's chart shows it as the next scheduled event.
 */
function brandWeekly(o: {
  id: string;
  rule: Weekly;
  window: number;
  act: (ctx: JobContext, chart: OrgChart) => Promise<unknown>;
}): JobDefinition {
  return {
    id: o.id,
    schedule: () => ({ kind: 'every', minutes: 15 }),
    handler: async (ctx) => {
      const chart = await ctx.directory.current();
      if (chart.template !== 'brand-sales') return;
      const now = ctx.clock.now();
      const at = lastOccurrence(o.rule, now, chart.data.timezone).scheduledFor;
      const window = Math.max(o.window * 60_000, ctx.config.jobs.catchUpHours * 3_600_000);
      if (now.getTime() - at.getTime() < window) await o.act(ctx, chart);
    },
    nextEvent: async (ctx, after) => {
      const chart = await ctx.directory.current();
      return chart.template === 'brand-sales' ? nextOccurrence(o.rule, after, chart.data.timezone) : undefined;
    },
  };
}

/**
 * Monday at the phone-visit meeting (每週電話拜訪, 09:30): the week's calls are planned and each CSR gets
 * their list; planning is once a week, so a late start that day still sends it. An account with an
 * open replenishment need (`/order need`) is on it.
 */
export const phoneListJob = brandWeekly({
  id: 'accounts.phone-list',
  rule: { kind: 'weekly', weekday: 1, time: '09:30' },
  window: 12 * 60,
  act: (ctx, chart) => planPhoneWeek({ db: ctx.db, clock: ctx.clock, chart }),
});

/** Friday 16:00: the week's phone visits summed up for the SSG leader (once a week). */
export const phoneSummaryJob = brandWeekly({
  id: 'accounts.phone-summary',
  rule: { kind: 'weekly', weekday: 5, time: '16:00' },
  window: 15,
  act: (ctx, chart) => sendPhoneSummary({ db: ctx.db, clock: ctx.clock, chart }),
});

export const ACCOUNT_JOBS: JobDefinition[] = [creditReviewJob, logisticsReminderJob, phoneListJob, phoneSummaryJob];
