import { workingCalendarOf } from '../services/calendar/working-calendar-of.ts';
import { chaseDueItems } from '../services/deals/chase-due-items.ts';
import { sendWeeklyCollections } from '../services/deals/weekly-collections.ts';
import type { JobDefinition } from './job-definition.ts';

/** 催收: each morning, the due items of the site's deals are reminded, reported overdue or escalated. */
export const chaseDueItemsJob: JobDefinition = {
  id: 'deals.chase',
  schedule: () => ({ kind: 'daily', time: '09:00' }),
  handler: async (ctx) => {
    const chart = await ctx.directory.current();
    await chaseDueItems({
      db: ctx.db,
      clock: ctx.clock,
      chart,
      calendar: workingCalendarOf(ctx.config, chart.data.timezone),
    });
  },
};

/** Each Monday: the week's arrears and collections to the site office, planning and each team lead. */
export const weeklyCollectionsJob: JobDefinition = {
  id: 'deals.weekly-collections',
  schedule: () => ({ kind: 'weekly', weekday: 1, time: '09:00' }),
  handler: async (ctx, occurrence) => {
    await sendWeeklyCollections({
      db: ctx.db,
      clock: ctx.clock,
      chart: await ctx.directory.current(),
      at: occurrence.scheduledFor,
    });
  },
};

export const DEAL_JOBS: JobDefinition[] = [chaseDueItemsJob, weeklyCollectionsJob];
