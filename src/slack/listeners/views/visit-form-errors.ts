import type { FieldError } from '../../../domain/visits/validate-visit.ts';
import { t, type Locale, type MessageKey } from '../../../i18n/index.ts';

/** Inline modal errors: each under its own field, naming the field and the fix. */
export function visitFormErrors(errors: FieldError[], locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    if (out[error.field]) continue;
    const field = t(locale, `visit.field.${error.field}` as MessageKey);
    out[error.field] = t(locale, `visit.error.${error.reason}` as MessageKey, { field, ...error.params });
  }
  return out;
}
