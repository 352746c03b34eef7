import type { DbLike } from '../../db/unit-of-work.ts';
import { recentActuals, type Actual } from '../../db/targets/target-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';

export interface ListRecentSalesOptions {
  db: DbLike;
  chart: OrgChart;
  askerId: string;
  /** how many, newest first */
  take?: number;
}

/**
 * `/sales list`: whoever records for the whole field sees what they recorded, and otherwise only
 * the figures of people they may see.
 */
export function listRecentSales({ db, chart, askerId, take = 20 }: ListRecentSalesOptions): Promise<Actual[]> {
  return recentActuals(db, chart.data.orgId, chart.visibleTo(askerId), take, askerId);
}
