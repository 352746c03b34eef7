import { daysBetween } from './aging.ts';

/** Who hears of an invoice: the account's KAM, the settling CSR, the market's UM and MM, the sales director. */
export type ReminderAudience = 'kam' | 'csr' | 'um' | 'mm' | 'director';

export interface ReminderDue {
  /** The InvoiceReminder stages this reminder covers (each sent once): the first names it. */
  stages: string[];
  audience: ReminderAudience[];
  /** Days past due (negative: days before it falls due). */
  days: number;
}

/** Days before the due date that the first reminder goes. */
export const DUE_SOON_DAYS = 3;

/** Each group of recipients of an overdue invoice, from the day it joins: its stages are `<tier>@<day>`. */
const TIERS: { tier: string; from: number; audience: ReminderAudience[] }[] = [
  { tier: 'overdue', from: 1, audience: ['kam', 'csr'] },
  { tier: 'past_60', from: 61, audience: ['um', 'mm'] },
  { tier: 'past_90', from: 91, audience: ['director'] },
];

/** The day overdue of a tier's last reminder (earlier stages: overdue_wN, past_60, past_90 once). */
function lastSent(sent: ReadonlySet<string>, tier: string): number | undefined {
  let last: number | undefined;
  for (const stage of sent) {
    const day = stage.startsWith(`${tier}@`)
      ? Number(stage.slice(tier.length + 1))
      : tier === 'overdue' && /^overdue_w\d+$/.test(stage)
        ? 7 * Number(stage.slice(9)) + 1
        : stage === tier
          ? TIERS.find((t) => t.tier === tier)?.from
          : undefined;
    if (day !== undefined && Number.isFinite(day) && (last === undefined || day > last)) last = day;
  }
  return last;
}

/**
 * The reminder an open invoice owes on `today`, given the stages already sent:
 * - due within 3 days: the KAM and the CSR, once;
 * - overdue: them again once a week (7 days after their last one, whatever days the clock skipped);
 * - past 60 days: the market's UM and MM as well, at once when it passes 60, then weekly from then;
 * - past 90 days: the sales director as well, the same way.
 * Each group of recipients hears of an invoice at most once in 7 days: passing 60 or 90 mid-week tells
 * those it adds, not again those who had that week's reminder.
 */
export function reminderDue(
  invoice: { dueOn: string; openCents: number },
  today: string,
  sent: ReadonlySet<string>,
): ReminderDue | undefined {
  if (invoice.openCents <= 0) return undefined;
  const days = daysBetween(invoice.dueOn, today);
  if (days <= 0) {
    if (days < -DUE_SOON_DAYS || sent.has('due_soon')) return undefined;
    return { stages: ['due_soon'], audience: ['kam', 'csr'], days };
  }
  const due = TIERS.filter(({ tier, from }) => {
    if (days < from) return false;
    const last = lastSent(sent, tier);
    return last === undefined || days - last >= 7;
  });
  if (due.length === 0) return undefined;
  return { stages: due.map(({ tier }) => `${tier}@${days}`), audience: due.flatMap((t) => t.audience), days };
}
