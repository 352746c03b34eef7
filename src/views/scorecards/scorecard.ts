import type { MonthFigures, ScoreFigure } from '../../domain/scorecards/scorecard-rules.ts';

/** One person's month as the views show it: figures, ranks among peers, last month's for the change. */
export interface Scorecard {
  personId: string;
  role: string;
  month: string;
  figures: MonthFigures;
  /** Last month's, for the change */
  before: MonthFigures | undefined;
  ranks: Record<ScoreFigure, number | null>;
  /** Whether a peer shares the rank */
  tied: Record<ScoreFigure, boolean>;
  peers: Record<ScoreFigure, number>;
  /** The other metrics' attainment ranks among the same peers (those with a target) */
  metricRanks: Record<string, { rank: number | null; peers: number; tied: boolean }>;
  score: number | null;
  /** Among those with a score; null without one (nothing ranked: alone in one's role) */
  scoreRank: number | null;
  /** A peer has the same score */
  scoreTied: boolean;
  scorePeers: number;
}
