import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { ROLES_BY_TEMPLATE, type Role } from '../../domain/org/roles.ts';
import {
  ownedMarketsScorecardTexts,
  type OwnedMarket,
  type Scorecard,
} from '../../views/scorecards/scorecard-views.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf } from '../org/locale-of.ts';

/**
 * Whose card each SLT owner gets in their markets' table: everyone with a card in a market they own, once
 * (in the first such market), except the owner, their own direct reports (in their reports' table
 * already) and market managers (the market's card, sent on its own).
 */
export function ownedMarketPeople(
  chart: OrgChart,
  cards: Scorecard[],
  managerOf: Map<string, string | undefined>,
): Map<string, OwnedMarket[]> {
  const order = ROLES_BY_TEMPLATE[chart.template];
  const rank = (card: Scorecard) => order.indexOf(card.role as Role);
  const byOwner = new Map<string, Map<string, OwnedMarket['people']>>();
  const placed = new Set<string>(); // owner and person: once per owner, in the first of their markets
  for (const card of [...cards].sort((a, b) => rank(a) - rank(b))) {
    if (card.role === 'market_manager') continue;
    for (const code of chart.marketsOf(card.personId)) {
      const owner = chart.marketOwner(code);
      if (!owner || owner === card.personId || owner === managerOf.get(card.personId)) continue;
      const markets = byOwner.get(owner) ?? new Map<string, OwnedMarket['people']>();
      byOwner.set(owner, markets);
      const key = `${owner} ${card.personId}`;
      if (placed.has(key)) continue;
      placed.add(key);
      const people = markets.get(code) ?? [];
      markets.set(code, people);
      people.push({ name: chart.nameOf(card.personId), role: card.role, card });
    }
  }
  const codes = chart.data.markets.map((m) => m.code);
  return new Map(
    [...byOwner].map(([owner, markets]) => [
      owner,
      codes
        .filter((code) => markets.has(code))
        .map((code) => ({ market: chart.market(code)?.name ?? code, people: markets.get(code) ?? [] })),
    ]),
  );
}

/** Queues each SLT owner the table of the people in their markets: a few messages, never one per person. */
export async function queueOwnerTables(
  unit: DbLike,
  o: { chart: OrgChart; cards: Scorecard[]; month: string; now: Date; managerOf: Map<string, string | undefined> },
): Promise<void> {
  for (const [owner, markets] of ownedMarketPeople(o.chart, o.cards, o.managerOf)) {
    const locale = localeOf(o.chart, owner);
    const texts = ownedMarketsScorecardTexts(markets, { locale, month: o.month, currency: currencyOf(o.chart) });
    for (const text of texts) await queueDirectMessage(unit, owner, { text }, o.now);
  }
}
