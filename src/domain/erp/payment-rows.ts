import { type ErpProblem, rowsOf } from './erp-columns.ts';
import { docNumber, erpDate, erpMoney, failuresOf } from './erp-values.ts';
import {
  ACCOUNT_HEADINGS,
  type AccountRef,
  INVOICE_NUMBER_HEADINGS,
  type KnownDoc,
  outcome,
  PAYMENT_NUMBER_HEADINGS,
  reimported,
} from './ledger-lookups.ts';

type Field = 'number' | 'account' | 'date' | 'amount' | 'invoices';

export const PAYMENT_HEADINGS: Record<Field, string[]> = {
  number: PAYMENT_NUMBER_HEADINGS,
  account: ACCOUNT_HEADINGS,
  date: ['收款日期', '回款日期', '到賬日期', '到账日期', 'payment date', 'received on', 'date'],
  amount: ['收款金額', '收款金额', '回款金額', '回款金额', '金額', '金额', 'amount'],
  invoices: [...INVOICE_NUMBER_HEADINGS, '核銷發票', '核销发票', 'invoices', 'invoice numbers'],
};
const REQUIRED: Field[] = ['number', 'account', 'date', 'amount'];

export interface PaymentDoc {
  number: string;
  account: AccountRef;
  receivedOn: string;
  amountCents: number;
  /** the invoices it names, settled first in this order; the rest goes oldest first */
  invoiceNumbers: string[];
}

/**
 * Checks a payments export, one payment a row: its account, date and amount, and the invoices it
 * names (optional, separated by ; 、 , or spaces), each in the ledger and of the same account.
 * A number twice is refused; payments already imported are left out (`known`) when the row says the same, refused
 * if not.
 */
export function checkPaymentRows(
  rows: string[][],
  o: { accounts: Map<string, AccountRef>; invoiceAccounts: Map<string, number>; known: Map<string, KnownDoc> },
): { ok: true; docs: PaymentDoc[] } | { ok: false; problems: ErpProblem[] } {
  const read = rowsOf(rows, PAYMENT_HEADINGS, REQUIRED);
  if (!read.ok) return read;
  const problems: ErpProblem[] = [];
  const docs: PaymentDoc[] = [];
  const lineOf = new Map<string, number>();
  for (const { line, fields: f } of read.rows) {
    const number = docNumber(f.number, 'payment_number');
    const date = erpDate(f.date, 'date');
    const amount = erpMoney(f.amount, 'amount');
    const account = o.accounts.get(f.account ?? '');
    // every reason of the row, not only its first
    const bad = failuresOf(line, [number, date, amount]);
    if (!account) bad.push({ line, reason: 'unknown_account', value: f.account ?? '' });
    if (!account || !number.ok || !date.ok || !amount.ok) {
      problems.push(...bad);
      continue;
    }
    const earlier = lineOf.get(number.value);
    if (earlier !== undefined) {
      problems.push({ line, reason: 'doc_twice', value: String(earlier) });
      continue;
    }
    lineOf.set(number.value, line);
    const invoiceNumbers = [...new Set((f.invoices ?? '').split(/[\s;,，；、]+/).filter(Boolean))];
    const unknown = invoiceNumbers.find((n) => o.invoiceAccounts.get(n) === undefined);
    const other = invoiceNumbers.find((n) => o.invoiceAccounts.get(n) !== account.id);
    const again = reimported(o.known, number.value, { accountId: account.id, figure: amount.value });
    if (unknown) problems.push({ line, reason: 'unknown_invoice', value: unknown });
    else if (other) problems.push({ line, reason: 'other_account', value: other });
    else if (again) problems.push({ line, ...again });
    else if (again === undefined)
      docs.push({ number: number.value, account, receivedOn: date.value, amountCents: amount.value, invoiceNumbers });
  }
  docs.sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0));
  return outcome(problems, docs);
}
