import { type ErpProblem, rowsOf } from './erp-columns.ts';
import { addDays, type Checked, docNumber, erpDate, erpMoney, erpTerms, failuresOf } from './erp-values.ts';
import {
  ACCOUNT_HEADINGS,
  type AccountRef,
  INVOICE_NUMBER_HEADINGS,
  type KnownDoc,
  reimported,
  ORDER_NUMBER_HEADINGS,
  outcome,
  SHIPMENT_NUMBER_HEADINGS,
} from './ledger-lookups.ts';

type Field = 'number' | 'account' | 'order' | 'shipment' | 'issued' | 'due' | 'terms' | 'amount';

export const INVOICE_HEADINGS: Record<Field, string[]> = {
  number: INVOICE_NUMBER_HEADINGS,
  account: ACCOUNT_HEADINGS,
  order: ORDER_NUMBER_HEADINGS,
  shipment: SHIPMENT_NUMBER_HEADINGS,
  issued: ['開票日期', '开票日期', '發票日期', '发票日期', 'invoice date', 'issue date', 'issued on', 'date'],
  due: ['到期日', '到期日期', '應收日期', '应收日期', 'due date', 'due on'],
  terms: ['付款條件', '付款条件', '賬期', '账期', '帳期', 'payment terms', 'terms'],
  amount: ['發票金額', '发票金额', '價稅合計', '价税合计', '金額', '金额', 'amount', 'total'],
};
const REQUIRED: Field[] = ['number', 'account', 'issued', 'amount'];

/** What an invoice may refer to: an order (and what of it is not invoiced yet) or a shipment. */
export interface DocRef {
  id: number;
  accountId: number;
  /** the order a shipment is against; an order's own id */
  orderId: number;
}

export interface InvoiceDoc {
  number: string;
  account: AccountRef;
  orderId: number | null;
  shipmentId: number | null;
  issuedOn: string;
  dueOn: string;
  amountCents: number;
}

/** The due date: the row's, else its terms, else the account's terms in the credit table. */
function dueOf(f: Partial<Record<Field, string>>, issuedOn: string, account: AccountRef): Checked<string> {
  if (f.due) {
    const due = erpDate(f.due, 'date');
    return !due.ok || due.value >= issuedOn ? due : { ok: false, reason: 'due_before_issue', value: f.due };
  }
  if (f.terms) {
    const terms = erpTerms(f.terms);
    return terms.ok ? { ok: true, value: addDays(issuedOn, terms.value) } : terms;
  }
  if (account.termsDays === null) return { ok: false, reason: 'no_terms', value: account.code };
  return { ok: true, value: addDays(issuedOn, account.termsDays) };
}

/** The order or shipment a row names must be the same account's; undefined when it names none. */
function refOf(text: string | undefined, refs: Map<string, DocRef>, account: AccountRef, reason: string) {
  if (!text) return undefined;
  const ref = refs.get(text);
  if (!ref) return { ok: false as const, reason, value: text };
  return ref.accountId === account.id
    ? { ok: true as const, value: ref }
    : { ok: false as const, reason: 'other_account', value: text };
}

/**
 * Checks an invoices export, one invoice a row: its account in the register, its order or shipment
 * (optional) in the ledger and the same account's, its due date or terms, its amount. A number
 * twice is refused; invoices already imported are left out (`known`) when the row says the same, refused if not.
 */
export function checkInvoiceRows(
  rows: string[][],
  o: {
    accounts: Map<string, AccountRef>;
    orders: Map<string, DocRef>;
    shipments: Map<string, DocRef>;
    known: Map<string, KnownDoc>;
  },
): { ok: true; docs: InvoiceDoc[] } | { ok: false; problems: ErpProblem[] } {
  const read = rowsOf(rows, INVOICE_HEADINGS, REQUIRED);
  if (!read.ok) return read;
  const problems: ErpProblem[] = [];
  const docs: InvoiceDoc[] = [];
  const lineOf = new Map<string, number>();
  for (const { line, fields: f } of read.rows) {
    const number = docNumber(f.number, 'invoice_number');
    const account = o.accounts.get(f.account ?? '');
    const issued = erpDate(f.issued, 'date');
    const amount = erpMoney(f.amount, 'amount');
    // every reason of the row, not only its first
    const bad = failuresOf(line, [number, issued, amount]);
    if (!account) bad.push({ line, reason: 'unknown_account', value: f.account ?? '' });
    if (!account || !number.ok || !issued.ok || !amount.ok) {
      problems.push(...bad);
      continue;
    }
    const earlier = lineOf.get(number.value);
    if (earlier !== undefined) {
      problems.push({ line, reason: 'doc_twice', value: String(earlier) });
      continue;
    }
    lineOf.set(number.value, line);
    const due = dueOf(f, issued.value, account);
    const order = refOf(f.order, o.orders, account, 'unknown_order');
    const shipment = refOf(f.shipment, o.shipments, account, 'unknown_shipment');
    const wrong = failuresOf(line, [due, order, shipment]);
    if (wrong.length > 0) {
      problems.push(...wrong);
      continue;
    }
    const again = reimported(o.known, number.value, { accountId: account.id, figure: amount.value });
    if (again) problems.push({ line, ...again });
    if (again !== undefined || !due.ok) continue;
    const orderId = (shipment?.ok ? shipment.value.orderId : undefined) ?? (order?.ok ? order.value.id : null);
    const shipmentId = shipment?.ok ? shipment.value.id : null;
    docs.push({
      number: number.value,
      account,
      orderId,
      shipmentId,
      issuedOn: issued.value,
      dueOn: due.value,
      amountCents: amount.value,
    });
  }
  return outcome(problems, docs);
}
