import { openInvoicesOf, reduceOpen } from '../../db/receivables/invoice-repo.ts';
import { insertAllocation, takeUnapplied, unappliedOf } from '../../db/receivables/payment-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import { settle } from '../../domain/receivables/settlement.ts';

/**
 * Inside the unit of work that raised an invoice: money already received or credited that settled
 * no invoice (payments first, then credit notes, oldest first) now settles the account's open
 * invoices oldest first, by the settlement rule. The receivables do not move (that money left them
 * when it came in); only which invoices are open does. The invoices it touched and their orders.
 */
export async function applyUnapplied(
  unit: DbLike,
  o: { orgId: number; accountId: number },
): Promise<{ orderIds: Set<number>; invoiceIds: number[] }> {
  const orders = new Set<number>();
  const invoiceIds: number[] = [];
  const credits = await unappliedOf(unit, o.accountId);
  if (credits.length === 0) return { orderIds: orders, invoiceIds };
  let open = await openInvoicesOf(unit, o.accountId);
  for (const credit of credits) {
    if (open.length === 0) break;
    const { allocations } = settle(credit.unappliedCents, open);
    for (const a of allocations) {
      const invoice = open.find((i) => i.id === a.invoiceId);
      if (!(await reduceOpen(unit, a.invoiceId, a.amountCents)) || !(await takeUnapplied(unit, credit, a.amountCents)))
        throw new Error('ledger changed meanwhile');
      if (credit.kind === 'Payment') await insertAllocation(unit, { orgId: o.orgId, paymentId: credit.id, ...a });
      invoiceIds.push(a.invoiceId);
      if (invoice?.orderId != null) orders.add(invoice.orderId);
    }
    open = open
      .map((i) => ({
        ...i,
        openCents: i.openCents - (allocations.find((a) => a.invoiceId === i.id)?.amountCents ?? 0),
      }))
      .filter((i) => i.openCents > 0);
  }
  return { orderIds: orders, invoiceIds };
}
