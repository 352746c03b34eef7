import { customerStageCounts } from '../../db/visits/customer-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import { visitDayGroups } from '../../db/visits/visit-report-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { DEAL_STAGES } from '../../domain/visits/deal-stages.ts';
import { formatDate } from '../../lib/format-time.ts';
import type { VisitAnalysis } from '../../views/visits/visit-reports.ts';
import { owedByOwner } from '../../db/deals/collections-repo.ts';
import { dealCountsOf } from '../../db/deals/deal-period-repo.ts';
import { addDays } from '../../domain/deals/reservation.ts';

// the view defines the analysis it renders
export type { VisitAnalysis };

export interface AnalyseVisitsOptions {
  db: DbLike;
  chart: OrgChart;
  from: Date;
  to: Date;
  /** Only these filers (a market manager's subtree); everyone when omitted. */
  filerIds?: string[];
}

const bump = (map: Record<string, number>, key: string, by: number) => {
  map[key] = (map[key] ?? 0) + by;
};

/**
 * The weekly and monthly analysis of approved registrations, over whole local days. The database
 * adds up the per-day counts kept at approval (VisitDayCount), so a million registrations are a few
 * hundred rows here; only the resulting groups are added up in code.
 */
export async function analyseVisits(o: AnalyseVisitsOptions): Promise<VisitAnalysis> {
  const orgId = o.chart.data.orgId;
  const tz = o.chart.data.timezone;
  const [counted, stages, deals] = await Promise.all([
    visitDayGroups(o.db, orgId, formatDate(o.from, tz), formatDate(o.to, tz), o.filerIds),
    customerStageCounts(o.db, orgId, o.from, o.to, o.filerIds),
    o.chart.template === 'property-site' ? dealFunnelOf(o) : undefined,
  ]);
  const bySource: Record<string, number> = {};
  const byGrade: Record<string, number> = {};
  const byLead: Record<string, number> = {};
  const byPerson: Record<string, number> = {};
  let total = 0;
  let first = 0;
  for (const group of counted) {
    const count = group.count;
    total += count;
    if (group.visitType === 'first') first += count;
    if (group.source) bump(bySource, group.source, count);
    if (group.grade) bump(byGrade, group.grade, count);
    bump(byPerson, group.filerId, count);
    bump(byLead, o.chart.primaryApprover(group.filerId) ?? group.filerId, count);
  }
  const atStage = Object.fromEntries(stages.map((s) => [s.stage, s.count]));
  // a file at a later stage has passed through every earlier one
  const conversion = DEAL_STAGES.map((stage, index) => ({
    stage,
    count: DEAL_STAGES.slice(index).reduce((sum, later) => sum + (atStage[later] ?? 0), 0),
  }));
  const sorted = (map: Record<string, number>) => Object.entries(map).sort((a, b) => b[1] - a[1]);
  return {
    from: o.from,
    to: o.to,
    total,
    first,
    revisit: total - first,
    bySource,
    byGrade,
    byTeam: sorted(byLead).map(([leadId, count]) => ({ leadId, count })),
    byPerson: sorted(byPerson).map(([personId, count]) => ({ personId, count })),
    conversion,
    lost: atStage.lost ?? 0,
    deals,
  };
}

/** A site's 認購 and 簽約 in the period from its deals, and what fell due by the period's end and is paid. */
async function dealFunnelOf(o: AnalyseVisitsOptions): Promise<NonNullable<VisitAnalysis['deals']>> {
  const orgId = o.chart.data.orgId;
  const lastDay = addDays(formatDate(o.to, o.chart.data.timezone), -1);
  const [counts, owed] = await Promise.all([
    dealCountsOf(o.db, orgId, { from: o.from, to: o.to, ownerIds: o.filerIds }),
    owedByOwner(o.db, orgId, lastDay, o.to), // as the period stood: a deal cancelled since still owed then
  ]);
  const kept = o.filerIds ? owed.filter((row) => o.filerIds?.includes(row.ownerId)) : owed;
  // the funnel follows the period's reservations; cancellations are the period's own, as in every report
  return {
    reserved: counts.reserved,
    contracted: counts.reservedAndSigned,
    cancelled: counts.cancelled,
    signedFromEarlier: counts.contracted - counts.reservedAndSigned,
    dueCents: kept.reduce((sum, row) => sum + row.dueCents, 0),
    paidCents: kept.reduce((sum, row) => sum + row.paidCents, 0),
  };
}
