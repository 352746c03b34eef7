/** An invoice still owed, as settlement sees it. */
export interface OpenInvoice {
  id: number;
  number: string;
  issuedOn: string;
  openCents: number;
}

export interface Settlement {
  allocations: { invoiceId: number; amountCents: number }[];
  /** what is left of the payment once every open invoice it may settle is paid */
  unappliedCents: number;
}

/**
 * Settles a payment (貨款結算): the invoices it names first, in the order named, then the rest
 * oldest first (issue date, then number). Exact to the cent: the allocations and the unapplied
 * remainder add up to the payment, and no invoice gets more than it owes.
 */
export function settlePayment(amountCents: number, open: OpenInvoice[], named: string[] = []): Settlement {
  const rank = (i: OpenInvoice) => {
    const at = named.indexOf(i.number);
    return at < 0 ? named.length : at;
  };
  const order = [...open].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : 0) ||
      (a.number < b.number ? -1 : a.number > b.number ? 1 : 0),
  );
  const allocations: Settlement['allocations'] = [];
  let left = amountCents;
  for (const invoice of order) {
    if (left <= 0) break;
    const amount = Math.min(left, invoice.openCents);
    if (amount <= 0) continue;
    allocations.push({ invoiceId: invoice.id, amountCents: amount });
    left -= amount;
  }
  return { allocations, unappliedCents: left };
}
