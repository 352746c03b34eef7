/** A deal's money item and what has been applied to it. */
export interface MoneyItem {
  id: number;
  kind: string;
  dueDate: string;
  amountCents: number;
}

/** Kinds that carry money: payments are applied to these, oldest due first. */
export const MONEY_KINDS = ['deposit', 'down_payment', 'final', 'mortgage', 'instalment'] as const;
export const carriesMoney = (kind: string): boolean => (MONEY_KINDS as readonly string[]).includes(kind);

/**
 * Applies payments (in cents, in the order received) to the money items, earliest due first.
 * Returns what each item has been paid; what is left over (an overpayment) is `unapplied`.
 */
export function applyPayments(
  items: MoneyItem[],
  payments: number[],
): { paid: Map<number, number>; unapplied: number } {
  const order = [...items]
    .filter((i) => carriesMoney(i.kind))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id);
  const paid = new Map(order.map((i) => [i.id, 0]));
  let unapplied = 0;
  for (const amount of payments) {
    let left = amount;
    for (const item of order) {
      if (left <= 0) break;
      const room = item.amountCents - (paid.get(item.id) ?? 0);
      const take = Math.min(room, left);
      if (take > 0) {
        paid.set(item.id, (paid.get(item.id) ?? 0) + take);
        left -= take;
      }
    }
    unapplied += left;
  }
  return { paid, unapplied };
}

/** Paid, due (not yet overdue) and overdue amounts of a deal on a day. */
export function standing(
  items: (MoneyItem & { paidCents: number })[],
  today: string,
): { paid: number; due: number; overdue: number } {
  let paid = 0;
  let due = 0;
  let overdue = 0;
  for (const item of items.filter((i) => carriesMoney(i.kind))) {
    paid += item.paidCents;
    const open = item.amountCents - item.paidCents;
    if (open <= 0) continue;
    if (item.dueDate < today) overdue += open;
    else due += open;
  }
  return { paid, due, overdue };
}
