import type { DbLike } from '../../db/unit-of-work.ts';
import type { ChartMessage } from '../../views/charts/chart-spec.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import { zonedInstant } from '../../lib/format-time.ts';
import type { Scorecard } from '../../views/scorecards/scorecard-views.ts';
import { leadsTargetCarriers } from '../targets/target-access.ts';
import type { Locale } from '../../i18n/index.ts';
import { queueChart } from '../charts/queue-chart.ts';
import { marketCards, marketsChart, teamChart } from './deliver-scorecards.ts';
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

/** The chart the 3rd working day sends with a table (my team's, the markets'); a person's own card has none. */
export function scorecardAnswerChart(
  chart: OrgChart,
  answer: ScorecardAnswer,
  o: { askerId: string; locale: Locale; month: string },
): ChartMessage | undefined {
  const { locale, month } = o;
  if (answer.kind === 'team' && answer.cards.length > 0) return teamChart(chart, o.askerId, answer.cards, o);
  if (answer.kind === 'markets' && answer.rows.length > 0)
    return marketsChart(answer.rows, { locale, month, key: `${month}-markets-${o.askerId}` });
  return undefined;
}

/**
 * Queues a table's chart to the asker's DM, drawn and uploaded by the outbox off the request path, as the
 * monthly run's are. Returns whether there was one.
 */
export async function queueScorecardAnswerChart(
  db: DbLike,
  chart: OrgChart,
  answer: ScorecardAnswer,
  o: { askerId: string; locale: Locale; month: string; now: Date },
): Promise<boolean> {
  const message = scorecardAnswerChart(chart, answer, o);
  if (message) await queueChart(db, o.askerId, message, o.now);
  return message !== undefined;
}
