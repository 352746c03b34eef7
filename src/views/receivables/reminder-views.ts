import { formatMoney } from '../../domain/deals/money.ts';
import { AGING_BUCKETS, emptyAging, type AgingTable } from '../../domain/receivables/aging.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { section, type Block } from '../blocks.ts';
import { agingParams } from './ledger-answers.ts';

const e = (text: string, max = 60) => escapeMrkdwn(truncate(text, max));

export interface ReminderLine {
  invoice: string;
  account: string;
  code: string;
  openCents: number;
  dueOn: string;
  /** Days past due; 0 or less while not yet due. */
  days: number;
}

/** One person's reminder: each invoice due soon or overdue, the most overdue first. */
export function reminderMessage(
  locale: Locale,
  date: string,
  lines: readonly ReminderLine[],
  currency: string,
): { text: string; blocks: Block[] } {
  const sorted = [...lines].sort((a, b) => b.days - a.days || a.invoice.localeCompare(b.invoice));
  const body = sorted.slice(0, 40).map((l) =>
    t(locale, l.days > 0 ? 'ledger.reminder.overdue' : 'ledger.reminder.due_soon', {
      invoice: l.invoice,
      account: e(l.account),
      code: l.code,
      amount: formatMoney(l.openCents, currency, locale),
      due: l.dueOn,
      days: l.days,
    }),
  );
  if (sorted.length > 40) body.push(t(locale, 'ledger.report.more', { count: sorted.length - 40 }));
  const text = `${t(locale, 'ledger.reminder.header', { date })}\n${body.join('\n')}`;
  return { text: truncate(text, 3000), blocks: [section(truncate(text, 3000))] };
}

export interface AgingRow extends AgingTable {
  code: string;
  name: string;
}

/** The Monday aging report of one market: per account (the oldest debts first) and the total. */
export function agingReport(
  locale: Locale,
  o: { market: string; date: string; rows: readonly AgingRow[]; currency: string; partial?: boolean },
): { text: string; blocks: Block[] } {
  const title = t(locale, 'ledger.report.header', { market: o.market, date: o.date });
  const header = o.partial ? `${title}\n${t(locale, 'ledger.report.partial')}` : title;
  if (o.rows.length === 0) {
    const text = `${header}\n${t(locale, 'ledger.report.none')}`;
    return { text, blocks: [section(text)] };
  }
  const total = emptyAging();
  for (const row of o.rows) for (const bucket of AGING_BUCKETS) total[bucket] += row[bucket];
  const shown = o.rows
    .slice(0, 30)
    .map((r) =>
      t(locale, 'ledger.report.row', { account: e(r.name, 40), code: r.code, ...agingParams(r, o.currency, locale) }),
    );
  if (o.rows.length > 30) shown.push(t(locale, 'ledger.report.more', { count: o.rows.length - 30 }));
  const text = [
    header,
    t(locale, 'ledger.report.columns'),
    ...shown,
    t(locale, 'ledger.report.total', agingParams(total, o.currency, locale)),
  ].join('\n');
  return { text: truncate(text, 3000), blocks: [section(truncate(text, 3000))] };
}
