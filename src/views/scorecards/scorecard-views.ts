import { t, tFor, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import type { Scorecard } from './scorecard.ts';
import {
  change,
  dealLines,
  metricLines,
  osbLines,
  pct,
  ratio,
  rankText,
  shareLines,
  tableExtra,
} from './scorecard-figures.ts';

export type { Scorecard };

const standing = (locale: Locale, card: Scorecard) => {
  const role = tFor(locale, 'role', card.role);
  return card.scoreRank === null
    ? t(locale, 'scorecard.standing_none', { role })
    : t(locale, card.scoreTied ? 'scorecard.standing_tied' : 'scorecard.standing', {
        role,
        rank: card.scoreRank,
        peers: card.scorePeers,
      });
};

/**
 * Budget used and the expense ratio (spend ÷ sales): with no sales the month has no ratio, and says so
 * (not 上月無資料, which is about last month's scorecard); with none last month, the change says that.
 */
function expenseLine(locale: Locale, card: Scorecard): string {
  const f = card.figures;
  if (f.ratioTenths === null) return t(locale, 'scorecard.expense_no_sales', { used: pct(f.budgetUsed) });
  const noneBefore = card.before !== undefined && card.before.ratioTenths === null;
  return t(locale, 'scorecard.expense', {
    used: pct(f.budgetUsed),
    ratio: ratio(f.ratioTenths),
    rank: rankText(locale, card, 'expense', f.ratioTenths),
    change: noneBefore
      ? t(locale, 'scorecard.change_no_sales')
      : change(locale, f.ratioTenths, card.before?.ratioTenths, (n) => `${ratio(n).slice(0, -1)} pt`),
  });
}

/** A person's scorecard: the overall score and rank among peers, then each figure with its rank and change. */
export function scorecardText(card: Scorecard, o: { locale: Locale; name: string; currency: string }): string {
  const { locale } = o;
  const f = card.figures;
  const before = card.before;
  return [
    t(locale, 'scorecard.title', {
      name: escapeMrkdwn(o.name),
      month: card.month,
      score: card.score ?? '—',
      standing: standing(locale, card),
    }),
    t(locale, 'scorecard.sales', {
      value: pct(f.attainment),
      rank: rankText(locale, card, 'sales', f.attainment),
      change: change(locale, f.attainment, before?.attainment, (n) => `${n} pt`),
    }),
    expenseLine(locale, card),
    t(locale, 'scorecard.visits', {
      filed: f.visitsFiled,
      value: f.visitsApproved,
      rank: rankText(locale, card, 'visits', f.visitsApproved),
      change: change(locale, f.visitsApproved, before?.visitsApproved),
    }),
    ...shareLines(locale, card),
    ...dealLines(locale, card, o.currency),
    ...metricLines(locale, card),
    ...osbLines(locale, card),
  ].join('\n');
}

const tableLine = (locale: Locale, name: string, card: Scorecard, currency: string) =>
  t(locale, 'scorecard.team_line', {
    name: escapeMrkdwn(name),
    score: card.score ?? '—',
    attainment: pct(card.figures.attainment),
    ratio: ratio(card.figures.ratioTenths),
    visits: card.figures.visitsApproved,
    extra: tableExtra(locale, card, currency),
  });

/** A manager's table of their reports' scorecards. */
export function teamScorecardText(
  cards: Scorecard[],
  o: { locale: Locale; month: string; nameOf: (id: string) => string; currency: string },
) {
  const lines = cards.map((card) => tableLine(o.locale, o.nameOf(card.personId), card, o.currency));
  return t(o.locale, 'scorecard.team', { month: o.month, lines: lines.join('\n') });
}

/** The SLT's table of all markets: each market's scorecard (its manager's), best score first. */
export function marketsScorecardText(
  rows: { label: string; card: Scorecard }[],
  o: { locale: Locale; month: string; currency: string },
) {
  const sorted = [...rows].sort((a, b) => (b.card.score ?? -1) - (a.card.score ?? -1));
  const lines = sorted.map((row) => tableLine(o.locale, row.label, row.card, o.currency));
  return t(o.locale, 'scorecard.markets', { month: o.month, lines: lines.join('\n') });
}

/** At most so many people a message, so a market of hundreds stays within what Slack shows of one. */
export const OWNER_TABLE_LINES = 100;

/** One market's people for its SLT owner: each with their role and card, in the order shown. */
export interface OwnedMarket {
  market: string;
  people: { name: string; role: string; card: Scorecard }[];
}

/**
 * An SLT owner's table of the people in the markets they own: per market, per role (peers rank among
 * their role), best score first; in as few messages as fit (100 people each, numbered), never one per person.
 */
export function ownedMarketsScorecardTexts(
  markets: OwnedMarket[],
  o: { locale: Locale; month: string; currency: string },
): string[] {
  const { locale } = o;
  const lines: { text: string; person: boolean }[] = [];
  for (const market of markets) {
    const roles = [...new Set(market.people.map((p) => p.role))];
    for (const role of roles) {
      const heading = t(locale, 'scorecard.owned_heading', { market: market.market, role: tFor(locale, 'role', role) });
      lines.push({ text: heading, person: false });
      const peers = market.people.filter((p) => p.role === role);
      const sorted = [...peers].sort((a, b) => (b.card.score ?? -1) - (a.card.score ?? -1));
      for (const p of sorted) lines.push({ text: tableLine(locale, p.name, p.card, o.currency), person: true });
    }
  }
  const count = lines.filter((l) => l.person).length;
  const parts: string[][] = [];
  let part: string[] = [];
  let people = 0;
  for (const line of lines) {
    if (line.person && people === OWNER_TABLE_LINES) {
      parts.push(part);
      part = [];
      people = 0;
    }
    part.push(line.text);
    if (line.person) people += 1;
  }
  if (part.length > 0) parts.push(part);
  return parts.map((body, i) =>
    t(locale, 'scorecard.owned', {
      month: o.month,
      count,
      part: parts.length > 1 ? t(locale, 'scorecard.owned_part', { n: i + 1, of: parts.length }) : '',
      lines: body.join('\n'),
    }),
  );
}
