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

/**
 * The reminder an open invoice owes on `today`, given the stages already sent:
 * - due within 3 days: the KAM and the CSR, once;
 * - overdue: them again every week (stage per week overdue);
 * - past 60 days: copied to the market's UM and MM (at once when it passes 60, then weekly);
 * - past 90 days: to the sales director as well.
 * A reminder marks every stage it covers, so crossing 60 mid-week sends one message, not two.
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
  const audience: ReminderAudience[] = ['kam', 'csr'];
  if (days > 60) audience.push('um', 'mm');
  if (days > 90) audience.push('director');
  const candidates = [days > 90 ? 'past_90' : '', days > 60 ? 'past_60' : '', `overdue_w${Math.floor((days - 1) / 7)}`];
  const stages = candidates.filter((s) => s !== '' && !sent.has(s));
  return stages.length > 0 ? { stages, audience, days } : undefined;
}
