import { type ErpProblem, rowsOf } from './erp-columns.ts';
import { docNumber, erpDate, erpQuantity, failuresOf } from './erp-values.ts';
import {
  groupByDoc,
  type KnownDoc,
  ORDER_NUMBER_HEADINGS,
  outcome,
  QUANTITY_HEADINGS,
  reimported,
  SHIPMENT_NUMBER_HEADINGS,
  SKU_HEADINGS,
} from './ledger-lookups.ts';

type Field = 'number' | 'order' | 'date' | 'carrier' | 'waybill' | 'sku' | 'quantity';

export const SHIPMENT_HEADINGS: Record<Field, string[]> = {
  number: SHIPMENT_NUMBER_HEADINGS,
  order: ORDER_NUMBER_HEADINGS,
  date: ['出貨日期', '出货日期', '發貨日期', '发货日期', '發運日期', '发运日期', 'ship date', 'shipped on', 'date'],
  carrier: ['承運商', '承运商', '物流公司', 'carrier'],
  waybill: ['運單號', '运单号', '物流單號', '物流单号', 'waybill', 'tracking number'],
  sku: SKU_HEADINGS,
  quantity: QUANTITY_HEADINGS,
};
const REQUIRED: Field[] = ['number', 'order', 'date', 'sku', 'quantity'];

/** An order as a shipment sees it: its lines and what each has shipped so far. */
export interface OrderRef {
  id: number;
  number: string;
  state: string;
  accountCode: string;
  market: string;
  ownerId: string;
  lines: { id: number; sku: string; quantity: number; shipped: number; priceCents: number }[];
}

export interface ShipmentDoc {
  number: string;
  order: OrderRef;
  shippedOn: string;
  carrier: string;
  waybill: string;
  lines: { orderLineId: number; quantity: number; priceCents: number }[];
}

const SHIPPABLE = new Set(['approved', 'partly_shipped']);

const unitsOf = (text: string | undefined) => {
  const quantity = erpQuantity(text, 'quantity');
  return quantity.ok ? quantity.value : 0;
};

/** Puts a quantity of a SKU on the order's lines with room left; false when more than ordered. */
function take(order: OrderRef, sku: string, quantity: number, out: ShipmentDoc['lines']): boolean {
  const room = order.lines.filter((l) => l.sku === sku).reduce((sum, l) => sum + l.quantity - l.shipped, 0);
  if (room < quantity) return false;
  let left = quantity;
  for (const line of order.lines) {
    if (line.sku !== sku || left === 0) continue;
    const n = Math.min(left, line.quantity - line.shipped);
    if (n <= 0) continue;
    line.shipped += n;
    left -= n;
    out.push({ orderLineId: line.id, quantity: n, priceCents: line.priceCents });
  }
  return true;
}

/**
 * Checks a shipments export, one row per line grouped by shipment number: each against an approved
 * order of the ledger, never more of a SKU than the order has left to ship (across the whole file).
 * Shipments already imported are left out (`known`) and count as shipped already in the orders; one read
 * again with other quantities is refused.
 */
export function checkShipmentRows(
  rows: string[][],
  o: { orders: Map<string, OrderRef>; known: Map<string, KnownDoc> },
): { ok: true; docs: ShipmentDoc[] } | { ok: false; problems: ErpProblem[] } {
  const read = rowsOf(rows, SHIPMENT_HEADINGS, REQUIRED);
  if (!read.ok) return read;
  const problems: ErpProblem[] = [];
  const docs: ShipmentDoc[] = [];
  for (const doc of groupByDoc<Field>(read.rows, 'number', ['order', 'date', 'carrier', 'waybill'], problems)) {
    const first = doc.rows[0].fields;
    const number = docNumber(doc.number, 'shipment_number');
    const date = erpDate(first.date, 'date');
    const order = o.orders.get(first.order ?? '');
    // every reason of the row, not only its first
    problems.push(...failuresOf(doc.line, [number, date]));
    if (!order) problems.push({ line: doc.line, reason: 'unknown_order', value: first.order ?? '' });
    else if (!SHIPPABLE.has(order.state) && !o.known.has(number.ok ? number.value : ''))
      problems.push({ line: doc.line, reason: 'order_not_shippable', value: order.number });
    if (!order || !number.ok || !date.ok) continue;
    if (o.known.has(number.value)) {
      const units = doc.rows.reduce((sum, r) => sum + unitsOf(r.fields.quantity), 0);
      const again = reimported(o.known, number.value, { accountId: null, figure: units });
      if (again) problems.push({ line: doc.line, ...again });
      continue;
    }
    const lines: ShipmentDoc['lines'] = [];
    for (const { line, fields } of doc.rows) {
      const sku = (fields.sku ?? '').toUpperCase();
      const quantity = erpQuantity(fields.quantity, 'quantity');
      if (!quantity.ok) problems.push({ line, reason: quantity.reason, value: quantity.value });
      else if (!order.lines.some((l) => l.sku === sku)) problems.push({ line, reason: 'sku_not_on_order', value: sku });
      else if (!take(order, sku, quantity.value, lines)) problems.push({ line, reason: 'over_shipped', value: sku });
    }
    const carrier = (first.carrier ?? '').slice(0, 60);
    const waybill = (first.waybill ?? '').slice(0, 60);
    docs.push({ number: number.value, order, shippedOn: date.value, carrier, waybill, lines });
  }
  return outcome(problems, docs);
}
