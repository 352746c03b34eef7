import { nextTaskNotice, sendTaskNotices } from '../services/tasks/send-task-notices.ts';
import { sendTaskDigests } from '../services/tasks/send-task-digests.ts';
import { sendPriceChanges } from '../services/tasks/send-price-changes.ts';
import type { JobDefinition } from './job-definition.ts';

/** Reminders, overdue notices and escalations, each at its own working-day moment (stored per assignment). */
export const taskNoticesJob: JobDefinition = {
  id: 'tasks.notices',
  schedule: () => ({ kind: 'every', minutes: 15 }),
  handler: async (ctx) => {
    await sendTaskNotices({ db: ctx.db, clock: ctx.clock, chart: await ctx.directory.current() });
  },
  nextEvent: async (ctx, after) => nextTaskNotice({ db: ctx.db, chart: await ctx.directory.current(), after }),
};

/** Monday morning: each manager's open and late tasks below them. */
export const taskDigestJob: JobDefinition = {
  id: 'tasks.weekly-digest',
  schedule: () => ({ kind: 'weekly', weekday: 1, time: '09:00' }),
  handler: async (ctx, occurrence) => {
    await sendTaskDigests({
      db: ctx.db,
      clock: ctx.clock,
      chart: await ctx.directory.current(),
      periodKey: occurrence.periodKey,
    });
  },
};

/** Monday morning, beside the weekly analysis: the month's competitor price changes, to planning. */
export const researchPricesJob: JobDefinition = {
  id: 'tasks.research-prices',
  schedule: () => ({ kind: 'weekly', weekday: 1, time: '09:00' }),
  handler: async (ctx, occurrence) => {
    await sendPriceChanges({
      db: ctx.db,
      clock: ctx.clock,
      chart: await ctx.directory.current(),
      periodKey: occurrence.periodKey,
    });
  },
};

export const TASK_JOBS: JobDefinition[] = [taskNoticesJob, taskDigestJob, researchPricesJob];
