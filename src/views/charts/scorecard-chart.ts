import { t, type Locale } from '../../i18n/index.ts';
import { COLOURS, altTextOf, baseOption, chartFilename, type ChartMessage } from './chart-spec.ts';

/** One row of a scorecard table as the chart draws it. */
export interface ScoreBar {
  label: string;
  /** The overall score, 0–100; null when no figure could be weighed. */
  score: number | null;
  /** Sales attainment in percent, for the text; null without a target. */
  attainment: number | null;
}

export const SCORECARD_CHART_WIDTH = 800;
/** At most this many bars are drawn; the text beside the chart lists every row. */
export const MAX_SCORE_BARS = 30;

/** The height for a number of bars: room for the title and the axis, then a band per bar. */
export const scorecardChartHeight = (bars: number): number => 130 + 34 * Math.max(1, Math.min(bars, MAX_SCORE_BARS));

const shown = (n: number | null, suffix = '') => (n === null ? '—' : `${n}${suffix}`);

/**
 * The chart beside a scorecard table (a manager's reports, the SLT's markets): each row's overall
 * score from 0 to 100 as a horizontal bar, best first, the top half in green and the rest in orange.
 */
export function scorecardChart(o: { locale: Locale; title: string; key: string; bars: ScoreBar[] }): ChartMessage {
  const { locale, title } = o;
  const ordered = [...o.bars].sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
  const drawn = ordered.slice(0, MAX_SCORE_BARS).reverse(); // ECharts draws the first category at the bottom
  const option = {
    ...baseOption(title),
    grid: { left: 150, right: 60, top: 64, bottom: 40 },
    // the bars carry their own figures: the value axis keeps its grid lines and drops its numbers
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { show: false } },
    yAxis: {
      type: 'category',
      data: drawn.map((b) => b.label),
      axisLabel: { fontSize: 13, width: 130, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: drawn.map((b) => ({
          value: b.score ?? 0,
          itemStyle: { color: b.score === null ? COLOURS.none : b.score >= 50 ? COLOURS.ahead : COLOURS.behind },
          label: { show: true, position: 'right', formatter: shown(b.score) },
        })),
      },
    ],
  };
  const lines = ordered.map((b) =>
    t(locale, 'charts.scorecard.line', { name: b.label, score: shown(b.score), attainment: shown(b.attainment, '%') }),
  );
  return {
    chart: { width: SCORECARD_CHART_WIDTH, height: scorecardChartHeight(drawn.length), option },
    title,
    filename: chartFilename('scorecards', o.key),
    altText: altTextOf(t(locale, 'charts.scorecard.alt', { title, lines: lines.join('；') })),
    fallbackText: [`*${title}*`, ...lines].join('\n'),
  };
}
