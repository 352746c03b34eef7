import { type CreditLine, parseCreditLines } from './credit.ts';

/** Optional columns of the register's export: a distributor's first credit line (信用等級一覽表). */
const CREDIT_HEADINGS: Record<'grade' | 'limit' | 'terms', string[]> = {
  grade: ['信用等級', '信用等级', 'credit grade', 'grade'],
  limit: ['信用額度', '信用额度', 'credit limit', 'limit'],
  terms: ['賬期', '账期', '帳期', '賬期天數', '账期天数', 'terms', 'payment terms'],
};

/** A bad credit cell, as the import reports every problem: its line and reason. */
type ImportProblem = { line: number; reason: string; value?: string };

export type CreditColumns = Partial<Record<keyof typeof CREDIT_HEADINGS, number>>;

/** Where the credit columns are, if the file has them. */
export function creditColumnsOf(heading: string[]): CreditColumns {
  const columns: CreditColumns = {};
  const cells = heading.map((cell) =>
    cell
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  for (const [field, names] of Object.entries(CREDIT_HEADINGS) as [keyof CreditColumns, string[]][]) {
    const index = cells.findIndex((cell) => names.includes(cell));
    if (index >= 0) columns[field] = index;
  }
  return columns;
}

/**
 * A row's credit line, when it fills the credit columns: all three or none, and only on a
 * distributor; checked by the credit table's own rules (grade A–D, an exact limit, 0–365 days).
 */
export function creditOfRow(o: {
  cells: string[];
  columns: CreditColumns;
  line: number;
  code: string;
  kind: string;
}): CreditLine | ImportProblem | undefined {
  const cell = (index: number | undefined) => (index === undefined ? '' : (o.cells[index] ?? '').trim());
  const parts = [cell(o.columns.grade), cell(o.columns.limit).replace(/\s/g, ''), cell(o.columns.terms)];
  if (parts.every((part) => part === '')) return undefined;
  if (o.kind !== 'distributor') return { line: o.line, reason: 'credit_account', value: o.code };
  if (parts.some((part) => part === '')) return { line: o.line, reason: 'credit_shape', value: parts.join(' ') };
  const parsed = parseCreditLines(`${o.code} ${parts.join(' ')}`);
  const problem = parsed.problems[0];
  if (problem) return { line: o.line, reason: problem.reason, value: problem.value };
  return parsed.lines[0];
}

export const isCreditLine = (value: CreditLine | ImportProblem): value is CreditLine => 'grade' in value;
