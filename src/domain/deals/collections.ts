/** One owner's week: what came in, and what is overdue at the summary's date. */
export interface OwnerCollections {
  ownerId: string;
  collectedCents: number;
  overdueCents: number;
  overdueCount: number;
}

/** The week's arrears and collections (回款與欠款) over some owners: a team, or the whole site. */
export interface CollectionsSummary {
  from: string;
  to: string;
  collectedCents: number;
  paymentCount: number;
  /** Of what was collected, the bank's loans disbursed (the rest is the buyers'). */
  loanCents: number;
  refundCents: number;
  overdueCents: number;
  overdueCount: number;
  /** Of all that fell due by the week's end, what is paid: the collection rate (回款率). */
  dueCents: number;
  paidCents: number;
  byOwner: OwnerCollections[];
}

export interface CollectionsInput {
  from: string;
  to: string;
  payments: { ownerId: string; kind: string; payer?: string; count: number; amountCents: number }[];
  owed: { ownerId: string; dueCents: number; paidCents: number }[];
  overdue: { ownerId: string; amountCents: number; paidCents: number }[];
}

/** Adds up the week for the owners kept (`keep`); the owners with most overdue come first. */
export function summariseCollections(input: CollectionsInput, keep: (ownerId: string) => boolean): CollectionsSummary {
  const owners = new Map<string, OwnerCollections>();
  const ownerOf = (ownerId: string) => {
    const row = owners.get(ownerId) ?? { ownerId, collectedCents: 0, overdueCents: 0, overdueCount: 0 };
    owners.set(ownerId, row);
    return row;
  };
  const sum: CollectionsSummary = {
    from: input.from,
    to: input.to,
    collectedCents: 0,
    paymentCount: 0,
    loanCents: 0,
    refundCents: 0,
    overdueCents: 0,
    overdueCount: 0,
    dueCents: 0,
    paidCents: 0,
    byOwner: [],
  };
  for (const p of input.payments.filter((row) => keep(row.ownerId))) {
    if (p.kind === 'refund') {
      sum.refundCents += Math.abs(p.amountCents); // kept negative in the ledger
      continue;
    }
    sum.collectedCents += p.amountCents;
    sum.paymentCount += p.count;
    if (p.payer === 'bank') sum.loanCents += p.amountCents;
    ownerOf(p.ownerId).collectedCents += p.amountCents;
  }
  for (const item of input.overdue.filter((row) => keep(row.ownerId))) {
    const open = Math.max(0, item.amountCents - item.paidCents);
    const row = ownerOf(item.ownerId);
    row.overdueCents += open;
    row.overdueCount += 1;
    sum.overdueCents += open;
    sum.overdueCount += 1;
  }
  for (const o of input.owed.filter((row) => keep(row.ownerId))) {
    sum.dueCents += o.dueCents;
    sum.paidCents += o.paidCents;
  }
  sum.byOwner = [...owners.values()].sort(
    (a, b) => b.overdueCents - a.overdueCents || b.collectedCents - a.collectedCents,
  );
  return sum;
}

/** The collection rate in whole percent, or undefined when nothing has fallen due. */
export const collectionRate = (s: Pick<CollectionsSummary, 'dueCents' | 'paidCents'>): number | undefined =>
  s.dueCents > 0 ? Math.floor((s.paidCents * 100) / s.dueCents) : undefined;
