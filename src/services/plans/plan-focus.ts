import { approvedPlanCovering, findPlanVersion } from '../../db/plans/plan-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { planRange } from '../../views/plans/plan-views.ts';
import { readContent } from './plan-content.ts';

/**
 * The focus items an approved stage plan gives a month it covers: the main and two secondary focuses,
 * the site's row (its schedule) and targets, and which plan they came from. Null when none covers it.
 */
export async function stagePlanFocus(db: DbLike, chart: OrgChart, month: string) {
  const plan = await approvedPlanCovering(db, chart.data.orgId, 'stage', month);
  const version = plan ? await findPlanVersion(db, plan.id, plan.version) : null;
  if (!plan || !version) return null;
  const c = readContent(version.content);
  return {
    focus: { main: c.focusMain, secondary1: c.focusSecondary1, secondary2: c.focusSecondary2 },
    targets: c.targets.slice(0, 200),
    rowFocus: c.schedule.slice(0, 300),
    from: { range: planRange(c), version: plan.version },
  };
}
