import type { Visit } from '../../db/visits/visit-repo.ts';
import { storedVisitKind } from '../../domain/visits/visit-kind.ts';
import { maskPhone } from '../../domain/visits/phone.ts';
import { t, type Locale, tFor } from '../../i18n/index.ts';
import { formatDate, formatDateTime, formatTime } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { stageName } from './customer-card.ts';
import { capBlocks, header, section, type Block } from '../blocks.ts';
import { visitKey } from './visit-terms.ts';

export interface VisitAnalysis {
  from: Date;
  to: Date;
  total: number;
  first: number;
  revisit: number;
  bySource: Record<string, number>;
  byGrade: Record<string, number>;
  /** By the filer's day-to-day approver (the team lead, KAM or UM). */
  byTeam: { leadId: string; count: number }[];
  byPerson: { personId: string; count: number }[];
  /** Customer files opened in the period that reached each stage (lost ones counted separately). */
  conversion: { stage: string; count: number }[];
  lost: number;
  /** On a site with deals: visits → 認購 → 簽約 in the period, from the deals, and the collection rate. */
  deals?: {
    reserved: number;
    contracted: number;
    /** cancellations approved in the period, whenever reserved: shown apart, never subtracted */
    cancelled?: number;
    signedFromEarlier?: number;
    dueCents: number;
    paidCents: number;
  };
}

export interface ReportContext {
  locale: Locale;
  timeZone: string;
  nameOf: (slackId: string) => string;
}

/** Lines packed into sections of at most 3,000 characters, within a message's 50 blocks. */
export function packLines(lines: string[], maxBlocks: number, moreLine: (count: number) => string): Block[] {
  const blocks: Block[] = [];
  let current = '';
  for (let i = 0; i < lines.length; i += 1) {
    const line = truncate(lines[i], 500);
    if ([...current].length + [...line].length + 1 > 2900) {
      if (blocks.length === maxBlocks - 1) {
        blocks.push(section(`${current}\n${moreLine(lines.length - i)}`));
        return blocks;
      }
      blocks.push(section(current));
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) blocks.push(section(current));
  return blocks;
}

/**
 * 匯總交女專: one team lead's approved registrations of the day; phones masked. A brand's team gets a
 * 拜訪匯總 of its account visits instead.
 */
export function eveningSummary(
  leadId: string,
  day: Date,
  visits: Visit[],
  c: ReportContext,
): { text: string; blocks: Block[] } {
  const date = formatDate(day, c.timeZone);
  const kind = storedVisitKind(visits[0]?.kind ?? '');
  const title = t(c.locale, visitKey(kind, 'visit.summary.header'), {
    lead: c.nameOf(leadId),
    date,
    count: visits.length,
  });
  // a visit approved today may have taken place another day (a late or resubmitted one): its date is shown
  const when = (at: Date) =>
    formatDate(at, c.timeZone) === date ? formatTime(at, c.timeZone) : formatDateTime(at, c.timeZone);
  const lines = visits.map((v) =>
    (storedVisitKind(v.kind) === 'brand' ? brandSummaryLine : propertySummaryLine)(v, when(v.visitAt), c),
  );
  return {
    text: title,
    blocks: capBlocks([header(title), ...packLines(lines, 45, (count) => t(c.locale, 'visit.mine.more', { count }))]),
  };
}

function propertySummaryLine(v: Visit, time: string, c: ReportContext): string {
  return t(c.locale, 'visit.summary.line', {
    time,
    customer: escapeMrkdwn(truncate(v.customerName || v.account, 40)),
    phone: v.phone ? maskPhone(v.phone) : '—',
    filer: escapeMrkdwn(c.nameOf(v.filerId)),
    source: v.source ? tFor(c.locale, 'visit.source', v.source) : v.purpose ? purposeName(c, v.purpose) : '—',
    type: v.visitType ? tFor(c.locale, 'visit.type', v.visitType) : '—',
    grade: v.grade || '—',
  });
}

export const purposeName = (c: ReportContext, purpose: string): string =>
  purpose ? tFor(c.locale, 'visit.purpose', purpose) : '—';

/** One line of a brand's 拜訪匯總: account, visitor, purpose, outcome and next step. */
function brandSummaryLine(v: Visit, time: string, c: ReportContext): string {
  return t(c.locale, 'visit.summary.line_brand', {
    time,
    account: escapeMrkdwn(truncate(v.account || v.customerName || '—', 40)),
    filer: escapeMrkdwn(c.nameOf(v.filerId)),
    purpose: purposeName(c, v.purpose),
    outcome: escapeMrkdwn(truncate(v.outcome || '—', 120)),
    nextStep: escapeMrkdwn(truncate(v.nextStep || '—', 80)),
  });
}

/**
 * The stages reached, one set of figures per message: on a site with deals, 認購 and 簽約 are the deals'
 * (the 成交轉化's, cancellations counted as there), not the customer files', so the lines and the chart agree.
 */
export function funnelStages(a: VisitAnalysis): { stage: string; count: number }[] {
  const { deals } = a;
  if (!deals) return a.conversion;
  const fromDeals: Record<string, number> = { reserved: deals.reserved, contracted: deals.contracted };
  return a.conversion.map((s) => (s.stage in fromDeals ? { stage: s.stage, count: fromDeals[s.stage] } : s));
}

/** The weekly or monthly analysis for the planning dept, the PM and the deputy. */
export function visitAnalysisMessage(a: VisitAnalysis, c: ReportContext): { text: string; blocks: Block[] } {
  const to = new Date(a.to.getTime() - 1);
  const title = t(c.locale, 'visit.analysis.header', {
    from: formatDate(a.from, c.timeZone),
    to: formatDate(to, c.timeZone),
  });
  const item = (label: string, count: number) => t(c.locale, 'visit.analysis.item', { label, count });
  const join = (items: string[]) => (items.length > 0 ? items.join('　') : t(c.locale, 'visit.analysis.none'));
  const bySource = Object.entries(a.bySource)
    .sort((x, y) => y[1] - x[1])
    .map(([k, n]) => item(tFor(c.locale, 'visit.source', k), n));
  const byGrade = Object.entries(a.byGrade)
    .sort()
    .map(([k, n]) => item(k, n));
  const byTeam = a.byTeam.slice(0, 30).map((g) => item(escapeMrkdwn(c.nameOf(g.leadId)), g.count));
  const byPerson = a.byPerson.slice(0, 60).map((g) => item(escapeMrkdwn(c.nameOf(g.personId)), g.count));
  const conversion = [
    ...funnelStages(a).map((s) => item(stageName(c.locale, s.stage), s.count)),
    item(stageName(c.locale, 'lost'), a.lost),
  ];
  const blocks: Block[] = [
    header(title),
    section(t(c.locale, 'visit.analysis.total', { total: a.total, first: a.first, revisit: a.revisit }), 'total'),
    section(`${t(c.locale, 'visit.analysis.by_source')}\n${join(bySource)}`, 'by_source'),
    section(`${t(c.locale, 'visit.analysis.by_grade')}\n${join(byGrade)}`, 'by_grade'),
    section(`${t(c.locale, 'visit.analysis.by_team')}\n${join(byTeam)}`, 'by_team'),
    section(`${t(c.locale, 'visit.analysis.by_person')}\n${join(byPerson)}`, 'by_person'),
    section(`${t(c.locale, 'visit.analysis.conversion')}\n${conversion.join(' → ')}`, 'conversion'),
  ];
  if (a.deals) blocks.push(section(dealFunnel(a.total, a.deals, c.locale), 'deal_conversion'));
  return {
    text: `${title}\n${t(c.locale, 'visit.analysis.total', { total: a.total, first: a.first, revisit: a.revisit })}`,
    blocks,
  };
}

/** Visits → 認購 → 簽約 from the deals, each as a share of the visits, and the collection rate (回款率). */
function dealFunnel(visits: number, d: NonNullable<VisitAnalysis['deals']>, locale: ReportContext['locale']): string {
  // a share of no visits is no share: 無來訪, not 0%
  const pct = (n: number, of: number) =>
    of > 0 ? `${Math.round((n * 100) / of)}%` : t(locale, 'visit.analysis.no_visits');
  const funnel = t(locale, 'visit.analysis.deal_funnel', {
    visits,
    reserved: d.reserved,
    reservedPct: pct(d.reserved, visits),
    contracted: d.contracted,
    contractedPct: pct(d.contracted, visits),
  });
  const rate =
    d.dueCents > 0
      ? t(locale, 'deal.weekly.rate_short', { rate: Math.floor((d.paidCents * 100) / d.dueCents) })
      : t(locale, 'deal.weekly.rate_none');
  // the funnel follows the period's reservations: say what it keeps and what it leaves beside it
  const notes = [t(locale, 'visit.analysis.deal_cohort')];
  if (d.cancelled) notes.push(t(locale, 'visit.analysis.deal_cancelled', { count: d.cancelled }));
  if (d.signedFromEarlier) notes.push(t(locale, 'visit.analysis.deal_earlier', { count: d.signedFromEarlier }));
  return `${t(locale, 'visit.analysis.deal_conversion')}\n${funnel}\n${notes.join(' ')}\n${rate}`;
}
