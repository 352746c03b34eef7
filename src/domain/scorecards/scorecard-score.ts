import { type MonthFigures, SCORE_FIGURES, type ScoreFigure } from './scorecard-rules.ts';

/** A figure's part of the score, from 0 to 1, or null where the person has no such figure. */
export type ScoreParts = Record<ScoreFigure, number | null>;

const clamp = (n: number) => Math.max(0, Math.min(1, n));
/** Share of the best among peers: nobody above zero gives no one anything (0 against 0 is not full marks). */
const ofBest = (v: number | null, best: number) => (v === null ? null : best > 0 ? clamp(v / best) : 0);

/**
 * Budget used up to 100% gives the whole expense part, each point over it takes one off (200% gives
 * none); without a budget, the lowest expense ratio among peers over one's own (a ratio of 0 is whole).
 */
function expensePart(f: MonthFigures, bestRatio: number | null): number | null {
  if (f.budgetUsed !== null) return clamp((200 - Math.max(100, f.budgetUsed)) / 100);
  if (f.ratioTenths === null || bestRatio === null) return null;
  return f.ratioTenths === 0 ? 1 : clamp(bestRatio / f.ratioTenths);
}

const maxOf = (values: (number | null)[]) => Math.max(0, ...values.filter((v): v is number => v !== null));

/**
 * Each figure's part of the score, from the figures themselves rather than the rank alone: attainment
 * capped at 100%, the budget's use (over it lowers the part), and counts and amounts as a share of the
 * best peer's (none above zero: no part); less arrears is better (none owed by anyone: whole).
 */
export function scoreParts(figures: Map<string, MonthFigures>): Map<string, ScoreParts> {
  const all = [...figures.values()];
  const ratios = all.map((f) => f.ratioTenths).filter((v): v is number => v !== null);
  const bestRatio = ratios.length ? Math.min(...ratios) : null;
  const best = {
    visits: maxOf(all.map((f) => f.visitsApproved)),
    share: maxOf(all.map((f) => f.share)),
    reservations: maxOf(all.map((f) => f.deals?.reservedCents ?? null)),
    contracts: maxOf(all.map((f) => f.deals?.contractedCents ?? null)),
    collections: maxOf(all.map((f) => f.deals?.collectedCents ?? null)),
    arrears: maxOf(all.map((f) => f.deals?.arrearsCents ?? null)),
  };
  const partsOf = (f: MonthFigures): ScoreParts => ({
    sales: f.attainment === null ? null : clamp(f.attainment / 100),
    expense: expensePart(f, bestRatio),
    visits: ofBest(f.visitsApproved, best.visits),
    share: ofBest(f.share, best.share),
    reservations: ofBest(f.deals?.reservedCents ?? null, best.reservations),
    contracts: ofBest(f.deals?.contractedCents ?? null, best.contracts),
    collections: ofBest(f.deals?.collectedCents ?? null, best.collections),
    arrears: f.deals ? (best.arrears > 0 ? clamp(1 - f.deals.arrearsCents / best.arrears) : 1) : null,
  });
  return new Map([...figures].map(([id, f]) => [id, partsOf(f)] as const));
}

/**
 * The overall score from 0 to 100: the weighted mean of the parts of the figures that are ranked (a
 * figure nobody else has weighs nothing), over the weights that apply; none when nothing is ranked
 * (alone in one's role). The budget is the exception: its use is measured against the budget itself,
 * not against peers, so with a budget (`budgeted`) the expense part weighs whether or not the expense
 * ratio could be ranked (going over costs points).
 */
export function overallScore(
  ranks: Record<ScoreFigure, number | null>,
  parts: ScoreParts,
  weights: Record<ScoreFigure, number>,
  budgeted = false,
): number | null {
  let total = 0;
  let weight = 0;
  let ranked = false;
  for (const figure of SCORE_FIGURES) {
    const part = parts[figure];
    ranked ||= ranks[figure] !== null;
    const counts = ranks[figure] !== null || (figure === 'expense' && budgeted);
    if (!counts || part === null || weights[figure] <= 0) continue;
    total += weights[figure] * part;
    weight += weights[figure];
  }
  return weight === 0 || !ranked ? null : Math.round((total * 100) / weight);
}
