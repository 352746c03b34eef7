/**
 * A distributor's actual payment behaviour over a window (the credit review's last three months):
 * what it was invoiced, what it paid, how late it paid on average, and what is overdue now.
 */
export interface PaymentBehaviour {
  invoicedCents: number;
  paidCents: number;
  /** amount-weighted days past the due date of what it paid in the window; null when it paid nothing */
  averageDaysLate: number | null;
  overdueCents: number;
}

/** A settled amount: the invoice's due date and the payment's date. */
export interface SettledAmount {
  dueOn: string;
  receivedOn: string;
  amountCents: number;
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** Days late, weighted by amount (a payment on or before the due date is 0 days late), rounded. */
export function averageDaysLate(settled: SettledAmount[]): number | null {
  let amount = 0;
  let weighted = 0;
  for (const s of settled) {
    amount += s.amountCents;
    weighted += s.amountCents * Math.max(0, dayNumber(s.receivedOn) - dayNumber(s.dueOn));
  }
  return amount > 0 ? Math.round(weighted / amount) : null;
}

/** The review's window: the three calendar months before the review's month (2026-12 → 2026-09-01…2026-11-30). */
export function behaviourWindow(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number);
  const first = new Date(Date.UTC(year, m - 4, 1));
  const last = new Date(Date.UTC(year, m - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}
