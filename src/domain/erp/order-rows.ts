import { type ErpProblem, rowsOf } from './erp-columns.ts';
import { docNumber, erpDate, erpMoney, erpQuantity, failuresOf } from './erp-values.ts';
import {
  ACCOUNT_HEADINGS,
  type AccountRef,
  groupByDoc,
  type KnownDoc,
  ORDER_NUMBER_HEADINGS,
  outcome,
  QUANTITY_HEADINGS,
  reimported,
  SKU_HEADINGS,
} from './ledger-lookups.ts';

type Field = 'number' | 'account' | 'date' | 'delivery' | 'sku' | 'quantity' | 'price' | 'note';

export const ORDER_HEADINGS: Record<Field, string[]> = {
  number: ORDER_NUMBER_HEADINGS,
  account: ACCOUNT_HEADINGS,
  date: ['訂單日期', '订单日期', '下單日期', '下单日期', '單據日期', '单据日期', 'order date', 'date'],
  delivery: ['交貨日期', '交货日期', '要求交貨日期', '要求交货日期', 'delivery date', 'requested delivery'],
  sku: SKU_HEADINGS,
  quantity: QUANTITY_HEADINGS,
  price: ['單價', '单价', '成交價', '成交价', 'unit price', 'price'],
  note: ['備註', '备注', 'note', 'remark'],
};
const REQUIRED: Field[] = ['number', 'account', 'date', 'sku', 'quantity'];

/** An order of the ERP, checked: already accepted there, so approved here with no credit check. */
export interface OrderDoc {
  number: string;
  account: AccountRef;
  orderedOn: string;
  requestedOn: string;
  note: string;
  lines: { sku: string; quantity: number; priceCents: number }[];
  totalCents: number;
}

/**
 * Checks an orders export, one row per line grouped by order number: every row alone (its account
 * in the register, its SKU in the catalogue, a quantity, a price or the list price), and each
 * order's rows agreeing on account and dates. Orders already imported are left out (`known`) when the
 * file says the same total for the same account, refused if not.
 */
export function checkOrderRows(
  rows: string[][],
  o: { accounts: Map<string, AccountRef>; prices: Map<string, number>; known: Map<string, KnownDoc> },
): { ok: true; docs: OrderDoc[] } | { ok: false; problems: ErpProblem[] } {
  const read = rowsOf(rows, ORDER_HEADINGS, REQUIRED);
  if (!read.ok) return read;
  const problems: ErpProblem[] = [];
  const docs: OrderDoc[] = [];
  for (const doc of groupByDoc<Field>(read.rows, 'number', ['account', 'date', 'delivery', 'note'], problems)) {
    const first = doc.rows[0].fields;
    const number = docNumber(doc.number, 'order_number');
    const account = o.accounts.get(first.account ?? '');
    const date = erpDate(first.date, 'date');
    const delivery = first.delivery ? erpDate(first.delivery, 'date') : date;
    // every reason of the row, not only its first
    // a missing delivery date is the order date: its problem is told once
    problems.push(...failuresOf(doc.line, [number, date, first.delivery ? delivery : undefined]));
    if (!account) problems.push({ line: doc.line, reason: 'unknown_account', value: first.account ?? '' });
    const lines: OrderDoc['lines'] = [];
    for (const { line, fields } of doc.rows) {
      const sku = (fields.sku ?? '').toUpperCase();
      const listPrice = o.prices.get(sku);
      if (listPrice === undefined) problems.push({ line, reason: 'unknown_sku', value: fields.sku ?? '' });
      const quantity = erpQuantity(fields.quantity, 'quantity');
      const price = fields.price ? erpMoney(fields.price, 'price') : ({ ok: true, value: listPrice ?? 0 } as const);
      problems.push(...failuresOf(line, [quantity, price]));
      if (listPrice !== undefined && quantity.ok && price.ok)
        lines.push({ sku, quantity: quantity.value, priceCents: price.value });
    }
    if (!account || !number.ok || !date.ok || !delivery.ok) continue;
    const totalCents = lines.reduce((sum, l) => sum + l.quantity * l.priceCents, 0);
    const again = reimported(o.known, number.value, { accountId: account.id, figure: totalCents });
    if (again) problems.push({ line: doc.line, ...again });
    if (again !== undefined) continue;
    const note = (first.note ?? '').slice(0, 500);
    docs.push({
      number: number.value,
      account,
      orderedOn: date.value,
      requestedOn: delivery.value,
      note,
      lines,
      totalCents,
    });
  }
  return outcome(problems, docs);
}
