import { t, tFor, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { problemBullets } from '../import-problems.ts';

/** What importing the product catalogue gave, as the import reports it; line 0 is the file as a whole. */
export type ProductImportView = (
  | { ok: true; added: number; updated: number; total: number }
  | { ok: false; problems: { line: number; reason: string; value?: string }[] }
) & { file: string };

const SHOWN = 30;

/**
 * The catalogue import's last word: what was written, or every bad row with all its reasons (the
 * first 30 rows) and that nothing changed.
 */
export function productImportText(result: ProductImportView, locale: Locale): string {
  const file = escapeMrkdwn(truncate(result.file, 80));
  if (result.ok)
    return t(locale, 'order.products.done', {
      file,
      added: result.added,
      updated: result.updated,
      total: result.total,
    });
  const { bullets, more } = problemBullets(result.problems, {
    locale,
    shown: SHOWN,
    reason: (p) =>
      tFor(locale, 'order.products.reason', p.reason, { value: escapeMrkdwn(truncate(p.value ?? '', 60)) }),
    line: (line, reasons) => t(locale, 'order.products.line', { line, reason: reasons }),
  });
  if (more > 0) bullets.push(t(locale, 'order.products.more', { count: more }));
  return t(locale, 'order.products.refused', { file, problems: bullets.join('\n') });
}
