import type { ErpProblem, ErpRow } from './erp-columns.ts';

/** An account of the register as an ERP row names it, by code. */
export interface AccountRef {
  id: number;
  code: string;
  market: string;
  ownerId: string;
  /** the credit table's terms in days, when the account has a line there */
  termsDays: number | null;
}

/** The headings every ledger export shares. */
export const ACCOUNT_HEADINGS = [
  '客戶編碼',
  '客户编码',
  '客戶代碼',
  '客户代码',
  'customer code',
  'account code',
  'account',
];
export const ORDER_NUMBER_HEADINGS = [
  '訂單編號',
  '订单编号',
  '訂單號',
  '订单号',
  '銷售訂單',
  '销售订单',
  'order number',
  'order no',
];
export const SHIPMENT_NUMBER_HEADINGS = [
  '出貨單號',
  '出货单号',
  '發貨單號',
  '发货单号',
  '發運單號',
  '发运单号',
  'shipment number',
  'delivery number',
];
export const INVOICE_NUMBER_HEADINGS = [
  '發票號碼',
  '发票号码',
  '發票號',
  '发票号',
  '發票編號',
  '发票编号',
  'invoice number',
];
export const PAYMENT_NUMBER_HEADINGS = [
  '收款單號',
  '收款单号',
  '回款單號',
  '回款单号',
  '收據號碼',
  '收据号码',
  'payment number',
];
export const SKU_HEADINGS = [
  '商品編碼',
  '商品编码',
  '產品編碼',
  '产品编码',
  '物料編碼',
  '物料编码',
  '料號',
  '料号',
  '貨號',
  '货号',
  'SKU',
  'product code',
];
export const QUANTITY_HEADINGS = ['數量', '数量', 'quantity', 'qty'];

/**
 * Rows that share a document number (one row per line), in file order; the first row's line names
 * the document. `header` is what every row of one document must agree on.
 */
export function groupByDoc<F extends string>(
  rows: ErpRow<F>[],
  numberField: F,
  header: F[],
  problems: ErpProblem[],
): { number: string; line: number; rows: ErpRow<F>[] }[] {
  const docs = new Map<string, { number: string; line: number; rows: ErpRow<F>[] }>();
  for (const row of rows) {
    const number = row.fields[numberField] ?? '';
    const doc = docs.get(number);
    if (!doc) {
      docs.set(number, { number, line: row.line, rows: [row] });
      continue;
    }
    const first = doc.rows[0].fields;
    const differs = header.find((field) => (row.fields[field] ?? '') !== (first[field] ?? ''));
    if (differs) problems.push({ line: row.line, reason: 'doc_differs', value: String(doc.line) });
    else doc.rows.push(row);
  }
  return [...docs.values()];
}

/** Problems sorted by line, or the documents. */
export function outcome<T>(
  problems: ErpProblem[],
  docs: T[],
): { ok: true; docs: T[] } | { ok: false; problems: ErpProblem[] } {
  return problems.length > 0 ? { ok: false, problems: problems.sort((a, b) => a.line - b.line) } : { ok: true, docs };
}

/** A document the ledger already has: its account (null for a shipment) and its figure (cents; a shipment's units). */
export interface KnownDoc {
  accountId: number | null;
  figure: number;
}

/**
 * A document number the ledger already has, read again: undefined when it is new, null when the row
 * says what is stored (a no-op), else why it may not be applied: another amount or account (`doc_changed`), or
 * for a shipment other quantities (`doc_changed_units`). A document is never changed by a second import.
 */
export function reimported(
  known: Map<string, KnownDoc>,
  number: string,
  now: KnownDoc,
): null | undefined | { reason: string; value: string } {
  const stored = known.get(number);
  if (!stored) return undefined;
  const same = stored.figure === now.figure && (stored.accountId === null || stored.accountId === now.accountId);
  if (same) return null;
  return { reason: stored.accountId === null ? 'doc_changed_units' : 'doc_changed', value: number };
}
