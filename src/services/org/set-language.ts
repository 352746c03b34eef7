import type { Db } from '../../db/unit-of-work.ts';
import { setPersonLocale } from '../../db/org/org-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { toLocale, type Locale } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';

export interface SetLanguageOptions {
  db: Db;
  chart: OrgChart;
  askerId: string;
  requested: string;
}

/** `/org lang en|zh-Hant`: a person's language for every answer and DM from now on. */
export async function setLanguage({ db, chart, askerId, requested }: SetLanguageOptions): Promise<Locale> {
  const locale = toLocale(requested);
  if (!locale) throw new AppError(ErrorCode.InvalidInput, { reason: requested || '—' });
  await setPersonLocale(db, chart.data.orgId, askerId, locale);
  return locale;
}
