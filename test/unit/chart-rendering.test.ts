import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { OrgChart } from '../../src/domain/org/org-chart.ts';
import { TEMPLATE_METRICS } from '../../src/domain/targets/metrics.ts';
import { t } from '../../src/i18n/index.ts';
import { ChartRenderer } from '../../src/services/charts/chart-renderer.ts';
import { chartSvg, renderChartPng, svgToPng } from '../../src/services/charts/render-chart.mjs';
import {
  attainmentHeight,
  digestAttainmentChart,
  teamAttainmentChart,
} from '../../src/views/charts/attainment-chart.ts';
import type { ChartMessage } from '../../src/views/charts/chart-spec.ts';
import { agingChart, agingChartHeight } from '../../src/views/charts/aging-chart.ts';
import { scorecardChart, scorecardChartHeight } from '../../src/views/charts/scorecard-chart.ts';
import {
  brandVisitChart,
  countBarsHeight,
  visitFunnelChart,
  FUNNEL_HEIGHT,
} from '../../src/views/charts/visit-charts.ts';
import { BRAND_ORG, PROPERTY_ORG } from '../support/harness.ts';
import { chartFromFile } from '../support/org-fixtures.ts';
import { decodePng, inkOf, pixelsOfColour, pngSize, PNG_SIGNATURE } from '../support/png.ts';

/** Each chart the bot sends, drawn from a fixture's own people and words. */
function chartsOf(chart: OrgChart, manager: string): { name: string; message: ChartMessage; height: number }[] {
  const reports = chart.directReports(manager);
  const bars = reports.map((id, i) => ({ label: chart.nameOf(id), attainment: i === 0 ? null : 35 * i }));
  const metrics = TEMPLATE_METRICS[chart.template];
  const team = teamAttainmentChart({
    locale: 'zh-Hant',
    managerName: chart.nameOf(manager),
    metricLabel: t('zh-Hant', `metric.${metrics[0]}`),
    periodLabel: '2026-11（本月）',
    periodKey: '2026-11',
    bars,
    pace: 62,
  });
  const digest = digestAttainmentChart({
    locale: 'en',
    name: chart.nameOf(manager),
    periodKey: '2026-11',
    bars: metrics.map((m, i) => ({ label: t('en', `metric.${m}`), attainment: 40 + 30 * i })),
    pace: 62,
  });
  const visits =
    chart.template === 'property-site'
      ? {
          message: visitFunnelChart({
            locale: 'zh-Hant',
            from: '2026-11-16',
            to: '2026-11-22',
            stages: [
              { label: '來訪', count: 42 },
              { label: '認購', count: 9 },
              { label: '簽約', count: 4 },
            ],
          }),
          height: FUNNEL_HEIGHT,
        }
      : {
          message: brandVisitChart({
            locale: 'zh-Hant',
            from: '2026-11-16',
            to: '2026-11-22',
            purposes: [
              { label: '鋪貨', count: 12 },
              { label: '陳列檢查', count: 7 },
              { label: '收款', count: 3 },
            ],
          }),
          height: countBarsHeight(3),
        };
  const scorecards = scorecardChart({
    locale: 'zh-Hant',
    title: t('zh-Hant', 'charts.scorecard.team_title', { name: chart.nameOf(manager), month: '2026-11' }),
    key: `2026-11-${manager}`,
    bars: reports.map((id, i) => ({ label: chart.nameOf(id), score: i === 0 ? null : 100 - 30 * i, attainment: 90 })),
  });
  // the receivables aging report's chart: the fixture's accounts (a site, which has none, its people's names)
  const accounts = chart.people.slice(0, 4).map((p, i) => ({ code: `A0${i}`, name: p.accounts[0] ?? p.name }));
  const aging = agingChart({
    locale: 'zh-Hant',
    market: chart.data.markets[0]?.name ?? '本案',
    marketCode: chart.data.markets[0]?.code ?? 'SITE',
    date: '2026-11-30',
    currency: 'CNY',
    rows: accounts.map((a, i) => ({
      ...a,
      d0_30: 150_000_25,
      d31_60: 40_000_00 * i,
      d61_90: 0,
      d90_plus: 9_999_99 * i,
    })),
  });
  return [
    { name: 'team attainment', message: team, height: attainmentHeight(bars.length) },
    { name: 'receivables aging', message: aging, height: agingChartHeight(accounts.length) },
    { name: 'scorecards', message: scorecards, height: scorecardChartHeight(reports.length) },
    { name: 'digest', message: digest, height: attainmentHeight(metrics.length) },
    { name: 'visit analysis', ...visits },
  ];
}

const FIXTURES = [
  { name: 'property site', file: PROPERTY_ORG, manager: 'U0PROJMGR1' },
  { name: 'brand', file: BRAND_ORG, manager: 'U0MKTMGR01' },
];

describe.each(FIXTURES)('charts of the $name fixture', ({ file, manager }) => {
  const chart = chartFromFile(file);
  it.each(chartsOf(chart, manager))(
    'draws the $name chart as a PNG of its size, with ink on it',
    ({ message, height }) => {
      const png = renderChartPng(message.chart);
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(pngSize(png)).toEqual({ width: 800, height });
      expect(decodePng(png)).toMatchObject({ width: 800, height });
      expect(inkOf(png)).toBeGreaterThan(2_000);
      // every chart says in words what it shows
      expect(message.altText.length).toBeGreaterThan(message.title.length);
      expect(message.fallbackText).toContain(message.title);
    },
  );
});

/** The texts an SVG draws, as ECharts writes them (one <text> each). */
const textsOf = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('the team attainment chart', () => {
  it('labels its value axis in percent, every 20 up to past the longest bar, on both fixtures', () => {
    for (const { file, manager } of FIXTURES) {
      const team = chartsOf(chartFromFile(file), manager).find((c) => c.name === 'team attainment')!.message;
      expect(decodePng(renderChartPng(team.chart)).width).toBe(800);
      const texts = textsOf(chartSvg(team.chart));
      // the bars are 35%, 70%… and the pace 62%: these are the axis's own
      for (const tick of ['0%', '20%', '40%', '60%', '80%', '100%']) expect(texts).toContain(tick);
    }
  });
});

describe('the visit funnel', () => {
  const GREEN = '#2e9d5b'; // the second stage's colour (認購)
  const funnel = (reserved: number, contracted: number) =>
    visitFunnelChart({
      locale: 'zh-Hant',
      from: '2026-11-16',
      to: '2026-11-22',
      stages: [
        { label: '來訪', count: 42 },
        { label: '認購', count: reserved },
        { label: '簽約', count: contracted },
      ],
    }).chart;

  it('draws a stage nobody reached as nothing, not a block, keeping its name and 0', () => {
    const none = renderChartPng(funnel(0, 0));
    const full = renderChartPng(funnel(42, 42));
    const some = renderChartPng(funnel(9, 4));
    expect(decodePng(none)).toMatchObject({ width: 800, height: FUNNEL_HEIGHT });
    expect(none.equals(full)).toBe(false);
    expect(pixelsOfColour(none, GREEN)).toBe(0);
    expect(pixelsOfColour(some, GREEN)).toBeGreaterThan(5_000);
    expect(pixelsOfColour(full, GREEN)).toBeGreaterThan(pixelsOfColour(some, GREEN));
    expect(textsOf(chartSvg(funnel(0, 0)))).toEqual(expect.arrayContaining(['認購  0', '簽約  0']));
  });
});

describe('the font cut down to one chart', () => {
  it('draws the very same picture as the whole font, for every chart of both fixtures', () => {
    for (const { file, manager } of FIXTURES)
      for (const { message } of chartsOf(chartFromFile(file), manager))
        expect(renderChartPng(message.chart).equals(svgToPng(chartSvg(message.chart)))).toBe(true);
  });
});

describe('the CJK font', () => {
  const label = (text: string, family = 'Noto Sans TC') =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60"><text x="10" y="40" font-family="${family}" ` +
    `font-size="32">${text}</text></svg>`;
  const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

  it('draws Chinese labels as glyphs: a label differs from a blank page and from another label', () => {
    const blank = svgToPng(label(''));
    const attainment = svgToPng(label('達成率'));
    const name = svgToPng(label('王小明'));
    expect(inkOf(blank)).toBe(0);
    expect(inkOf(attainment)).toBeGreaterThan(200);
    // glyphs, not three boxes: two different words of the same length look different
    expect(attainment.equals(name)).toBe(false);
  });

  it.skipIf(!existsSync(DEJAVU))('would be tofu in a font without CJK: every word the same row of boxes', () => {
    const inDejaVu = (text: string) => svgToPng(label(text, 'DejaVu Sans'), [DEJAVU], 'DejaVu Sans');
    const boxes = inDejaVu('達成率');
    expect(inkOf(boxes)).toBeGreaterThan(0); // something is drawn: the .notdef box
    expect(boxes.equals(inDejaVu('王小明'))).toBe(true);
    expect(boxes.equals(svgToPng(label('達成率')))).toBe(false);
  });
});

describe('the chart renderer', () => {
  const renderer = new ChartRenderer();
  afterAll(() => renderer.close());

  it('draws in a worker thread the same picture as drawn in place, several at once', async () => {
    const message = chartsOf(chartFromFile(BRAND_ORG), 'U0MKTMGR01')[0].message;
    const pictures = await Promise.all([1, 2, 3].map(() => renderer.render(message.chart)));
    const here = renderChartPng(message.chart);
    for (const png of pictures) expect(Buffer.from(png).equals(here)).toBe(true);
  });

  it('fails a chart ECharts cannot draw, and keeps drawing the next', async () => {
    await expect(
      renderer.render({ width: -1, height: 10, option: { series: [{ type: 'nonsense' }] } }),
    ).rejects.toThrow();
    const message = chartsOf(chartFromFile(PROPERTY_ORG), 'U0PROJMGR1').find(
      (c) => c.name === 'visit analysis',
    )!.message;
    expect(pngSize(await renderer.render(message.chart)).height).toBe(FUNNEL_HEIGHT);
  });
});
