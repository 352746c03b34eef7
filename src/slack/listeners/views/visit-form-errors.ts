import type { FieldError } from '../../../domain/visits/validate-visit.ts';
import type { VisitKind } from '../../../domain/visits/visit-kind.ts';
import { t, type Locale } from '../../../i18n/index.ts';
import { visitKey } from '../../../views/visits/visit-terms.ts';

/** Inline modal errors: each under its own field, naming the field and the fix. */
export function visitFormErrors(
  errors: FieldError[],
  locale: Locale,
  kind: VisitKind = 'property',
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    if (out[error.field]) continue;
    const field = t(locale, visitKey(kind, `visit.field.${error.field}`));
    out[error.field] = t(locale, visitKey(kind, `visit.error.${error.reason}`), { field, ...error.params });
  }
  return out;
}
