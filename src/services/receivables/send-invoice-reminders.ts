import { remindableInvoices } from '../../db/receivables/reminder-repo.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { markReminder } from '../../db/receivables/reminder-repo.ts';
import { transaction, type Db } from '../../db/unit-of-work.ts';
import { addDays } from '../../domain/receivables/aging.ts';
import { reminderRecipients } from '../../domain/receivables/ledger-access.ts';
import { DUE_SOON_DAYS, reminderDue } from '../../domain/receivables/reminders.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import type { Clock } from '../../lib/clock.ts';
import { reminderMessage, type ReminderLine } from '../../views/receivables/reminder-views.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf } from '../org/locale-of.ts';
import { localToday } from './ledger-order.ts';

/**
 * The daily pass over open invoices: one due in 3 days reminds the account's KAM and the settling
 * CSR; an overdue one reminds them weekly, copied to the UM and MM past 60 days and the sales
 * director past 90. Each stage is marked in InvoiceReminder in the unit of work that queues the
 * messages, so it goes once; each person gets one message listing their invoices. Returns how many
 * invoices were reminded.
 */
export async function sendInvoiceReminders(o: { db: Db; clock: Clock; chart: OrgChart }): Promise<number> {
  const { chart } = o;
  if (chart.template !== 'brand-sales') return 0;
  const now = o.clock.now();
  const today = localToday(chart, now);
  const invoices = await remindableInvoices(o.db, { orgId: chart.data.orgId, until: addDays(today, DUE_SOON_DAYS) });
  const due = invoices.flatMap((invoice) => {
    const reminder = reminderDue(invoice, today, invoice.sent);
    return reminder ? [{ invoice, reminder }] : [];
  });
  if (due.length === 0) return 0;
  return transaction(o.db, async (unit) => {
    const byPerson = new Map<string, ReminderLine[]>();
    let reminded = 0;
    for (const { invoice, reminder } of due) {
      let fresh = false;
      for (const stage of reminder.stages)
        fresh = (await markReminder(unit, { invoiceId: invoice.id, stage, now })) || fresh;
      if (!fresh) continue;
      reminded += 1;
      const line: ReminderLine = {
        invoice: invoice.number,
        account: invoice.accountName,
        code: invoice.accountCode,
        openCents: invoice.openCents,
        dueOn: invoice.dueOn,
        days: reminder.days,
      };
      for (const id of reminderRecipients(chart, invoice, reminder.audience))
        byPerson.set(id, [...(byPerson.get(id) ?? []), line]);
    }
    for (const [id, lines] of byPerson)
      await queueDirectMessage(unit, id, reminderMessage(localeOf(chart, id), today, lines, currencyOf(chart)), now, {
        kind: 'invoice',
        ref: lines[0].invoice,
      });
    return reminded;
  });
}
