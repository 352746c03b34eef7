/**
 * A chart as the outbox carries it: an ECharts option (plain JSON, no functions, so it survives the
 * outbox's JSON payload and the worker's message), drawn at a fixed size.
 */
export interface ChartSpec {
  width: number;
  height: number;
  option: Record<string, unknown>;
}

/**
 * One chart ready to be uploaded: the picture, its title and file name, the alt text screen readers
 * read (Slack's alt_txt), and the text posted beside it, which says the same for anyone without the image.
 */
export interface ChartMessage {
  chart: ChartSpec;
  title: string;
  filename: string;
  altText: string;
  fallbackText: string;
}

/** The font every chart is drawn in: Noto Sans TC, loaded by the renderer from its TTF file. */
export const CHART_FONT = 'Noto Sans TC';

/** Slack keeps at most 1,000 characters of a file's alt text. */
const MAX_ALT = 1_000;

export const altTextOf = (text: string): string => (text.length <= MAX_ALT ? text : `${text.slice(0, MAX_ALT - 1)}…`);

/** What every chart shares: the CJK font, no animation (a single frame is drawn), a white page. */
export function baseOption(title: string): Record<string, unknown> {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT },
    title: { text: title, left: 'center', top: 12, textStyle: { fontFamily: CHART_FONT, fontSize: 18 } },
  };
}

/** A file name Slack shows under the picture: the kind of chart and a key, in ASCII. */
export const chartFilename = (kind: string, key: string): string =>
  `${kind}-${key.replace(/[^A-Za-z0-9_-]+/g, '-')}.png`;

export const COLOURS = { ahead: '#2e9d5b', behind: '#d9822b', none: '#b0b7c3', pace: '#c0392b', bar: '#4a6fd1' };
