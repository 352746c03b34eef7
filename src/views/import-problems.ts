import { t, type Locale } from '../i18n/index.ts';

/** A row's problem as an import reports it; line 0 is the file as a whole. */
export interface RowProblem {
  line: number;
  reason: string;
  value?: string;
}

/**
 * An import's problems, one bullet per line of the file with every reason of that line (the first
 * `shown` lines), and how many problems are left over for a "…and N more" line.
 */
export function problemBullets(
  problems: readonly RowProblem[],
  o: {
    locale: Locale;
    shown: number;
    reason: (problem: RowProblem) => string;
    line: (line: number, reasons: string) => string;
  },
): { bullets: string[]; more: number } {
  const byLine = new Map<number, RowProblem[]>();
  for (const problem of problems) byLine.set(problem.line, [...(byLine.get(problem.line) ?? []), problem]);
  const lines = [...byLine.entries()].sort((a, b) => a[0] - b[0]);
  const separator = t(o.locale, 'import.reasons_separator');
  const bullets = lines.slice(0, o.shown).map(([line, of]) => {
    const reasons = of.map(o.reason).join(separator);
    // line 0 is the file as a whole: no line to name
    return `• ${line > 0 ? o.line(line, reasons) : reasons}`;
  });
  const more = lines.slice(o.shown).reduce((sum, [, of]) => sum + of.length, 0);
  return { bullets, more };
}
