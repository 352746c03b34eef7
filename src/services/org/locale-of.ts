import type { OrgChart } from '../../domain/org/org-chart.ts';
import { DEFAULT_LOCALE, toLocale, type Locale } from '../../i18n/index.ts';

/** The language a person reads: their own choice, else the organisation's; Chinese in its regional words. */
export function localeOf(chart: OrgChart, slackId: string): Locale {
  const locale = toLocale(chart.person(slackId)?.locale) ?? toLocale(chart.data.locale) ?? DEFAULT_LOCALE;
  return locale === 'zh-Hant' && chart.data.localeVariant === 'zh-Hant-TW' ? 'zh-Hant-TW' : locale;
}

/** The organisation's language: what a message many people see is written in. */
export function orgLocaleOf(chart: OrgChart): Locale {
  return toLocale(chart.data.locale) ?? DEFAULT_LOCALE;
}

/**
 * The language of a conversation: a DM (a user id) reads in its reader's language; a group DM
 * (`mpim:…`) or a channel is shared, so it reads in the organisation's, never one member's.
 */
export function conversationLocaleOf(chart: OrgChart, channel: string): Locale {
  return /^[UW]/.test(channel) ? localeOf(chart, channel) : orgLocaleOf(chart);
}
