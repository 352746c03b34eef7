// Draws a chart: ECharts renders SVG on the server (no DOM, no canvas), resvg turns it into PNG with
// Noto Sans TC. Plain JavaScript, so that the worker (chart-worker.mjs) starts without a TypeScript
// loader; types are in render-chart.d.mts. Only the chart kinds the bot draws are loaded.
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  FunnelChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  SVGRenderer,
]);

const require = createRequire(import.meta.url);

/** The family every chart names (CHART_FONT in src/views/charts/chart-spec.ts). */
export const CJK_FONT_FAMILY = 'Noto Sans TC';

/** Noto Sans TC: the system fonts have no CJK glyphs, so without it every Chinese label is a box. */
export const CJK_FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf');

export function chartSvg(spec) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption(spec.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function svgToPng(svg, fontFiles = [CJK_FONT_FILE], defaultFontFamily = CJK_FONT_FAMILY) {
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily },
  });
  return resvg.render().asPng();
}

export function renderChartPng(spec) {
  return svgToPng(chartSvg(spec));
}
