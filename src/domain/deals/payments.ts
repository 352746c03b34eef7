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

/** The note the ledger keeps on a cancellation's refund (shown translated); the bank's loan is told by its payer. */
export const REFUND_NOTE = 'refund';

/** A payment to apply: its amount, and the kind of item it pays first (a loan pays the loan item). */
export interface Receipt {
  cents: number;
  settles?: string;
}

/**
 * Applies payments (in cents) to the money items. A receipt aimed at a kind (the bank's loan at
 * 'mortgage') pays that item first; every other receipt pays the other items, earliest due first,
 * and only then the aimed ones. Aimed receipts go first, so the order received changes nothing.
 * Returns what each item has been paid; what is left over (an overpayment) is `unapplied`.
 */
export function applyPayments(
  items: MoneyItem[],
  payments: (number | Receipt)[],
): { paid: Map<number, number>; unapplied: number } {
  const order = [...items]
    .filter((i) => carriesMoney(i.kind))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id);
  const paid = new Map(order.map((i) => [i.id, 0]));
  const receipts = payments.map((p) => (typeof p === 'number' ? { cents: p } : p));
  const aimed = new Set(receipts.flatMap((r) => (r.settles ? [r.settles] : [])));
  const fill = (targets: MoneyItem[], amount: number): number => {
    let left = amount;
    for (const item of targets) {
      const take = Math.min(item.amountCents - (paid.get(item.id) ?? 0), left);
      if (take > 0) {
        paid.set(item.id, (paid.get(item.id) ?? 0) + take);
        left -= take;
      }
    }
    return left;
  };
  let unapplied = 0;
  for (const r of [...receipts.filter((x) => x.settles), ...receipts.filter((x) => !x.settles)]) {
    const first = order.filter((i) => (r.settles ? i.kind === r.settles : !aimed.has(i.kind)));
    unapplied += fill(
      order.filter((i) => !first.includes(i)),
      fill(first, r.cents),
    );
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

/** Stages in which a deal owes nothing more: cancelled (退訂), or its discount declined (認購 never stood). */
export const ENDED_STAGES: readonly string[] = ['cancelled', 'declined'];

/**
 * What a deal stands at: paid, due and overdue from its items; a cancelled or declined deal owes
 * nothing more, and shows what it received and what was refunded, from the ledger.
 */
export function dealStanding(
  stage: string,
  items: (MoneyItem & { paidCents: number })[],
  payments: { kind: string; amountCents: number }[],
  today: string,
): { paid: number; due: number; overdue: number; refunded?: number } {
  if (!ENDED_STAGES.includes(stage)) return standing(items, today);
  const sum = (kind: string) =>
    payments.filter((p) => p.kind === kind).reduce((total, p) => total + Math.abs(p.amountCents), 0);
  return { paid: sum('payment'), due: 0, overdue: 0, refunded: sum('refund') };
}
