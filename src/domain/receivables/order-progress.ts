/**
 * An order's state once it is approved, from what happened to it: shipped in part or in full,
 * every shipment delivered, invoiced in full, every invoice settled. Each step needs the one before
 * it, so an order paid before its delivery is confirmed stays shipped until then.
 */
export interface OrderProgress {
  orderedQuantity: number;
  shippedQuantity: number;
  shipments: number;
  undelivered: number;
  totalCents: number;
  invoicedCents: number;
  openInvoiceCents: number;
}

export type LedgerOrderState = 'approved' | 'partly_shipped' | 'shipped' | 'delivered' | 'invoiced' | 'settled';

/** The states a shipment, delivery, invoice or payment may move an order out of. */
export const LEDGER_STATES: readonly LedgerOrderState[] = [
  'approved',
  'partly_shipped',
  'shipped',
  'delivered',
  'invoiced',
  'settled',
];

export function orderStateOf(p: OrderProgress): LedgerOrderState {
  if (p.shippedQuantity === 0) return 'approved';
  if (p.shippedQuantity < p.orderedQuantity) return 'partly_shipped';
  if (p.undelivered > 0) return 'shipped';
  if (p.invoicedCents < p.totalCents) return 'delivered';
  if (p.openInvoiceCents > 0) return 'invoiced';
  return 'settled';
}

/** Why a quantity to ship is refused, per line: more than is left to ship, or not a whole number. */
export type ShipProblem = 'not_whole' | 'over' | 'nothing';

export function checkShipQuantities(
  lines: readonly { id: number; quantity: number; shippedQuantity: number }[],
  asked: ReadonlyMap<number, string>,
): { quantities: Map<number, number>; problems: Map<number | 'all', ShipProblem> } {
  const quantities = new Map<number, number>();
  const problems = new Map<number | 'all', ShipProblem>();
  for (const line of lines) {
    const raw = (asked.get(line.id) ?? '').replace(/[\s,]/g, '');
    if (raw === '' || raw === '0') continue;
    if (!/^\d{1,9}$/.test(raw)) {
      problems.set(line.id, 'not_whole');
      continue;
    }
    const quantity = Number(raw);
    if (quantity > line.quantity - line.shippedQuantity) problems.set(line.id, 'over');
    else quantities.set(line.id, quantity);
  }
  if (problems.size === 0 && quantities.size === 0) problems.set('all', 'nothing');
  return { quantities, problems };
}
