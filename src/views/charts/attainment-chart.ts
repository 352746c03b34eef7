import { t, type Locale } from '../../i18n/index.ts';
import { COLOURS, altTextOf, baseOption, type ChartMessage, type ChartSpec } from './chart-spec.ts';

export interface AttainmentBar {
  label: string;
  /** actual / target in percent; null without a target. */
  attainment: number | null;
}

export const ATTAINMENT_WIDTH = 800;
/** At most this many bars are drawn; the text beside the chart lists every row. */
export const MAX_BARS = 30;

/** The height for a number of bars: room for the title and the axis, then a band per bar. */
export const attainmentHeight = (bars: number): number => 140 + 34 * Math.max(1, Math.min(bars, MAX_BARS));

const pct = (n: number | null, locale: Locale) => (n === null ? t(locale, 'charts.no_target') : `${Math.round(n)}%`);

/**
 * Horizontal bars of attainment, one per row, the first row on top, with a vertical line at the
 * share of the period gone (the pace): a bar short of the line is behind. Without a pace (a ratio such
 * as coverage, not an amount that adds up over the month) there is no line and 100% is the mark.
 */
export function attainmentSpec(o: { locale: Locale; title: string; bars: AttainmentBar[]; pace?: number }): ChartSpec {
  const bars = o.bars.slice(0, MAX_BARS).reverse(); // ECharts draws the first category at the bottom
  const mark = o.pace ?? 100;
  const pace = Math.round(mark);
  const values = bars.map((b) => Math.round(b.attainment ?? 0));
  const max = Math.max(100, pace, ...values);
  const option = {
    ...baseOption(o.title),
    grid: { left: 150, right: 70, top: 64, bottom: 48 },
    // the scale in percent under the grid lines (0%, 20%, …): a bar's length reads against it
    xAxis: {
      type: 'value',
      min: 0,
      max: Math.ceil(max / 20) * 20,
      interval: 20,
      axisLabel: { show: true, formatter: '{value}%', fontSize: 12, color: '#555555' },
    },
    yAxis: {
      type: 'category',
      data: bars.map((b) => b.label),
      axisLabel: { fontSize: 13, width: 130, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: bars.map((b) => ({
          value: Math.round(b.attainment ?? 0),
          itemStyle: {
            color: b.attainment === null ? COLOURS.none : b.attainment >= mark ? COLOURS.ahead : COLOURS.behind,
          },
          label: { show: true, position: 'right', formatter: pct(b.attainment, o.locale) },
        })),
        ...(o.pace === undefined
          ? {}
          : {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { color: COLOURS.pace, type: 'dashed', width: 2 },
                label: { formatter: t(o.locale, 'charts.pace', { pace }), position: 'end' },
                data: [{ xAxis: pace }],
              },
            }),
      },
    ],
  };
  return { width: ATTAINMENT_WIDTH, height: attainmentHeight(bars.length), option };
}

/** The lines of text that say what the bars show, for the message and the alt text. */
export const attainmentLines = (locale: Locale, bars: AttainmentBar[]): string[] =>
  bars.map((b) => t(locale, 'charts.team.line', { name: b.label, attainment: pct(b.attainment, locale) }));

/**
 * `/targets team chart`: each direct report's attainment of one metric against the month's pace; a
 * ratio (coverage) without one.
 */
export function teamAttainmentChart(o: {
  locale: Locale;
  managerName: string;
  metricLabel: string;
  periodLabel: string;
  periodKey: string;
  bars: AttainmentBar[];
  pace?: number;
}): ChartMessage {
  const title = t(o.locale, 'charts.team.title', { name: o.managerName, metric: o.metricLabel, period: o.periodLabel });
  const lines = attainmentLines(o.locale, o.bars);
  const pace = o.pace === undefined ? undefined : Math.round(o.pace);
  const alt =
    pace === undefined
      ? t(o.locale, 'charts.team.alt_no_pace', { title, lines: lines.join('；') })
      : t(o.locale, 'charts.team.alt', { title, pace, lines: lines.join('；') });
  const paceLine = pace === undefined ? [] : [t(o.locale, 'charts.pace', { pace })];
  return {
    chart: attainmentSpec({ locale: o.locale, title, bars: o.bars, pace: o.pace }),
    title,
    filename: `team-attainment-${o.periodKey}.png`,
    altText: altTextOf(alt),
    fallbackText: [`*${title}*`, ...paceLine, ...lines].join('\n'),
  };
}

/** The digest's chart: the reader's own attainment per metric this month, against the pace. */
export function digestAttainmentChart(o: {
  locale: Locale;
  name: string;
  periodKey: string;
  bars: AttainmentBar[];
  pace: number;
}): ChartMessage {
  const title = t(o.locale, 'charts.digest.title', { name: o.name });
  const lines = attainmentLines(o.locale, o.bars);
  const pace = Math.round(o.pace);
  return {
    chart: attainmentSpec({ locale: o.locale, title, bars: o.bars, pace: o.pace }),
    title,
    filename: `digest-attainment-${o.periodKey}.png`,
    altText: altTextOf(t(o.locale, 'charts.digest.alt', { title, pace, lines: lines.join('；') })),
    fallbackText: [`*${title}*`, t(o.locale, 'charts.pace', { pace }), ...lines].join('\n'),
  };
}
