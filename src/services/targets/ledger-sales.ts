import { recordActual } from '../../db/targets/target-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import { salesSourceOf } from '../../domain/erp/orders-settings.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';

/** A sale the ledger records: an invoice or a shipment, for an account of a market. */
export interface LedgerSale {
  kind: 'invoice' | 'shipment';
  /** the document's id, kept as the figure's source (invoice:12) */
  id: number;
  accountCode: string;
  ownerId: string;
  market: string;
  /** YYYY-MM-DD: the issue or shipping date, whose month the sale counts in */
  day: string;
  amountCents: number;
}

/** Whose 銷售額 a sale is: the account's owner, else the market's manager, else the market's owner. */
export function sellerOf(chart: OrgChart, sale: Pick<LedgerSale, 'ownerId' | 'market'>): string | undefined {
  if (sale.ownerId) return sale.ownerId;
  const manager = chart.people.find((p) => p.role === 'market_manager' && p.markets.includes(sale.market));
  return manager?.slackId ?? chart.marketOwner(sale.market);
}

/**
 * Counts a sale in 銷售額 actuals, inside the unit of work that records the invoice or shipment, when
 * it is what the org file counts (`orders: { sales_from: invoices | shipments }`, invoices by
 * default): `/targets` then needs no `/sales` for it. Returns whether it was counted.
 */
export async function countLedgerSale(
  unit: DbLike,
  o: { chart: OrgChart; sale: LedgerSale; actorId: string; now: Date },
): Promise<boolean> {
  const { chart, sale } = o;
  if (chart.template !== 'brand-sales') return false;
  const counted = salesSourceOf(chart.data.orders) === 'invoices' ? 'invoice' : 'shipment';
  if (sale.kind !== counted || sale.amountCents <= 0) return false;
  const personId = sellerOf(chart, sale);
  if (!personId) return false;
  await recordActual(unit, {
    orgId: chart.data.orgId,
    month: sale.day.slice(0, 7),
    personId,
    marketCode: sale.market,
    account: sale.accountCode,
    metric: 'amount',
    value: sale.amountCents,
    source: sale.kind,
    sourceRef: `${sale.kind}:${sale.id}`,
    createdBy: o.actorId,
    createdAt: o.now,
  });
  return true;
}
