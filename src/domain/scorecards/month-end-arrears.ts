import { applyPayments, carriesMoney, type MoneyItem } from '../deals/payments.ts';

/** A deal's money item as the ledger holds it, and whose it is. */
export interface ArrearsItem extends MoneyItem {
  dealId: number;
  ownerId: string;
}

/** A payment that stood on the day: received by then and not undone by then. */
export interface StandingPayment {
  dealId: number;
  amountCents: number;
  /** the bank's loan disbursement settles the loan item, a buyer's payment the earliest due */
  payer: string;
}

/**
 * Each owner's overdue arrears as they stood on `lastDay` (a month's last day): the payments received by
 * then applied to each deal's money items as the ledger applies them (earliest due first, the bank's loan
 * to the loan item), and what items due by that day still owed. A payment made later does not lower them.
 */
export function arrearsAt(items: ArrearsItem[], payments: StandingPayment[], lastDay: string): Map<string, number> {
  const itemsOf = new Map<number, ArrearsItem[]>();
  for (const item of items.filter((i) => carriesMoney(i.kind)))
    itemsOf.set(item.dealId, [...(itemsOf.get(item.dealId) ?? []), item]);
  const paymentsOf = new Map<number, { cents: number; settles?: string }[]>();
  for (const p of payments) {
    const receipt = { cents: p.amountCents, settles: p.payer === 'bank' ? 'mortgage' : undefined };
    paymentsOf.set(p.dealId, [...(paymentsOf.get(p.dealId) ?? []), receipt]);
  }
  const out = new Map<string, number>();
  for (const [dealId, dealItems] of itemsOf) {
    const { paid } = applyPayments(dealItems, paymentsOf.get(dealId) ?? []);
    for (const item of dealItems) {
      const open = item.amountCents - (paid.get(item.id) ?? 0);
      if (item.dueDate <= lastDay && open > 0) out.set(item.ownerId, (out.get(item.ownerId) ?? 0) + open);
    }
  }
  return out;
}
