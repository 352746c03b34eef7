import { isMessageKey, t, type Locale, tFor } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { importResultText, type ImportProblemView } from '../accounts/import-messages.ts';
import { problemBullets } from '../import-problems.ts';

/** What a view needs of an import's result (services/erp/erp-importer.ts). */
export type ErpImportResultView =
  | {
      ok: true;
      kind: string;
      total: number;
      added: number;
      updated: number;
      unchanged: number;
      creditsSet?: number;
      creditsLeft?: number;
    }
  | { ok: false; kind: string | undefined; problems: ImportProblemView[] };

const SHOWN = 30;

/** Where a reason's sentence is looked for: the catalogue's own for products (shared with the org file's). */
const reasonPrefixes = (kind: string | undefined) =>
  kind === 'products' ? ['order.products.reason.', 'erp.reason.'] : ['erp.reason.', 'account.reason.'];

function reasonText(problem: ImportProblemView, kind: string | undefined, locale: Locale): string {
  const value = escapeMrkdwn(truncate(problem.value ?? '', 60));
  const key = reasonPrefixes(kind)
    .map((prefix) => `${prefix}${problem.reason}`)
    .find(isMessageKey);
  return key ? t(locale, key, { value }) : problem.reason;
}

const whatOf = (kind: string | undefined, locale: Locale) => tFor(locale, 'erp.kind', kind ?? 'unknown');

/**
 * An ERP import's last word: what was written, or every bad row with all its reasons (the first 30
 * rows) and that nothing
 * changed. The account register keeps its own words.
 */
export function erpImportResultText(result: ErpImportResultView, file: string, locale: Locale): string {
  if (result.kind === 'accounts') return importResultText(result.ok ? { ...result, ok: true } : result, file, locale);
  const name = escapeMrkdwn(truncate(file, 80));
  const what = whatOf(result.kind, locale);
  if (result.ok) {
    const key = result.kind === 'products' ? 'erp.import.done_products' : 'erp.import.done_docs';
    const { total, added, updated, unchanged } = result;
    return t(locale, key, { what, file: name, total, added, updated, unchanged });
  }
  const { bullets, more } = problemBullets(result.problems, {
    locale,
    shown: SHOWN,
    reason: (p) => reasonText(p, result.kind, locale),
    line: (line, reasons) => t(locale, 'account.import.line', { line, reason: reasons }),
  });
  if (more > 0) bullets.push(t(locale, 'account.import.more', { count: more }));
  return t(locale, 'erp.import.refused', { what, file: name, problems: bullets.join('\n') });
}

export function erpImportStartedText(file: string, locale: Locale): string {
  return t(locale, 'erp.import.started', { file: escapeMrkdwn(truncate(file, 80)) });
}

export function erpImportProgressText(kind: string, file: string, done: number, total: number, locale: Locale): string {
  return t(locale, 'erp.import.progress', {
    what: whatOf(kind, locale),
    file: escapeMrkdwn(truncate(file, 80)),
    done,
    total,
  });
}
