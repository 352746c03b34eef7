/** Aging of receivables (帳齡): days past due, in four buckets. Dates are local YYYY-MM-DD. */

export const AGING_BUCKETS = ['d0_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export type AgingTable = Record<AgingBucket, number>;

const dayNumber = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
};

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The date `days` after a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** Days an invoice is past its due date on `today`; 0 while it is not yet due. */
export function daysOverdue(dueOn: string, today: string): number {
  return Math.max(0, daysBetween(dueOn, today));
}

/** The bucket of an invoice by days past due: not yet due counts in 0–30. */
export function bucketOf(days: number): AgingBucket {
  if (days <= 30) return 'd0_30';
  if (days <= 60) return 'd31_60';
  if (days <= 90) return 'd61_90';
  return 'd90_plus';
}

export const emptyAging = (): AgingTable => ({ d0_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0 });

/** Open amounts summed per bucket on `today`. */
export function ageInvoices(invoices: readonly { dueOn: string; openCents: number }[], today: string): AgingTable {
  const table = emptyAging();
  for (const invoice of invoices) table[bucketOf(daysOverdue(invoice.dueOn, today))] += invoice.openCents;
  return table;
}

/**
 * The due dates that bound the buckets on `today`, for SQL range sums: 0–30 is due on or after
 * `start30`, 31–60 on or after `start60` and before `start30`, and so on; over 90 is before `start90`.
 */
export function bucketBounds(today: string): { start30: string; start60: string; start90: string } {
  return { start30: addDays(today, -30), start60: addDays(today, -60), start90: addDays(today, -90) };
}
