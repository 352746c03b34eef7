import { centsToDecimal, formatMoney } from '../../domain/deals/money.ts';
import { AGING_BUCKETS, type AgingBucket, type AgingTable } from '../../domain/receivables/aging.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { altTextOf, baseOption, chartFilename, type ChartMessage } from './chart-spec.ts';

/** One account's open amounts by age, in cents. */
export interface AgingBar extends AgingTable {
  code: string;
  name: string;
}

export const AGING_CHART_WIDTH = 800;
/** At most this many accounts are drawn (the oldest debts first); the text beside it lists more. */
export const MAX_AGING_BARS = 15;
/** At most this many accounts are listed in the text beside the picture, as in the report itself. */
const MAX_AGING_LINES = 30;

/** The height for a number of accounts: room for the title, the legend and the axis, then a band per account. */
export const agingChartHeight = (bars: number): number => 160 + 34 * Math.max(1, Math.min(bars, MAX_AGING_BARS));

/** Green while young, red when over 90 days: the eye goes to the red. */
const BUCKET_COLOURS: Record<AgingBucket, string> = {
  d0_30: '#2e9d5b',
  d31_60: '#e0b43a',
  d61_90: '#d9822b',
  d90_plus: '#c0392b',
};

/** Cents as the chart's bar length in whole units: the exact decimal read once, for drawing only. */
const drawn = (cents: number): number => Number(centsToDecimal(cents));

/**
 * The Monday aging report's chart of one market: each account (the oldest debts first, as the report
 * lists them) as one horizontal bar, stacked 0–30, 31–60, 61–90 and over 90 days, so a red end shows
 * at a glance who owes old money. Amounts in the org's currency.
 */
export function agingChart(o: {
  locale: Locale;
  market: string;
  marketCode: string;
  date: string;
  currency: string;
  rows: readonly AgingBar[];
}): ChartMessage {
  const { locale } = o;
  const title = t(locale, 'charts.aging.title', { market: o.market, date: o.date });
  const shown = o.rows.slice(0, MAX_AGING_BARS).reverse(); // ECharts draws the first category at the bottom
  const bucketName = (b: AgingBucket) => t(locale, `charts.aging.${b}`);
  const option = {
    ...baseOption(title),
    legend: { top: 44, data: AGING_BUCKETS.map(bucketName) },
    grid: { left: 160, right: 40, top: 84, bottom: 40 },
    xAxis: { type: 'value', name: t(locale, 'charts.aging.axis', { currency: o.currency }), nameLocation: 'end' },
    yAxis: {
      type: 'category',
      data: shown.map((r) => r.name),
      axisLabel: { fontSize: 13, width: 140, overflow: 'truncate' },
    },
    series: AGING_BUCKETS.map((b) => ({
      type: 'bar',
      name: bucketName(b),
      stack: 'aging',
      barMaxWidth: 22,
      itemStyle: { color: BUCKET_COLOURS[b] },
      data: shown.map((r) => drawn(r[b])),
    })),
  };
  const money = (cents: number) => formatMoney(cents, o.currency, locale);
  const lines = o.rows.slice(0, MAX_AGING_LINES).map((r) =>
    t(locale, 'charts.aging.line', {
      name: r.name,
      code: r.code,
      buckets: AGING_BUCKETS.map((b) => `${bucketName(b)} ${money(r[b])}`).join(locale === 'en' ? ', ' : '，'),
    }),
  );
  if (o.rows.length > MAX_AGING_LINES)
    lines.push(t(locale, 'ledger.report.more', { count: o.rows.length - MAX_AGING_LINES }));
  return {
    chart: { width: AGING_CHART_WIDTH, height: agingChartHeight(shown.length), option },
    title,
    filename: chartFilename('aging', `${o.marketCode}-${o.date}`),
    altText: altTextOf(t(locale, 'charts.aging.alt', { title, lines: lines.join('；') })),
    fallbackText: [`*${title}*`, ...lines].join('\n'),
  };
}
