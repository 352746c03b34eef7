import type { DbLike } from '../../db/unit-of-work.ts';
import { claimsOf, pendingClaims, type Claim } from '../../db/expenses/claim-repo.ts';

export type { Claim };
import type { OrgChart } from '../../domain/org/org-chart.ts';

/** `/expense list`: the asker's latest claims, and those waiting for the asker's decision. */
export async function listClaims(o: {
  db: DbLike;
  chart: OrgChart;
  askerId: string;
}): Promise<{ mine: Claim[]; waiting: Claim[] }> {
  const orgId = o.chart.data.orgId;
  const [mine, pending] = await Promise.all([claimsOf(o.db, orgId, o.askerId, 15), pendingClaims(o.db, orgId)]);
  return { mine, waiting: pending.filter((c) => c.approvers[c.step] === o.askerId).slice(0, 30) };
}
