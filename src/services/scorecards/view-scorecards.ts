import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import { zonedInstant } from '../../lib/format-time.ts';
import type { Scorecard } from '../../views/scorecards/scorecard-views.ts';
import { leadsTargetCarriers } from '../targets/target-access.ts';
import { marketCards } from './deliver-scorecards.ts';
import { buildScorecards } from './send-scorecards.ts';

export type ScorecardAsk = 'mine' | 'team' | 'markets';

export type ScorecardAnswer =
  | { kind: 'mine'; card: Scorecard | undefined }
  | { kind: 'team'; cards: Scorecard[] }
  | { kind: 'markets'; rows: { label: string; card: Scorecard }[] };

/** Anyone may ask for their own; a team's, someone who leads people with targets; the markets', the SLT. */
export function assertMayViewScorecards(chart: OrgChart, askerId: string, ask: ScorecardAsk): void {
  if (ask === 'team' && !leadsTargetCarriers(chart, askerId))
    throw new AppError(ErrorCode.Forbidden, {}, `${askerId} has no reports`, 'targets.team.no_reports');
  if (ask === 'markets' && !chart.isLeadership(askerId))
    throw new AppError(ErrorCode.Forbidden, {}, `${askerId} is not SLT`, 'scorecard.markets_only_slt');
}

/**
 * `/targets scorecard [team|markets] [2026-11]`: a month's scorecards on demand, as the 3rd working day
 * sent them: my own; my reports' (only someone who leads people with targets); every market's (the
 * SLT). Built for the whole organisation, since ranks are among peers.
 */
export async function viewScorecards(o: {
  db: DbLike;
  chart: OrgChart;
  askerId: string;
  ask: ScorecardAsk;
  year: number;
  month: number;
}): Promise<ScorecardAnswer> {
  const { chart, askerId } = o;
  assertMayViewScorecards(chart, askerId, o.ask);
  const monthStart = zonedInstant(o.year, o.month - 1, 1, 0, 0, chart.data.timezone);
  const cards = await buildScorecards({ db: o.db, chart, monthStart });
  if (o.ask === 'mine') return { kind: 'mine', card: cards.find((c) => c.personId === askerId) };
  if (o.ask === 'team')
    return { kind: 'team', cards: cards.filter((c) => chart.primaryApprover(c.personId) === askerId) };
  return { kind: 'markets', rows: marketCards(chart, cards) };
}
