import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import { formatDateTime } from '../../lib/format-time.ts';

/**
 * The answer to a second click: who handled it and when, or "you already did" when it was the asker
 * (never their own name in the third person). `at` is an instant, or a day or month already written
 * as text; `by` and `at` may be missing (an old row): they read as —, never as a raw {placeholder}.
 */
export function alreadyHandled(
  chart: OrgChart,
  o: { by: string | null | undefined; at: Date | string | null | undefined; askerId: string; detail?: string },
): AppError {
  const at = o.at instanceof Date ? formatDateTime(o.at, chart.data.timezone) : o.at || '—';
  if (o.by && o.by === o.askerId)
    return new AppError(
      ErrorCode.AlreadyDecided,
      { by: chart.nameOf(o.by), at },
      o.detail,
      'error.already_decided_by_you',
    );
  return new AppError(ErrorCode.AlreadyDecided, { by: o.by ? chart.nameOf(o.by) : '—', at }, o.detail);
}
