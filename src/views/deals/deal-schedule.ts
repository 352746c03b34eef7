import { carriesMoney } from '../../domain/deals/payments.ts';
import { t, tFor, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';

/** One item of a signed deal's payment plan, and what is paid on it. */
export interface ScheduleItem {
  kind: string;
  dueDate: string;
  amountCents: number;
  paidCents: number;
}

/** A signed deal's payment plan: its method, the mortgage bank, its money items, and the day it is read on. */
export interface DealSchedule {
  method: string;
  bank?: string;
  today: string;
  items: ScheduleItem[];
}

const MAX_LINES = 36; // a section holds 3,000 characters; instalments beyond this are counted, not listed

/** Paid, overdue (past its date with money open) or due (not yet past it, with what is paid so far). */
function statusOf(locale: Locale, item: ScheduleItem, today: string, money: (cents: number) => string): string {
  const open = item.amountCents - item.paidCents;
  if (open <= 0) return t(locale, 'deal.plan.paid');
  if (item.dueDate < today) return t(locale, 'deal.plan.overdue', { open: money(open) });
  if (item.paidCents > 0) return t(locale, 'deal.plan.due_part', { paid: money(item.paidCents) });
  return t(locale, 'deal.plan.due');
}

/**
 * The plan after 簽約, one line per money item, earliest due first: the deposit, the down payment,
 * the bank's loan with its expected disbursement, the balance or each instalment, each paid, due or overdue.
 */
export function scheduleText(locale: Locale, s: DealSchedule, money: (cents: number) => string): string {
  const method = tFor(locale, 'deal.method', s.method);
  const title = s.bank
    ? t(locale, 'deal.plan.title_bank', { method, bank: escapeMrkdwn(truncate(s.bank, 60)) })
    : t(locale, 'deal.plan.title', { method });
  const items = s.items
    .filter((i) => carriesMoney(i.kind) && i.amountCents > 0)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  let instalment = 0;
  const lines = items.map((item) => {
    const name = tFor(locale, 'deal.item', item.kind);
    const label = item.kind === 'instalment' ? `${name} ${++instalment}` : name;
    const key = item.kind === 'mortgage' ? 'deal.plan.line_loan' : 'deal.plan.line';
    const status = statusOf(locale, item, s.today, money);
    return t(locale, key, { label, amount: money(item.amountCents), date: item.dueDate, status });
  });
  const shown = lines.slice(0, MAX_LINES);
  if (lines.length > shown.length) shown.push(t(locale, 'deal.plan.more', { count: lines.length - shown.length }));
  return [title, ...shown].join('\n');
}
