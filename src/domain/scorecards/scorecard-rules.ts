import { isWorkingDay, type WorkingCalendar } from '../calendar/working-calendar.ts';
import type { OrgChart } from '../org/org-chart.ts';

/** The figures a scorecard weighs, and their weights when the org file names none. */
export const SCORE_FIGURES = ['sales', 'expense', 'visits'] as const;
export type ScoreFigure = (typeof SCORE_FIGURES)[number];
const DEFAULT_WEIGHTS: Record<ScoreFigure, number> = { sales: 50, expense: 25, visits: 25 };

export function scoreWeights(chart: OrgChart): Record<ScoreFigure, number> {
  return { ...DEFAULT_WEIGHTS, ...(chart.data.scorecard?.weights ?? {}) };
}

/** The day of the month (1-based) of its `nth` working day; month 0-based. */
export function nthWorkingDay(calendar: WorkingCalendar, year: number, month: number, nth: number): number {
  let found = 0;
  for (let day = 1; day <= 31; day += 1) {
    if (new Date(Date.UTC(year, month, day)).getUTCMonth() !== month) break;
    if (isWorkingDay(calendar, year, month, day)) found += 1;
    if (found === nth) return day;
  }
  return 31;
}

/** One person's month: each figure, or null where it does not apply. */
export interface MonthFigures {
  /** Attainment of the template's first metric, in percent */
  attainment: number | null;
  /** Spend over budget, in percent */
  budgetUsed: number | null;
  /** Spend over sales, in tenths of a percent (8.1% → 81) */
  ratioTenths: number | null;
  visitsFiled: number;
  visitsApproved: number;
  /** Attainment (percent) of each other summable metric of the template that has a target (coverage, volume…) */
  otherMetrics: Record<string, number | null>;
  /** OSB issues filed in the subtree still open at the month's end (a brand's; null on a site), shown, not ranked */
  osbOpen: number | null;
  /** Days since the oldest of them was filed, at the month's end */
  osbOldestDays: number | null;
}

/** The value each figure is ranked on, higher better; null leaves the person unranked on it. */
const rankValue: Record<ScoreFigure, (f: MonthFigures) => number | null> = {
  sales: (f) => f.attainment,
  // a lower expense ratio ranks higher; no sales, no ratio
  expense: (f) => (f.ratioTenths === null ? null : -f.ratioTenths),
  visits: (f) => f.visitsApproved,
};

/** Ranks of values among peers (1 = best, higher better; ties share a rank); null stays unranked. */
export function rankValues(values: Map<string, number | null>): Map<string, number | null> {
  const known = [...values.values()].filter((v): v is number => v !== null);
  return new Map(
    [...values].map(([id, v]) => [id, v === null ? null : 1 + known.filter((other) => other > v).length] as const),
  );
}

/** Ranks among peers (1 = best; ties share a rank), per figure. */
export function ranksAmong(figures: Map<string, MonthFigures>): Map<string, Record<ScoreFigure, number | null>> {
  const out = new Map<string, Record<ScoreFigure, number | null>>();
  for (const id of figures.keys()) out.set(id, { sales: null, expense: null, visits: null });
  for (const figure of SCORE_FIGURES) {
    const values = [...figures].map(([id, f]) => [id, rankValue[figure](f)] as const);
    for (const [id, value] of values) {
      if (value === null) continue;
      const better = values.filter(([, other]) => other !== null && other > value).length;
      const row = out.get(id);
      if (row) row[figure] = better + 1;
    }
  }
  return out;
}

/**
 * The overall score from 0 to 100: each ranked figure gives its weight in proportion to how many
 * peers it beats ((n − rank) ÷ (n − 1), all of it when alone), over the weights that apply.
 */
export function overallScore(
  ranks: Record<ScoreFigure, number | null>,
  peers: Record<ScoreFigure, number>,
  weights: Record<ScoreFigure, number>,
): number | null {
  let total = 0;
  let weight = 0;
  for (const figure of SCORE_FIGURES) {
    const rank = ranks[figure];
    if (rank === null || weights[figure] <= 0) continue;
    const n = peers[figure];
    total += weights[figure] * (n <= 1 ? 1 : (n - rank) / (n - 1));
    weight += weights[figure];
  }
  return weight === 0 ? null : Math.round((total * 100) / weight);
}
