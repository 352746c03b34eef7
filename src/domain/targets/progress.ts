import { isPercent } from './metrics.ts';

export interface Progress {
  target: number;
  actual: number;
  /** actual / target in percent, or null without a target */
  attainment: number | null;
  /** Share of the period gone, in percent. */
  elapsed: number;
  /** attainment − elapsed, in points: negative is behind. */
  pace: number | null;
  /** A ratio (coverage, share): held to its target as it stands, not to the share of the period gone. */
  unpaced?: boolean;
}

/**
 * The share of the period gone a metric is paced by: a percentage (coverage, share) is a ratio, held
 * to its whole target whatever the day (null: unpaced); anything else the period's elapsed fraction.
 */
export const paceOf = (metric: string, elapsedFraction: number): number | null =>
  isPercent(metric) ? null : elapsedFraction;

/** `elapsedFraction` null: a ratio, compared with its whole target whatever the day (unpaced). */
export function progressOf(
  target: number | null | undefined,
  actual: number,
  elapsedFraction: number | null,
): Progress {
  const t = target ?? 0;
  const attainment = t > 0 ? (actual / t) * 100 : null;
  const elapsed = (elapsedFraction ?? 1) * 100;
  const progress = { target: t, actual, attainment, elapsed, pace: attainment === null ? null : attainment - elapsed };
  return elapsedFraction === null ? { ...progress, unpaced: true } : progress;
}

/** A text progress bar of ten cells: ▓▓▓▓▓░░░░░ */
export function progressBar(percent: number | null, cells = 10): string {
  const filled = percent === null ? 0 : Math.max(0, Math.min(cells, Math.round((percent / 100) * cells)));
  return '▓'.repeat(filled) + '░'.repeat(cells - filled);
}
