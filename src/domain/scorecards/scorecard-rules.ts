import { isWorkingDay, type WorkingCalendar } from '../calendar/working-calendar.ts';
import type { OrgChart } from '../org/org-chart.ts';

/**
 * The figures a scorecard ranks, and their weights when the org file names none: share and a site's
 * deals, collections and arrears are ranked and shown, and weigh only when the org file says so.
 */
export const SCORE_FIGURES = [
  'sales',
  'expense',
  'visits',
  'share',
  'reservations',
  'contracts',
  'collections',
  'arrears',
] as const;
export type ScoreFigure = (typeof SCORE_FIGURES)[number];
const DEFAULT_WEIGHTS: Record<ScoreFigure, number> = {
  sales: 50,
  expense: 25,
  visits: 25,
  share: 0,
  reservations: 0,
  contracts: 0,
  collections: 0,
  arrears: 0,
};

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
  /** Attainment of the template's first metric, in percent, unrounded (66.666…): rounded only when shown */
  attainment: number | null;
  /** Spend over budget, in percent */
  budgetUsed: number | null;
  /** Spend over sales, in tenths of a percent (8.1% → 81) */
  ratioTenths: number | null;
  visitsFiled: number;
  visitsApproved: number;
  /**
   * Attainment (percent, unrounded) of each other summable metric of the template that has a target
   * (coverage, volume…)
   */
  otherMetrics: Record<string, number | null>;
  /** OSB issues filed in the subtree still open at the month's end (a brand's; null on a site), shown, not ranked */
  osbOpen: number | null;
  /** Days since the oldest of them was filed, at the month's end */
  osbOldestDays: number | null;
  /** The market's share (hundredths of a point) as last typed that month, for whoever runs one market */
  share: number | null;
  /**
   * For whoever runs several markets (an SLT owner of several): each market's share as typed, by market
   * name (null where none was typed), shown one by one, neither ranked nor weighed; null otherwise
   */
  marketShares: { market: string; share: number | null }[] | null;
  /** A site's deals ledger, the subtree's (null on a brand) */
  deals: DealFigures | null;
}

/** A site's month from the deals ledger: 認購 and 簽約 counts and amounts, 回款, and the arrears overdue. */
export interface DealFigures {
  reserved: number;
  reservedCents: number;
  contracted: number;
  contractedCents: number;
  /** Cancellations (退訂／退房) approved in the month, whenever reserved: shown apart, never subtracted */
  cancelled: number;
  collectedCents: number;
  /** Owed on items due by the month's end and still unpaid */
  arrearsCents: number;
}

/** The value each figure is ranked on, higher better; null leaves the person unranked on it. */
const rankValue: Record<ScoreFigure, (f: MonthFigures) => number | null> = {
  sales: (f) => f.attainment,
  // a lower expense ratio ranks higher; no sales, no ratio
  expense: (f) => (f.ratioTenths === null ? null : -f.ratioTenths),
  visits: (f) => f.visitsApproved,
  share: (f) => f.share,
  reservations: (f) => f.deals?.reservedCents ?? null,
  contracts: (f) => f.deals?.contractedCents ?? null,
  collections: (f) => f.deals?.collectedCents ?? null,
  // less overdue ranks higher
  arrears: (f) => (f.deals ? -f.deals.arrearsCents : null),
};

/** No figure: nobody is ranked on it. */
export const UNRANKED: Record<ScoreFigure, number | null> = Object.fromEntries(
  SCORE_FIGURES.map((f) => [f, null]),
) as Record<ScoreFigure, number | null>;

/**
 * Ranks of values among peers (1 = best, higher better; ties share a rank); null stays unranked, and so
 * does everyone when fewer than two have a value: a rank against nobody says nothing.
 */
export function rankValues(values: Map<string, number | null>): Map<string, number | null> {
  const known = [...values.values()].filter((v): v is number => v !== null);
  const ranked = (v: number | null) => (v === null || known.length < 2 ? null : 1 + known.filter((o) => o > v).length);
  return new Map([...values].map(([id, v]) => [id, ranked(v)] as const));
}

/** Ranks among peers (1 = best; ties share a rank), per figure; unranked where fewer than two have it. */
export function ranksAmong(figures: Map<string, MonthFigures>): Map<string, Record<ScoreFigure, number | null>> {
  const out = new Map<string, Record<ScoreFigure, number | null>>();
  for (const id of figures.keys()) out.set(id, { ...UNRANKED });
  for (const figure of SCORE_FIGURES) {
    const ranks = rankValues(new Map([...figures].map(([id, f]) => [id, rankValue[figure](f)] as const)));
    for (const [id, rank] of ranks) {
      const row = out.get(id);
      if (row) row[figure] = rank;
    }
  }
  return out;
}
