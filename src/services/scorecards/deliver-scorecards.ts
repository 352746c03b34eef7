import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { t, type Locale } from '../../i18n/index.ts';
import type { ChartMessage } from '../../views/charts/chart-spec.ts';
import { scorecardChart } from '../../views/charts/scorecard-chart.ts';
import {
  marketsScorecardText,
  scorecardText,
  teamScorecardText,
  type Scorecard,
} from '../../views/scorecards/scorecard-views.ts';
import { queueChart } from '../charts/queue-chart.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf } from '../org/locale-of.ts';
import { queueOwnerTables } from './owner-scorecards.ts';

const bar = (label: string, card: Scorecard) => ({
  label,
  score: card.score,
  attainment: card.figures.attainment === null ? null : Math.round(card.figures.attainment),
});

/** The chart of the markets' table: each market's overall score, as the SLT gets it and its agenda carries it. */
export function marketsChart(
  markets: { label: string; card: Scorecard }[],
  o: { locale: Locale; month: string; key: string },
): ChartMessage {
  const title = t(o.locale, 'charts.scorecard.markets_title', { month: o.month });
  const bars = markets.map((m) => bar(m.label, m.card));
  return scorecardChart({ locale: o.locale, title, key: o.key, bars });
}

/** The chart of a manager's table: each report's overall score, as the 3rd working day sends it. */
export function teamChart(
  chart: OrgChart,
  manager: string,
  cards: Scorecard[],
  o: { locale: Locale; month: string },
): ChartMessage {
  const title = t(o.locale, 'charts.scorecard.team_title', { name: chart.nameOf(manager), month: o.month });
  const bars = cards.map((c) => bar(chart.nameOf(c.personId), c));
  return scorecardChart({ locale: o.locale, title, key: `${o.month}-${manager}`, bars });
}

/**
 * A brand's markets as the SLT reads them: each market manager's card, which carries the market's
 * target, labelled with the market's name. A property site has no markets.
 */
export function marketCards(chart: OrgChart, cards: Scorecard[]): { label: string; card: Scorecard }[] {
  const names = new Map(chart.data.markets.map((m) => [m.code, m.name]));
  return cards
    .filter((card) => chart.person(card.personId)?.role === 'market_manager')
    .map((card) => {
      const markets = (chart.person(card.personId)?.markets ?? []).map((code) => names.get(code) ?? code);
      return { label: `${markets.join('、')} ${chart.nameOf(card.personId)}`.trim(), card };
    });
}

/**
 * Queues a month's scorecards in the unit: each to its person; to each manager the table of their
 * reports with a chart of their scores; a market manager's (the market's) also to the market's SLT
 * owner, and everyone else's in the SLT owner's table of their markets' people; and to the SLT the table
 * of all markets with its chart.
 */
export async function queueScorecards(
  unit: DbLike,
  o: { chart: OrgChart; cards: Scorecard[]; month: string; now: Date },
) {
  const { chart, cards, month, now } = o;
  for (const card of cards) {
    const locale = localeOf(chart, card.personId);
    const text = scorecardText(card, { locale, name: chart.nameOf(card.personId), currency: currencyOf(chart) });
    await queueDirectMessage(unit, card.personId, { text }, now);
  }
  const managerOf = new Map(cards.map((c) => [c.personId, chart.primaryApprover(c.personId)]));
  for (const manager of new Set([...managerOf.values()].filter((id) => id !== undefined))) {
    const mine = cards.filter((c) => managerOf.get(c.personId) === manager);
    const locale = localeOf(chart, manager);
    const nameOf = (id: string) => chart.nameOf(id);
    await queueDirectMessage(
      unit,
      manager,
      { text: teamScorecardText(mine, { locale, month, nameOf, currency: currencyOf(chart) }) },
      now,
    );
    await queueChart(unit, manager, teamChart(chart, manager, mine, { locale, month }), now);
  }
  const markets = marketCards(chart, cards);
  for (const { card } of markets) {
    const owners = new Set((chart.person(card.personId)?.markets ?? []).map((code) => chart.marketOwner(code)));
    for (const owner of owners) {
      if (!owner || owner === card.personId || owner === managerOf.get(card.personId)) continue;
      const locale = localeOf(chart, owner);
      const text = scorecardText(card, { locale, name: chart.nameOf(card.personId), currency: currencyOf(chart) });
      await queueDirectMessage(unit, owner, { text }, now);
    }
  }
  await queueOwnerTables(unit, { chart, cards, month, now, managerOf });
  if (markets.length === 0) return;
  for (const member of chart.people.filter((p) => chart.isLeadership(p.slackId))) {
    const locale = localeOf(chart, member.slackId);
    const text = marketsScorecardText(markets, { locale, month, currency: currencyOf(chart) });
    await queueDirectMessage(unit, member.slackId, { text }, now);
    const key = `${month}-markets-${member.slackId}`;
    await queueChart(unit, member.slackId, marketsChart(markets, { locale, month, key }), now);
  }
}
