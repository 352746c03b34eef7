import { sendAgingReport } from '../services/receivables/send-aging-report.ts';
import { sendInvoiceReminders } from '../services/receivables/send-invoice-reminders.ts';
import { remindHeldOrders } from '../services/orders/held-orders.ts';
import type { JobDefinition } from './job-definition.ts';

/** Every morning: invoices due in 3 days, overdue weekly, past 60 and past 90 days, each stage once. */
export const invoiceRemindersJob: JobDefinition = {
  id: 'receivables.invoice-reminders',
  schedule: () => ({ kind: 'daily', time: '09:00' }),
  handler: async (ctx) => {
    await sendInvoiceReminders({ db: ctx.db, clock: ctx.clock, chart: await ctx.directory.current() });
  },
};

/** Monday morning: each market's aging report to the SSG channel, and to its owners what each may see. */
export const agingReportJob: JobDefinition = {
  id: 'receivables.aging-report',
  schedule: () => ({ kind: 'weekly', weekday: 1, time: '09:30' }),
  handler: async (ctx) => {
    await sendAgingReport({ db: ctx.db, clock: ctx.clock, chart: await ctx.directory.current() });
  },
};

/** Every morning: orders held over a day for credit approval remind their approver, once a day. */
export const heldOrdersJob: JobDefinition = {
  id: 'orders.held-reminders',
  schedule: () => ({ kind: 'daily', time: '09:15' }),
  handler: async (ctx) => {
    await remindHeldOrders({ db: ctx.db, clock: ctx.clock, chart: await ctx.directory.current() });
  },
};

export const RECEIVABLES_JOBS: JobDefinition[] = [invoiceRemindersJob, agingReportJob, heldOrdersJob];
