import type { Config } from '../../config.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import { findFocusPlan } from '../../db/rhythm/focus-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { focusPublishInstant } from '../../domain/rhythm/rhythm-rules.ts';
import { workingCalendarOf } from '../calendar/working-calendar-of.ts';

/**
 * Where a month's focus stands before it is published: not drafted, waiting for approval, or
 * approved and due to publish (when), so that `/focus status` says more than "not published".
 */
export async function focusPlanState(o: {
  db: DbLike;
  chart: OrgChart;
  config: Pick<Config, 'calendar'>;
  month: string;
}): Promise<{ status: 'none' | 'draft' | 'approved' | 'published'; publishAt: Date }> {
  const plan = await findFocusPlan(o.db, o.chart.data.orgId, o.month);
  const [year, month] = o.month.split('-').map(Number);
  const publishAt = focusPublishInstant(workingCalendarOf(o.config, o.chart.data.timezone), year, month);
  const known = ['draft', 'approved', 'published'] as const;
  const status = known.find((s) => s === plan?.status) ?? 'none';
  return { status, publishAt };
}
