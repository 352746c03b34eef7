import { recordAudit } from '../../db/audit-repo.ts';
import type { Db, DbLike } from '../../db/unit-of-work.ts';
import { scorecardsSent } from '../../db/scorecards/scorecard-repo.ts';
import { transaction } from '../../db/unit-of-work.ts';
import type { Config } from '../../config.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { previousPeriod } from '../../domain/schedule/schedule-rules.ts';
import {
  SCORE_FIGURES,
  nthWorkingDay,
  ranksAmong,
  rankValues,
  scoreWeights,
  UNRANKED,
  type MonthFigures,
  type ScoreFigure,
} from '../../domain/scorecards/scorecard-rules.ts';
import { overallScore, scoreParts } from '../../domain/scorecards/scorecard-score.ts';
import { TEMPLATE_METRICS } from '../../domain/targets/metrics.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate, zonedParts } from '../../lib/format-time.ts';
import type { Scorecard } from '../../views/scorecards/scorecard-views.ts';
import { workingCalendarOf } from '../calendar/working-calendar-of.ts';
import { hasTargets } from '../targets/target-access.ts';
import { targetLookup } from '../targets/target-report.ts';
import { targetOfPerson } from '../../domain/targets/person-target.ts';
import { queueScorecards } from './deliver-scorecards.ts';
import { monthFigures } from './month-figures.ts';

/** The scorecards of a month: everyone with a target that month, ranked among peers of the same role. */
export async function buildScorecards(o: { db: DbLike; chart: OrgChart; monthStart: Date }): Promise<Scorecard[]> {
  const { chart } = o;
  const tz = chart.data.timezone;
  const month = formatDate(o.monthStart, tz).slice(0, 7);
  const monthEnd = previousPeriod('month', new Date(o.monthStart.getTime() + 40 * 86_400_000), tz);
  const before = previousPeriod('month', o.monthStart, tz);
  const period = { kind: 'month' as const, year: Number(month.slice(0, 4)), month: Number(month.slice(5)) };
  const metric = TEMPLATE_METRICS[chart.template][0];
  const carriers = chart.people.map((p) => p.slackId).filter((id) => hasTargets(chart, id));
  // one read of every target, then the one rule per person (a query per person would not scale)
  const lookup = await targetLookup(o.db, chart, period, carriers);
  const people = carriers.filter((id) => targetOfPerson(chart, id, metric, lookup) !== null);
  const [now, last] = await Promise.all([
    monthFigures({ db: o.db, chart, people, month, from: o.monthStart, to: monthEnd.end }),
    monthFigures({
      db: o.db,
      chart,
      people,
      month: formatDate(before.start, tz).slice(0, 7),
      from: before.start,
      to: before.end,
    }),
  ]);
  const weights = scoreWeights(chart);
  const byRole = new Map<string, string[]>();
  for (const id of people) {
    const role = chart.person(id)?.role ?? ''; // people come from the chart: always found
    byRole.set(role, [...(byRole.get(role) ?? []), id]);
  }
  return [...byRole].flatMap(([role, peers]) => cardsOfPeers({ role, peers, month, now, last, weights }));
}

/** How many peers hold each value: counted once per role, not once per peer (5,000 peers would be 25,000,000). */
function tally(values: (number | null)[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** Whether someone else holds the same rank (a tie is shown as one: 並列第 1/2). */
const tiedIn = (counts: Map<number, number>, rank: number | null) => rank !== null && (counts.get(rank) ?? 0) > 1;

/** Each score's rank: 1 + how many scored higher. */
function scoreRanks(scores: (number | null)[]): Map<number, number> {
  const ranks = new Map<number, number>();
  const sorted = scores.filter((s): s is number => s !== null).sort((a, b) => b - a);
  sorted.forEach((s, i) => {
    if (!ranks.has(s)) ranks.set(s, i + 1);
  });
  return ranks;
}

/** The cards of one role's peers: each figure ranked among them, the overall score and its rank. */
function cardsOfPeers(o: {
  role: string;
  peers: string[];
  month: string;
  now: Map<string, MonthFigures>;
  last: Map<string, MonthFigures>;
  weights: Record<ScoreFigure, number>;
}): Scorecard[] {
  const { peers } = o;
  const figuresOf = (id: string) => o.now.get(id) as MonthFigures; // every peer has figures
  const peerFigures = new Map(peers.map((id) => [id, figuresOf(id)]));
  const ranks = ranksAmong(peerFigures);
  const parts = scoreParts(peerFigures);
  const rankOf = (id: string) => ranks.get(id) ?? UNRANKED; // every peer is ranked
  const counts = Object.fromEntries(
    SCORE_FIGURES.map((f) => [f, peers.filter((id) => rankOf(id)[f] !== null).length]),
  ) as Record<ScoreFigure, number>;
  const metrics = Object.keys(peers.length ? figuresOf(peers[0]).otherMetrics : {});
  const metricRanks = new Map(
    metrics.map((m) => [m, rankValues(new Map(peers.map((id) => [id, figuresOf(id).otherMetrics[m] ?? null])))]),
  );
  const scores = peers.map((id) =>
    overallScore(rankOf(id), parts.get(id) ?? UNRANKED, o.weights, figuresOf(id).budgetUsed !== null),
  );
  const figureTallies = new Map(SCORE_FIGURES.map((f) => [f, tally(peers.map((p) => rankOf(p)[f]))]));
  const metricTallies = new Map(metrics.map((m) => [m, tally([...(metricRanks.get(m)?.values() ?? [])])]));
  const scoreTally = tally(scores);
  const rankOfScore = scoreRanks(scores);
  const scorePeers = scores.filter((other) => other !== null).length;
  return peers.map((id, i) => {
    const score = scores[i];
    const scoreRank = score === null ? null : (rankOfScore.get(score) ?? null);
    return {
      personId: id,
      role: o.role,
      month: o.month,
      figures: figuresOf(id),
      // no change from a month they had no scorecard (no target): its figures are not comparable
      before: o.last.get(id)?.attainment == null ? undefined : o.last.get(id),
      ranks: rankOf(id),
      tied: Object.fromEntries(
        SCORE_FIGURES.map((f) => [f, tiedIn(figureTallies.get(f) ?? new Map(), rankOf(id)[f])]),
      ) as Record<ScoreFigure, boolean>,
      peers: counts,
      metricRanks: Object.fromEntries(
        metrics.map((m) => {
          const rank = metricRanks.get(m)?.get(id) ?? null;
          const counts = metricTallies.get(m) ?? new Map<number, number>();
          const peersOf = [...counts.values()].reduce((sum, n) => sum + n, 0);
          return [m, { rank, peers: peersOf, tied: tiedIn(counts, rank) }];
        }),
      ),
      score,
      scoreRank,
      scoreTied: tiedIn(scoreTally, score),
      scorePeers,
    };
  });
}

/**
 * On the 3rd working day of a month (`day`, the day a scheduled run was due; today when not given),
 * last month's scorecards: to each person, their manager (a table
 * with a chart), the market's SLT owner, and the SLT (the markets' table with a chart). Sent once: the
 * mark is written with the messages.
 */
export async function sendScorecards(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  config: Pick<Config, 'calendar'>;
  day?: Date;
}) {
  const { chart } = o;
  const now = o.clock.now();
  const day = o.day ?? now;
  const tz = chart.data.timezone;
  const today = zonedParts(day, tz);
  const calendar = workingCalendarOf(o.config, tz);
  if (today.day !== nthWorkingDay(calendar, today.year, today.month, 3)) return { sent: 0 };
  const last = previousPeriod('month', day, tz);
  const month = formatDate(last.start, tz).slice(0, 7);
  if (await scorecardsSent(o.db, chart.data.orgId, month)) return { sent: 0 };
  const cards = await buildScorecards({ db: o.db, chart, monthStart: last.start });
  await transaction(o.db, async (unit) => {
    if (await scorecardsSent(unit, chart.data.orgId, month)) return;
    await queueScorecards(unit, { chart, cards, month, now });
    await recordAudit(unit, {
      orgId: chart.data.orgId,
      actor: 'bot',
      action: 'scorecards.sent',
      subject: month,
      detail: { cards: cards.length },
      at: now,
    });
  });
  return { sent: cards.length };
}
