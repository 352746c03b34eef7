import { t, type Locale } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format-time.ts';
import type { BrandVisitAnalysis } from '../visits/brand-visit-reports.ts';
import { funnelStages, purposeName, type ReportContext, type VisitAnalysis } from '../visits/visit-reports.ts';
import { COLOURS, altTextOf, baseOption, type ChartMessage } from './chart-spec.ts';

export interface CountItem {
  label: string;
  count: number;
}

export const VISIT_CHART_WIDTH = 800;
export const FUNNEL_HEIGHT = 480;
const FUNNEL_COLOURS = ['#4a6fd1', '#2e9d5b', '#d9822b', '#8e44ad', '#c0392b'];

const itemLines = (locale: Locale, items: CountItem[]) =>
  items.map((i) => t(locale, 'charts.item', { label: i.label, count: i.count }));

/**
 * A stage of the funnel: a stage nobody reached has no block (ECharts would draw it at minSize, like a
 * small stage), only its name and 0, in dark text on the white page.
 */
const funnelItem = (s: CountItem) =>
  s.count === 0
    ? { name: s.label, value: 0, itemStyle: { color: 'rgba(255,255,255,0)' }, label: { color: '#333333' } }
    : { name: s.label, value: s.count };

/**
 * A site's weekly or monthly funnel: the visits approved in the period, then the customer files of the
 * period that reached 認購 and 簽約 (each later stage counted in the earlier ones too).
 */
export function visitFunnelChart(o: { locale: Locale; from: string; to: string; stages: CountItem[] }): ChartMessage {
  const title = t(o.locale, 'charts.funnel.title', { from: o.from, to: o.to });
  const lines = itemLines(o.locale, o.stages);
  const top = Math.max(1, ...o.stages.map((s) => s.count));
  const option = {
    ...baseOption(title),
    color: FUNNEL_COLOURS,
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '15%',
        width: '70%',
        top: 64,
        bottom: 24,
        min: 0,
        max: top,
        minSize: '12%',
        gap: 4,
        label: { show: true, position: 'inside', formatter: '{b}  {c}', fontSize: 16, color: '#ffffff' },
        data: o.stages.map(funnelItem),
      },
    ],
  };
  return {
    chart: { width: VISIT_CHART_WIDTH, height: FUNNEL_HEIGHT, option },
    title,
    filename: `visit-funnel-${o.from}.png`,
    altText: altTextOf(t(o.locale, 'charts.funnel.alt', { title, lines: lines.join('，') })),
    fallbackText: [`*${title}*`, ...lines].join('\n'),
  };
}

/** The height of a bar chart of so many items. */
export const countBarsHeight = (items: number): number => 120 + 34 * Math.max(1, Math.min(items, 20));

/** A brand's weekly or monthly visits by purpose: one bar each, largest first. */
export function brandVisitChart(o: { locale: Locale; from: string; to: string; purposes: CountItem[] }): ChartMessage {
  const title = t(o.locale, 'charts.brand.title', { from: o.from, to: o.to });
  const items = o.purposes.slice(0, 20);
  const lines = itemLines(o.locale, o.purposes);
  const shown = [...items].reverse(); // the largest on top
  const option = {
    ...baseOption(title),
    grid: { left: 150, right: 60, top: 64, bottom: 40 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((i) => i.label), axisLabel: { fontSize: 13 } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: COLOURS.bar },
        label: { show: true, position: 'right' },
        data: shown.map((i) => i.count),
      },
    ],
  };
  return {
    chart: { width: VISIT_CHART_WIDTH, height: countBarsHeight(items.length), option },
    title,
    filename: `visit-purposes-${o.from}.png`,
    altText: altTextOf(t(o.locale, 'charts.brand.alt', { title, lines: lines.join('，') })),
    fallbackText: [`*${title}*`, ...lines].join('\n'),
  };
}

/** The period of an analysis as its message shows it: whole local days, the end day included. */
const daysOf = (a: { from: Date; to: Date }, c: ReportContext) => ({
  from: formatDate(a.from, c.timeZone),
  to: formatDate(new Date(a.to.getTime() - 1), c.timeZone),
});

/** A site's analysis as a funnel: the visits approved, then 認購 and 簽約 as the message counts them. */
export function visitAnalysisChart(a: VisitAnalysis, c: ReportContext): ChartMessage {
  const reached = (stage: string) => funnelStages(a).find((s) => s.stage === stage)?.count ?? 0;
  return visitFunnelChart({
    locale: c.locale,
    ...daysOf(a, c),
    stages: [
      { label: t(c.locale, 'charts.funnel.visits'), count: a.total },
      { label: t(c.locale, 'stage.reserved'), count: reached('reserved') },
      { label: t(c.locale, 'stage.contracted'), count: reached('contracted') },
    ],
  });
}

/** A brand's analysis as bars of visits by purpose. */
export function brandAnalysisChart(a: BrandVisitAnalysis, c: ReportContext): ChartMessage {
  const purposes = a.byPurpose.map((p) => ({ label: purposeName(c, p.purpose), count: p.count }));
  return brandVisitChart({ locale: c.locale, ...daysOf(a, c), purposes });
}
