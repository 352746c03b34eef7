import type { OrgChart } from '../domain/org/org-chart.ts';
import { DEFAULT_LOCALE, toLocale, type Locale } from '../i18n/index.ts';

/** The language a person reads: their own choice, else the organisation's. */
export function localeOf(chart: OrgChart, slackId: string): Locale {
  return toLocale(chart.person(slackId)?.locale) ?? toLocale(chart.data.locale) ?? DEFAULT_LOCALE;
}
