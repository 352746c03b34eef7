import { parseMoneyCents } from '../deals/money.ts';

/** A line as typed: `SKU 數量 [單價]`, the price in cents when one was given. */
export interface TypedLine {
  sku: string;
  quantity: number;
  priceCents?: number;
}

/** An order's line as stored, in integer cents per unit. */
export interface OrderLineInput {
  sku: string;
  quantity: number;
  priceCents: number;
}

/** A problem with the lines: the line it is on (1-based) and what is wrong. */
export interface LineProblem {
  line: number;
  reason:
    | 'empty'
    | 'format'
    | 'quantity'
    | 'quantity_max'
    | 'duplicate_sku'
    | 'price'
    | 'too_many'
    | 'unknown_sku'
    | 'inactive'
    | 'below_floor';
  value?: string;
}

export const MAX_LINES = 50;
const MAX_QUANTITY = 1_000_000;
const PRICE_MAX_CENTS = 1_000_000 * 100;

/** A typed quantity, whole, with or without thousands separators (`1,000` as money fields take it). */
function readQuantity(text: string): number | undefined {
  if (!/^\d+$/.test(text) && !/^\d{1,3}([,，]\d{3})+$/.test(text)) return undefined;
  return Number(text.replace(/[,，]/g, ''));
}

/** Reads the lines box, one line a product; the first problem is returned. */
export function parseOrderLines(text: string): TypedLine[] | LineProblem {
  const rows = text
    .split(/\r?\n/)
    .map((row, index) => ({ row: row.trim(), line: index + 1 }))
    .filter((r) => r.row !== '');
  if (rows.length === 0) return { line: 1, reason: 'empty' };
  if (rows.length > MAX_LINES) return { line: MAX_LINES + 1, reason: 'too_many', value: String(MAX_LINES) };
  const lines: TypedLine[] = [];
  for (const { row, line } of rows) {
    const parts = row.split(/[\s\u3000]+/);
    if (parts.length < 2 || parts.length > 3) return { line, reason: 'format', value: row };
    const [sku, quantityText, priceText] = parts;
    const quantity = readQuantity(quantityText);
    if (quantity === undefined || quantity < 1) return { line, reason: 'quantity', value: quantityText };
    if (quantity > MAX_QUANTITY) return { line, reason: 'quantity_max', value: quantityText };
    // one product, one line: two lines of a SKU are refused by name rather than stored twice
    if (lines.some((l) => l.sku === sku.toUpperCase())) return { line, reason: 'duplicate_sku', value: sku };
    const typed: TypedLine = { sku: sku.toUpperCase(), quantity };
    if (priceText !== undefined) {
      const price = parseMoneyCents(priceText, PRICE_MAX_CENTS);
      if (!price.ok) return { line, reason: 'price', value: priceText };
      typed.priceCents = price.cents;
    }
    lines.push(typed);
  }
  return lines;
}

/** What the catalogue says of a SKU, and the lowest price the person entering may give. */
export interface PricedProduct {
  listPriceCents: number;
  active: boolean;
  floorCents: number;
}

/** Prices each line (the list price unless one was typed) against the catalogue and the role's floor. */
export function priceOrderLines(
  lines: TypedLine[],
  productOf: (sku: string) => PricedProduct | undefined,
): OrderLineInput[] | LineProblem {
  const priced: OrderLineInput[] = [];
  for (const [index, typed] of lines.entries()) {
    const line = index + 1;
    const product = productOf(typed.sku);
    if (!product) return { line, reason: 'unknown_sku', value: typed.sku };
    if (!product.active) return { line, reason: 'inactive', value: typed.sku };
    const priceCents = typed.priceCents ?? product.listPriceCents;
    if (priceCents < product.floorCents) return { line, reason: 'below_floor', value: String(product.floorCents) };
    priced.push({ sku: typed.sku, quantity: typed.quantity, priceCents });
  }
  return priced;
}

export const isLineProblem = (x: unknown): x is LineProblem =>
  typeof x === 'object' && x !== null && 'reason' in x && 'line' in x;

/** The order's total in cents. */
export const orderTotalCents = (lines: OrderLineInput[]): number =>
  lines.reduce((sum, l) => sum + l.quantity * l.priceCents, 0);

/** A quantity as people read it, with thousands separators (1,000): orders and shipments alike. */
export const formatQuantity = (n: number): string => n.toLocaleString('en-US');
