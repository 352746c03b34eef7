import type { DbLike } from '../../db/unit-of-work.ts';
import { claimsOf, claimsToPay, pendingClaims, type Claim } from '../../db/expenses/claim-repo.ts';
import { mayMarkPaid } from '../../domain/expenses/expense-rules.ts';

export type { Claim };
import type { OrgChart } from '../../domain/org/org-chart.ts';

/**
 * `/expense list`: the asker's latest claims, those waiting for the asker's decision, and for a payer
 * the approved claims waiting for payment.
 */
export async function listClaims(o: {
  db: DbLike;
  chart: OrgChart;
  askerId: string;
}): Promise<{ mine: Claim[]; waiting: Claim[]; toPay: Claim[] }> {
  const orgId = o.chart.data.orgId;
  const payer = mayMarkPaid(o.chart, o.askerId);
  const [mine, pending, toPay] = await Promise.all([
    claimsOf(o.db, orgId, o.askerId, 15),
    pendingClaims(o.db, orgId),
    payer ? claimsToPay(o.db, orgId, 30) : [],
  ]);
  return { mine, waiting: pending.filter((c) => c.approvers[c.step] === o.askerId).slice(0, 30), toPay };
}
