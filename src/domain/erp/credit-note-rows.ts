import { type ErpProblem, rowsOf } from './erp-columns.ts';
import { docNumber, erpMoney, failuresOf } from './erp-values.ts';
import { ACCOUNT_HEADINGS, type AccountRef, type KnownDoc, outcome, reimported } from './ledger-lookups.ts';

type Field = 'number' | 'account' | 'amount' | 'reason';

export const CREDIT_NOTE_HEADINGS: Record<Field, string[]> = {
  number: [
    '貸項單號',
    '贷项单号',
    '折讓單號',
    '折让单号',
    '紅字發票號',
    '红字发票号',
    '返利單號',
    '返利单号',
    'credit note number',
    'credit note',
  ],
  account: ACCOUNT_HEADINGS,
  amount: ['折讓金額', '折让金额', '返利金額', '返利金额', '金額', '金额', 'amount'],
  reason: ['原因', '事由', '摘要', '備註', '备注', 'reason', 'memo'],
};
const REQUIRED: Field[] = ['number', 'account', 'amount', 'reason'];

export interface CreditNoteDoc {
  number: string;
  account: AccountRef;
  amountCents: number;
  reason: string;
}

/**
 * Checks a credit notes export (rebates and credit notes, 返利／折讓), one a row: its account, amount
 * and a reason (required, as for `/order credit`). A number twice is refused; notes already imported
 * are left out (`known`) when the row says the same, refused if not.
 */
export function checkCreditNoteRows(
  rows: string[][],
  o: { accounts: Map<string, AccountRef>; known: Map<string, KnownDoc> },
): { ok: true; docs: CreditNoteDoc[] } | { ok: false; problems: ErpProblem[] } {
  const read = rowsOf(rows, CREDIT_NOTE_HEADINGS, REQUIRED);
  if (!read.ok) return read;
  const problems: ErpProblem[] = [];
  const docs: CreditNoteDoc[] = [];
  const lineOf = new Map<string, number>();
  for (const { line, fields: f } of read.rows) {
    const number = docNumber(f.number, 'credit_note_number');
    const amount = erpMoney(f.amount, 'amount');
    const account = o.accounts.get(f.account ?? '');
    const reason = (f.reason ?? '').trim().slice(0, 500);
    // every reason of the row, not only its first
    problems.push(...failuresOf(line, [number, amount]));
    if (!account) problems.push({ line, reason: 'unknown_account', value: f.account ?? '' });
    if (!reason) problems.push({ line, reason: 'no_reason', value: '' });
    if (!number.ok || !amount.ok || !account || !reason) continue;
    const earlier = lineOf.get(number.value);
    if (earlier !== undefined) {
      problems.push({ line, reason: 'doc_twice', value: String(earlier) });
      continue;
    }
    lineOf.set(number.value, line);
    const again = reimported(o.known, number.value, { accountId: account.id, figure: amount.value });
    if (again) problems.push({ line, ...again });
    else if (again === undefined) docs.push({ number: number.value, account, amountCents: amount.value, reason });
  }
  return outcome(problems, docs);
}
