import type { OrgChart } from '../org/org-chart.ts';
import {
  type AccountField,
  type AccountFields,
  type AccountInput,
  checkAccountRow,
  HEADINGS,
} from './account-fields.ts';
import type { CreditLine } from './credit.ts';
import { creditColumnsOf, creditOfRow, isCreditLine } from './import-credit.ts';

const REQUIRED: AccountField[] = ['code', 'name', 'kind', 'market', 'opened'];

export interface ImportProblem {
  /** The line of the file (the heading is line 1). */
  line: number;
  reason: string;
  value?: string;
}

/** What the register already holds, for the checks across rows. */
export interface ExistingAccounts {
  /** code → kind */
  kinds: Map<string, string>;
  /** name + "\u0000" + phone → code */
  byNamePhone: Map<string, string>;
}

/** The checked register, with the distributors' credit lines where the file gives them. */
export type ImportCheck =
  | { ok: true; accounts: AccountInput[]; credits: CreditLine[] }
  | { ok: false; problems: ImportProblem[] };

/** Which field each column holds; unknown columns are ignored. */
export function mapHeadings(heading: string[]): { columns: (AccountField | undefined)[]; missing: AccountField[] } {
  const lookup = new Map<string, AccountField>();
  for (const [field, names] of Object.entries(HEADINGS) as [AccountField, string[]][])
    for (const name of names) lookup.set(name.toLowerCase(), field);
  const columns = heading.map((cell) =>
    lookup.get(
      cell
        .replace(/^\uFEFF/, '')
        .trim()
        .toLowerCase(),
    ),
  );
  return { columns, missing: REQUIRED.filter((field) => !columns.includes(field)) };
}

const namePhoneKey = (name: string, phone: string) => `${name}\u0000${phone}`;

/**
 * Checks a whole file: each row alone, then across rows (a code twice, an outlet's distributor that
 * is nowhere, the same name and phone under another code). Any problem refuses the whole file.
 */
export function checkImport(rows: string[][], chart: OrgChart, existing: ExistingAccounts): ImportCheck {
  const problems: ImportProblem[] = [];
  const [heading = [], ...body] = rows;
  const { columns, missing } = mapHeadings(heading);
  if (missing.length > 0)
    return {
      ok: false,
      problems: [{ line: 1, reason: 'missing_column', value: missing.map((f) => HEADINGS[f][0]).join(', ') }],
    };
  const accounts: { line: number; account: AccountInput }[] = [];
  const credits: CreditLine[] = [];
  const creditColumns = creditColumnsOf(heading);
  const lineOfCode = new Map<string, number>();
  for (const [index, cells] of body.entries()) {
    const line = index + 2;
    if (cells.every((cell) => cell.trim() === '')) continue;
    const fields: AccountFields = {};
    columns.forEach((field, i) => {
      if (field) fields[field] = cells[i] ?? '';
    });
    // every reason of a row is reported, not only its first
    const checked = checkAccountRow(fields, chart);
    problems.push(...checked.problems.map((problem) => ({ line, ...problem })));
    const earlier = checked.code === undefined ? undefined : lineOfCode.get(checked.code);
    if (earlier !== undefined) problems.push({ line, reason: 'code_twice', value: String(earlier) });
    else if (checked.code !== undefined) lineOfCode.set(checked.code, line);
    if (!checked.account || earlier !== undefined) continue;
    accounts.push({ line, account: checked.account });
    const credit = creditOfRow({
      cells,
      columns: creditColumns,
      line,
      code: checked.account.code,
      kind: checked.account.kind,
    });
    if (credit && isCreditLine(credit)) credits.push(credit);
    else if (credit) problems.push(credit);
  }
  problems.push(...crossRowProblems(accounts, existing));
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  return { ok: true, accounts: accounts.map((a) => a.account), credits };
}

function crossRowProblems(
  accounts: { line: number; account: AccountInput }[],
  existing: ExistingAccounts,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const kinds = new Map(existing.kinds);
  for (const { account } of accounts) kinds.set(account.code, account.kind);
  const seen = new Map<string, string>();
  for (const { line, account } of accounts) {
    if (account.distributorCode && kinds.get(account.distributorCode) !== 'distributor')
      problems.push({ line, reason: 'unknown_distributor', value: account.distributorCode });
    if (!account.contactPhone) continue;
    const key = namePhoneKey(account.name, account.contactPhone);
    const other = seen.get(key) ?? existing.byNamePhone.get(key);
    if (other !== undefined && other !== account.code) problems.push({ line, reason: 'same_name_phone', value: other });
    else seen.set(key, account.code);
  }
  return problems;
}

export { HEADINGS, namePhoneKey };
