import type { ScoreFigure } from '../../domain/scorecards/scorecard-rules.ts';
import { formatMoney } from '../../domain/deals/money.ts';
import { t, tFor, type Locale } from '../../i18n/index.ts';
import type { Scorecard } from './scorecard.ts';

/** An integer in units of 10^-places as decimal text: (2350, 2) → "23.50", (-5, 1) → "-0.5". */
const decimal = (n: number, places: number): string => {
  const scale = 10 ** places;
  const abs = Math.abs(n);
  const whole = `${n < 0 ? '-' : ''}${Math.floor(abs / scale)}`;
  return places === 0 ? whole : `${whole}.${String(abs % scale).padStart(places, '0')}`;
};
/** Rounded half away from zero, alike for a rise and a fall (+13.5 → +14, −13.5 → −14) */
const roundHalfAway = (n: number) => Math.sign(n) * Math.round(Math.abs(n)) || 0;
const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±');

/** A percentage as shown: whole (an attainment is kept unrounded, 66.666…, and rounded only here) */
export const pct = (n: number | null) => (n === null ? '—' : `${roundHalfAway(n)}%`);
/** Tenths of a percent: 81 → "8.1%" */
export const ratio = (tenths: number | null) => (tenths === null ? '—' : `${decimal(tenths, 1)}%`);
/** Hundredths of a point: 2350 → "23.50%" */
export const share = (hundredths: number | null) => (hundredths === null ? '—' : `${decimal(hundredths, 2)}%`);
/** An amount in the organisation's currency, the one money format every card uses. */
export const moneyIn = (locale: Locale, currency: string) => (cents: number) => formatMoney(cents, currency, locale);
const signed = (n: number, shown: (abs: number) => string) => `${sign(n)}${shown(Math.abs(n))}`;

/**
 * The change from last month, or that there is none to show: no figure now or then, or no scorecard
 * last month (`before` absent). Computed from the figures as they are (unrounded attainments: 73.33% →
 * 86.67% is +13 pt, not the +14 of 73% → 87%) and rounded once, here.
 */
export function change(
  locale: Locale,
  now: number | null | undefined,
  before: number | null | undefined,
  shown: (abs: number) => string = String,
): string {
  if (now == null || before == null) return t(locale, 'scorecard.change_none');
  return t(locale, 'scorecard.change', { delta: signed(roundHalfAway(now - before), shown) });
}

/** A figure's rank among peers; with no one else to rank against, said so; without a figure, unranked. */
export function rankText(locale: Locale, card: Scorecard, figure: ScoreFigure, value: unknown): string {
  const rank = card.ranks[figure];
  if (rank !== null)
    return t(locale, card.tied[figure] ? 'scorecard.rank_tied' : 'scorecard.rank', { rank, peers: card.peers[figure] });
  return t(locale, value === null || value === undefined ? 'scorecard.rank_none' : 'scorecard.rank_alone');
}

/** The template's other metrics with a target (a brand's volume and coverage, a site's visits and amount). */
export function metricLines(locale: Locale, card: Scorecard): string[] {
  return Object.entries(card.figures.otherMetrics)
    .filter(([, value]) => value !== null)
    .map(([metric, value]) => {
      const ranked = card.metricRanks[metric];
      const rank =
        ranked?.rank == null
          ? t(locale, 'scorecard.rank_alone')
          : t(locale, ranked.tied ? 'scorecard.rank_tied' : 'scorecard.rank', {
              rank: ranked.rank,
              peers: ranked.peers,
            });
      return t(locale, 'scorecard.metric', {
        metric: tFor(locale, 'metric', metric),
        value: pct(value),
        rank,
        change: change(locale, value, card.before?.otherMetrics[metric], (n) => `${n} pt`),
      });
    });
}

/** Each market's share for whoever runs several, one by one with its change: not one figure, so not ranked. */
function marketSharesLine(locale: Locale, card: Scorecard): string[] {
  const shares = card.figures.marketShares;
  if (!shares) return [];
  const before = new Map((card.before?.marketShares ?? []).map((m) => [m.market, m.share]));
  const items = shares.map((m) =>
    t(locale, 'scorecard.shares_item', {
      market: m.market,
      value: share(m.share),
      change: change(locale, m.share, before.get(m.market), (n) => `${decimal(n, 2)} pt`),
    }),
  );
  return [
    t(locale, 'scorecard.shares', { count: shares.length, list: items.join(t(locale, 'scorecard.shares_joiner')) }),
  ];
}

/** The market's share, for whoever runs one market (the typed figure); each market's for whoever runs several. */
export function shareLines(locale: Locale, card: Scorecard): string[] {
  const value = card.figures.share;
  if (value === null) return marketSharesLine(locale, card);
  return [
    t(locale, 'scorecard.share', {
      value: share(value),
      rank: rankText(locale, card, 'share', value),
      change: change(locale, value, card.before?.share, (n) => `${decimal(n, 2)} pt`),
    }),
  ];
}

/** A site's deals, collections and arrears from the ledger, each ranked and with its change. */
export function dealLines(locale: Locale, card: Scorecard, currency: string): string[] {
  const d = card.figures.deals;
  if (!d) return [];
  const money = moneyIn(locale, currency);
  const was = card.before?.deals ?? undefined;
  const countsChange = (count: number, cents: number, countBefore?: number, centsBefore?: number) =>
    countBefore === undefined || centsBefore === undefined
      ? t(locale, 'scorecard.change_none')
      : t(locale, 'scorecard.change_deals', {
          count: signed(count - countBefore, String),
          amount: signed(cents - centsBefore, money),
        });
  return [
    t(locale, 'scorecard.reserved', {
      count: d.reserved,
      amount: money(d.reservedCents),
      rank: rankText(locale, card, 'reservations', d),
      change: countsChange(d.reserved, d.reservedCents, was?.reserved, was?.reservedCents),
    }),
    t(locale, 'scorecard.contracted', {
      count: d.contracted,
      amount: money(d.contractedCents),
      rank: rankText(locale, card, 'contracts', d),
      change: countsChange(d.contracted, d.contractedCents, was?.contracted, was?.contractedCents),
    }),
    // the month's cancellations, whenever reserved: beside 認購 and 簽約, never taken off them (not ranked)
    ...(typeof d.cancelled === 'number' ? [t(locale, 'scorecard.cancelled', { count: d.cancelled })] : []),
    t(locale, 'scorecard.collected', {
      amount: money(d.collectedCents),
      rank: rankText(locale, card, 'collections', d),
      change: change(locale, d.collectedCents, was?.collectedCents, money),
    }),
    t(locale, 'scorecard.arrears', {
      amount: money(d.arrearsCents),
      rank: rankText(locale, card, 'arrears', d),
      change: change(locale, d.arrearsCents, was?.arrearsCents, money),
    }),
  ];
}

/** A brand's open OSB issues at the month's end and the age of the oldest: shown, not ranked. */
export function osbLines(locale: Locale, card: Scorecard): string[] {
  const { osbOpen, osbOldestDays } = card.figures;
  if (osbOpen === null) return [];
  const oldest = osbOldestDays === null ? '' : t(locale, 'scorecard.osb_oldest', { days: osbOldestDays });
  return [t(locale, 'scorecard.osb', { open: osbOpen, oldest, change: change(locale, osbOpen, card.before?.osbOpen) })];
}

/** The table's extra columns: the market's share (a brand), the deals (a site). */
export function tableExtra(locale: Locale, card: Scorecard, currency: string): string {
  const { share: value, deals } = card.figures;
  const money = moneyIn(locale, currency);
  const parts: string[] = [];
  if (value !== null) parts.push(t(locale, 'scorecard.share_suffix', { share: share(value) }));
  const several = card.figures.marketShares;
  if (several) {
    const list = several.map((m) => `${m.market} ${share(m.share)}`).join(t(locale, 'scorecard.shares_joiner'));
    parts.push(t(locale, 'scorecard.shares_suffix', { list }));
  }
  if (deals)
    parts.push(
      t(locale, 'scorecard.deals_suffix', {
        contracted: deals.contracted,
        collected: money(deals.collectedCents),
        arrears: money(deals.arrearsCents),
      }),
    );
  return parts.join('');
}
