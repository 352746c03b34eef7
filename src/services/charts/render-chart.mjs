// Draws a chart: ECharts renders SVG on the server (no DOM, no canvas), resvg turns it into PNG with
// Noto Sans TC. Plain JavaScript, so that the worker (chart-worker.mjs) starts without a TypeScript
// loader; types are in render-chart.d.mts. Only the chart kinds the bot draws are loaded.
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { fontSubsetter } from './font-subset.mjs';

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

/**
 * The font file charts are drawn with: Noto Sans TC without its OpenType layout tables (GSUB, GPOS,
 * GDEF): measured, 30 labels took 8.5 s with them and 1.3 s without on the busy shared machine, and
 * horizontal CJK and Latin labels need none of them. Written once beside the system's temporary
 * files, and read by resvg like any font file; each chart then cuts it to its own glyphs.
 */
export const CHART_FONT_FILE = fontWithoutLayout(CJK_FONT_FILE);

function fontWithoutLayout(source) {
  const { size, mtimeMs } = statSync(source);
  const target = path.join(os.tmpdir(), `sales-bot-noto-sans-tc-400-${size}-${Math.floor(mtimeMs)}.ttf`);
  if (existsSync(target)) return target;
  const font = readFileSync(source);
  const count = font.readUInt16BE(4);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 12 + i * 16;
    const [offset, length] = [font.readUInt32BE(at + 8), font.readUInt32BE(at + 12)];
    return { entry: font.subarray(at, at + 16), data: font.subarray(offset, offset + length) };
  }).filter((table) => !['GSUB', 'GPOS', 'GDEF'].includes(table.entry.toString('latin1', 0, 4)));
  const header = Buffer.alloc(12 + tables.length * 16);
  font.copy(header, 0, 0, 12);
  header.writeUInt16BE(tables.length, 4);
  const parts = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    table.entry.copy(header, 12 + i * 16);
    header.writeUInt32BE(offset, 12 + i * 16 + 8);
    const padding = Buffer.alloc((4 - (table.data.length % 4)) % 4);
    parts.push(table.data, padding);
    offset += table.data.length + padding.length;
  });
  const partial = `${target}.${process.pid}.${threadId}.tmp`;
  writeFileSync(partial, Buffer.concat(parts));
  renameSync(partial, target); // whole or not at all, when several workers start at once
  return target;
}

export function chartSvg(spec) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption(spec.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function svgToPng(svg, fontFiles = [CHART_FONT_FILE], defaultFontFamily = CJK_FONT_FAMILY) {
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily },
  });
  return resvg.render().asPng();
}

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The characters an SVG's text shows: `&#39;` is an apostrophe, whose glyph the font must keep. */
const withEntitiesDecoded = (svg) =>
  svg.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) =>
    name.startsWith('#x') || name.startsWith('#X')
      ? String.fromCodePoint(Number.parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (NAMED[name] ?? whole),
  );

let subset;
let drawn = 0;

/**
 * A chart as PNG, drawn with a copy of the font holding only the glyphs its SVG uses (font-subset.mjs):
 * the same picture, several times faster, since resvg's cost per label grows with the font file's size.
 */
export function renderChartPng(spec) {
  const svg = chartSvg(spec);
  subset ??= fontSubsetter(readFileSync(CHART_FONT_FILE));
  drawn += 1;
  const file = path.join(os.tmpdir(), `sales-bot-chart-font-${process.pid}-${threadId}-${drawn}.ttf`);
  writeFileSync(file, subset(svg + withEntitiesDecoded(svg)));
  try {
    return svgToPng(svg, [file]);
  } finally {
    rmSync(file, { force: true });
  }
}
