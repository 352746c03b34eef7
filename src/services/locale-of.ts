import type { OrgChart } from '../domain/org/org-chart.ts';
import { DEFAULT_LOCALE, toLocale, type Locale } from '../i18n/index.ts';

/** The language a person reads: their own choice, else the organisation's; Chinese in its regional words. */
export function localeOf(chart: OrgChart, slackId: string): Locale {
  const locale = toLocale(chart.person(slackId)?.locale) ?? toLocale(chart.data.locale) ?? DEFAULT_LOCALE;
  return locale === 'zh-Hant' && chart.data.localeVariant === 'zh-Hant-TW' ? 'zh-Hant-TW' : locale;
}
