import { isMessageKey, t, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { problemBullets } from '../import-problems.ts';

/** A row's problem as the import reports it; line 0 is the file as a whole. */
export interface ImportProblemView {
  line: number;
  reason: string;
  value?: string;
}

export type ImportResultView =
  | {
      ok: true;
      added: number;
      updated: number;
      unchanged?: number;
      total: number;
      creditsSet?: number;
      creditsLeft?: number;
    }
  | { ok: false; problems: ImportProblemView[] };

const SHOWN = 30;

/** A problem's reason as a sentence, without its line. */
export function reasonText(problem: ImportProblemView, locale: Locale): string {
  const key = `account.reason.${problem.reason}`;
  const value = escapeMrkdwn(truncate(problem.value ?? '', 60));
  return isMessageKey(key) ? t(locale, key, { value }) : problem.reason;
}

export function problemText(problem: ImportProblemView, locale: Locale): string {
  const reason = reasonText(problem, locale);
  return problem.line > 0 ? t(locale, 'account.import.line', { line: problem.line, reason }) : reason;
}

/**
 * The import's last word: what was written, or every bad row with all its reasons (the first 30 rows)
 * and that nothing changed.
 */
export function importResultText(result: ImportResultView, file: string, locale: Locale): string {
  const name = escapeMrkdwn(truncate(file, 80));
  if (result.ok) {
    const { added, updated, unchanged = 0, total, creditsSet = 0, creditsLeft = 0 } = result;
    const done = t(locale, 'account.import.done', { file: name, added, updated, unchanged, total });
    const set = creditsSet > 0 ? t(locale, 'account.import.credits_set', { count: creditsSet }) : '';
    const left = creditsLeft > 0 ? t(locale, 'account.import.credits_left', { count: creditsLeft }) : '';
    return done + set + left;
  }
  const { bullets, more } = problemBullets(result.problems, {
    locale,
    shown: SHOWN,
    reason: (p) => reasonText(p, locale),
    line: (line, reasons) => t(locale, 'account.import.line', { line, reason: reasons }),
  });
  if (more > 0) bullets.push(t(locale, 'account.import.more', { count: more }));
  return t(locale, 'account.import.refused', { file: name, problems: bullets.join('\n') });
}
