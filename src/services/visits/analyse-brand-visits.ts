import { brandVisitGroups } from '../../db/visits/visit-report-repo.ts';
import type { BrandVisitAnalysis } from '../../views/visits/brand-visit-reports.ts';
import type { AnalyseVisitsOptions } from './analyse-visits.ts';

const bump = (map: Record<string, number>, key: string, by: number) => {
  map[key] = (map[key] ?? 0) + by;
};
const sorted = (map: Record<string, number>) =>
  Object.entries(map).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

/**
 * A brand's weekly or monthly analysis: account visits by visitor, account, purpose and team. A brand
 * has no first visits, sources, grades or deal stages, so none of those is counted.
 */
export async function analyseBrandVisits(o: AnalyseVisitsOptions): Promise<BrandVisitAnalysis> {
  const groups = await brandVisitGroups(o.db, o.chart.data.orgId, o.from, o.to, o.filerIds);
  const byPerson: Record<string, number> = {};
  const byAccount: Record<string, number> = {};
  const byPurpose: Record<string, number> = {};
  const byTeam: Record<string, number> = {};
  let total = 0;
  for (const group of groups) {
    total += group.count;
    bump(byPerson, group.filerId, group.count);
    if (group.account) bump(byAccount, group.account, group.count);
    if (group.purpose) bump(byPurpose, group.purpose, group.count);
    // the team is whoever approved the visit, as in the evening summary
    bump(byTeam, group.approverId, group.count);
  }
  return {
    from: o.from,
    to: o.to,
    total,
    byAccount: sorted(byAccount).map(([account, count]) => ({ account, count })),
    byPurpose: sorted(byPurpose).map(([purpose, count]) => ({ purpose, count })),
    byTeam: sorted(byTeam).map(([leadId, count]) => ({ leadId, count })),
    byPerson: sorted(byPerson).map(([personId, count]) => ({ personId, count })),
  };
}
