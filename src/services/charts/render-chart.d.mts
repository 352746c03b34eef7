import type { ChartSpec } from '../../views/charts/chart-spec.ts';

/** The family every chart names (CHART_FONT in src/views/charts/chart-spec.ts). */
export declare const CJK_FONT_FAMILY: string;
/** Noto Sans TC's TTF, loaded by resvg through `font.fontFiles`. */
export declare const CJK_FONT_FILE: string;
/** Noto Sans TC without its layout tables, which charts are drawn with (see render-chart.mjs). */
export declare const CHART_FONT_FILE: string;
/** The SVG of a chart, drawn by ECharts on the server: no DOM, no canvas. */
export declare function chartSvg(spec: ChartSpec): string;
/**
 * An SVG as PNG at its own size. `fontFiles` are the only fonts used (the system's are not loaded, so
 * a picture is the same on every machine); by default CHART_FONT_FILE.
 */
export declare function svgToPng(svg: string, fontFiles?: string[], defaultFontFamily?: string): Buffer;
/**
 * A chart as PNG, drawn with the font cut down to the glyphs it uses (font-subset.mjs). Synchronous and
 * CPU-bound: the bot calls it in a worker (see chart-renderer.ts).
 */
export declare function renderChartPng(spec: ChartSpec): Buffer;
