import { parseMoneyCents } from '../deals/money.ts';

export const CREDIT_GRADES = ['A', 'B', 'C', 'D'] as const;
export type CreditGrade = (typeof CREDIT_GRADES)[number];

/** A credit line as approved or proposed: grade, limit in integer cents, payment terms in days. */
export interface CreditLine {
  code: string;
  grade: CreditGrade;
  limitCents: number;
  termsDays: number;
}

/** A credit limit is at most 1,000,000,000 (in cents, 1e11): far above any distributor's. */
export const CREDIT_LIMIT_MAX_CENTS = 100_000_000_000;

export type CreditLineProblem = { line: number; reason: string; value?: string };

/**
 * The SSG leader's proposal, one account a line: `ED01 A 500000 60` (code, grade, limit, terms in
 * days); commas and a currency sign in the limit are fine. Every bad line is reported with every
 * reason it has (a bad grade and a bad limit, not only the first); a code twice is one.
 */
export function parseCreditLines(text: string): {
  lines: CreditLine[];
  /** The line of the text each parsed line came from. */
  lineNumbers: number[];
  /** Every line of four parts, good or bad, with its code: whose account the caller still checks. */
  codes: { line: number; code: string }[];
  problems: CreditLineProblem[];
} {
  const lines: CreditLine[] = [];
  const lineNumbers: number[] = [];
  const codes: { line: number; code: string }[] = [];
  const problems: CreditLineProblem[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = index + 1;
    const parts = raw
      .trim()
      .split(/[\s\t]+/)
      .filter(Boolean);
    if (parts.length === 0) continue;
    if (parts.length !== 4) {
      problems.push({ line, reason: 'credit_shape', value: raw.trim() });
      continue;
    }
    const [code, gradeText, limitText, termsText] = parts;
    codes.push({ line, code });
    const found = problems.length;
    const grade = gradeText.toUpperCase() as CreditGrade;
    if (!CREDIT_GRADES.includes(grade)) problems.push({ line, reason: 'credit_grade', value: gradeText });
    const limit = parseMoneyCents(limitText.replace(/[¥￥,]/g, ''), CREDIT_LIMIT_MAX_CENTS);
    if (!limit.ok) problems.push({ line, reason: 'credit_limit', value: limitText });
    const terms = Number(termsText);
    if (!Number.isInteger(terms) || terms < 0 || terms > 365)
      problems.push({ line, reason: 'credit_terms', value: termsText });
    if (seen.has(code)) problems.push({ line, reason: 'code_twice', value: code });
    seen.add(code);
    if (problems.length > found || !limit.ok) continue;
    lines.push({ code, grade, limitCents: limit.cents, termsDays: terms });
    lineNumbers.push(line);
  }
  return { lines, lineNumbers, codes, problems };
}

/** A grade's label from the org file (`credit_grades: { A: 優良 }`), else the letter alone. */
export function gradeLabel(labels: Record<string, string> | undefined, grade: string): string {
  const label = labels?.[grade];
  return label ? `${grade}（${label}）` : grade;
}
