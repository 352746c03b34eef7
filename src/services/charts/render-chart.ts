import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { CHART_FONT, type ChartSpec } from '../../views/charts/chart-spec.ts';

const require = createRequire(import.meta.url);

/** Noto Sans TC: the system fonts have no CJK glyphs, so without it every Chinese label is a box. */
export const CJK_FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf');

/** The SVG of a chart, drawn by ECharts on the server: no DOM, no canvas. */
export function chartSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption(spec.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * An SVG as PNG at its own size. `fontFiles` are the only fonts used (the system's are not loaded, so
 * a picture is the same on every machine); by default the CJK font.
 */
export function svgToPng(svg: string, fontFiles: string[] = [CJK_FONT_FILE], defaultFontFamily = CHART_FONT): Buffer {
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily },
  });
  return resvg.render().asPng();
}

/** A chart as PNG. Synchronous and CPU-bound: the bot calls it in a worker (see chart-renderer.ts). */
export function renderChartPng(spec: ChartSpec): Buffer {
  return svgToPng(chartSvg(spec));
}
