import type { Actual } from '../../db/targets/target-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { formatMetric } from '../../domain/targets/figures.ts';
import { isPercent } from '../../domain/targets/metrics.ts';
import { t, tFor, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn } from '../../lib/text.ts';

/**
 * A figure of `/sales list` as its reader reads it: money with the organisation's currency (¥90,000.50),
 * a percentage with its sign and no trailing zeros (16%, 18.5%), a count as it is (120).
 */
export function salesListValue(chart: OrgChart, locale: Locale, metric: string, value: number): string {
  const text = formatMetric(metric, value, { currency: currencyOf(chart), locale });
  // 18.50 → 18.5%, 16.00 → 16%
  return isPercent(metric) ? `${text.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')}%` : text;
}

/**
 * One line of `/sales list`: whom the figure counts for, a person or, for market share, the market (its
 * recorder beside it, since the share is the market's and not the recorder's own figure).
 */
export function salesListLine(chart: OrgChart, locale: Locale, a: Actual): string {
  const value = salesListValue(chart, locale, a.metric, a.value);
  if (a.metric === 'share') {
    return t(locale, 'sales.list.share_line', {
      id: a.id,
      month: a.month,
      market: escapeMrkdwn(chart.market(a.marketCode)?.name ?? a.marketCode),
      metric: tFor(locale, 'sales.list.metric', a.metric),
      value,
      by: escapeMrkdwn(chart.nameOf(a.createdBy)),
    });
  }
  return t(locale, 'sales.list.line', {
    id: a.id,
    month: a.month,
    person: escapeMrkdwn(chart.nameOf(a.personId)),
    metric: tFor(locale, isPercent(a.metric) ? 'sales.list.metric' : 'metric', a.metric),
    value,
    account: escapeMrkdwn(a.account),
  });
}
