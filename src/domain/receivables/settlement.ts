/**
 * Settling money against an account's open invoices (貨款結算), to the cent: integer cents only,
 * oldest first (by due date, then issue date, then number) unless the payer named the invoices.
 */
export interface OpenInvoice {
  id: number;
  number: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  /** YYYY-MM-DD */
  dueOn: string;
  openCents: number;
}

export interface Allocation {
  invoiceId: number;
  amountCents: number;
}

export interface Settlement {
  allocations: Allocation[];
  /** What settles no invoice: kept on the payment as unapplied. */
  unappliedCents: number;
}

/** The order a payment meets invoices in: the one due first, then the one issued first, then by number. */
export function oldestFirst<T extends OpenInvoice>(invoices: readonly T[]): T[] {
  return [...invoices].sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) ||
      a.issuedOn.localeCompare(b.issuedOn) ||
      a.number.localeCompare(b.number) ||
      a.id - b.id,
  );
}

/**
 * Splits `amountCents` over the invoices: oldest first, or only the named ones in the order named.
 * No invoice gets more than it has open; what is left over is unapplied.
 */
export function settle(
  amountCents: number,
  invoices: readonly OpenInvoice[],
  namedIds?: readonly number[],
): Settlement {
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) throw new RangeError(`bad amount ${amountCents}`);
  const byId = new Map(invoices.map((i) => [i.id, i]));
  const order = namedIds?.length ? [...new Set(namedIds)].flatMap((id) => byId.get(id) ?? []) : oldestFirst(invoices);
  let left = amountCents;
  const allocations: Allocation[] = [];
  for (const invoice of order) {
    if (left === 0) break;
    const take = Math.min(left, Math.max(0, invoice.openCents));
    if (take === 0) continue;
    allocations.push({ invoiceId: invoice.id, amountCents: take });
    left -= take;
  }
  return { allocations, unappliedCents: left };
}
