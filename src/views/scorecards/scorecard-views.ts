import type { MonthFigures, ScoreFigure } from '../../domain/scorecards/scorecard-rules.ts';
import { t, tFor, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn } from '../../lib/text.ts';

export interface Scorecard {
  personId: string;
  role: string;
  month: string;
  figures: MonthFigures;
  /** Last month's, for the change */
  before: MonthFigures | undefined;
  ranks: Record<ScoreFigure, number | null>;
  peers: Record<ScoreFigure, number>;
  /** The other metrics' attainment ranks among the same peers (those with a target) */
  metricRanks: Record<string, { rank: number | null; peers: number }>;
  score: number | null;
  scoreRank: number;
  scorePeers: number;
}

const pct = (n: number | null) => (n === null ? '—' : `${n}%`);
const ratio = (tenths: number | null) => (tenths === null ? '—' : `${Math.floor(tenths / 10)}.${tenths % 10}%`);
const signed = (n: number, unit: string) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n)}${unit}`;

function change(locale: Locale, now: number | null, before: number | null | undefined, unit: string): string {
  if (now === null || before === null || before === undefined) return t(locale, 'scorecard.change_none');
  return t(locale, 'scorecard.change', { delta: signed(now - before, unit) });
}

/** The template's other metrics with a target (a brand's volume and coverage, a site's visits and amount). */
function metricLines(locale: Locale, card: Scorecard): string[] {
  return Object.entries(card.figures.otherMetrics)
    .filter(([, value]) => value !== null)
    .map(([metric, value]) =>
      t(locale, 'scorecard.metric', {
        metric: tFor(locale, 'metric', metric),
        value: pct(value),
        rank: card.metricRanks[metric]?.rank ?? '—',
        peers: card.metricRanks[metric]?.peers ?? 0,
        change: change(locale, value, card.before?.otherMetrics[metric], ' pt'),
      }),
    );
}

/** A brand's open OSB issues at the month's end and the age of the oldest: shown, not ranked. */
function osbLines(locale: Locale, card: Scorecard): string[] {
  const { osbOpen, osbOldestDays } = card.figures;
  if (osbOpen === null) return [];
  const oldest = osbOldestDays === null ? '' : t(locale, 'scorecard.osb_oldest', { days: osbOldestDays });
  const delta = change(locale, osbOpen, card.before?.osbOpen, '');
  return [t(locale, 'scorecard.osb', { open: osbOpen, oldest, change: delta })];
}

/** A person's scorecard: the overall score and rank among peers, then each figure with its rank and change. */
export function scorecardText(card: Scorecard, o: { locale: Locale; name: string }): string {
  const { locale } = o;
  const f = card.figures;
  const rank = (figure: ScoreFigure) => ({ rank: card.ranks[figure] ?? '—', peers: card.peers[figure] });
  const ratioChange =
    f.ratioTenths === null || card.before?.ratioTenths == null
      ? t(locale, 'scorecard.change_none')
      : t(locale, 'scorecard.change', { delta: signed((f.ratioTenths - card.before.ratioTenths) / 10, ' pt') });
  return [
    t(locale, 'scorecard.title', {
      name: escapeMrkdwn(o.name),
      month: card.month,
      score: card.score ?? '—',
      role: tFor(locale, 'role', card.role),
      rank: card.scoreRank,
      peers: card.scorePeers,
    }),
    t(locale, 'scorecard.sales', {
      value: pct(f.attainment),
      ...rank('sales'),
      change: change(locale, f.attainment, card.before?.attainment, ' pt'),
    }),
    t(locale, 'scorecard.expense', {
      used: pct(f.budgetUsed),
      ratio: ratio(f.ratioTenths),
      ...rank('expense'),
      change: ratioChange,
    }),
    t(locale, 'scorecard.visits', {
      filed: f.visitsFiled,
      value: f.visitsApproved,
      ...rank('visits'),
      change: change(locale, f.visitsApproved, card.before?.visitsApproved, ''),
    }),
    ...metricLines(locale, card),
    ...osbLines(locale, card),
  ].join('\n');
}

const tableLine = (locale: Locale, name: string, card: Scorecard) =>
  t(locale, 'scorecard.team_line', {
    name: escapeMrkdwn(name),
    score: card.score ?? '—',
    attainment: pct(card.figures.attainment),
    ratio: ratio(card.figures.ratioTenths),
    visits: card.figures.visitsApproved,
  });

/** A manager's table of their reports' scorecards. */
export function teamScorecardText(
  cards: Scorecard[],
  o: { locale: Locale; month: string; nameOf: (id: string) => string },
) {
  const lines = cards.map((card) => tableLine(o.locale, o.nameOf(card.personId), card));
  return t(o.locale, 'scorecard.team', { month: o.month, lines: lines.join('\n') });
}

/** The SLT's table of all markets: each market's scorecard (its manager's), best score first. */
export function marketsScorecardText(rows: { label: string; card: Scorecard }[], o: { locale: Locale; month: string }) {
  const sorted = [...rows].sort((a, b) => (b.card.score ?? -1) - (a.card.score ?? -1));
  const lines = sorted.map((row) => tableLine(o.locale, row.label, row.card));
  return t(o.locale, 'scorecard.markets', { month: o.month, lines: lines.join('\n') });
}
