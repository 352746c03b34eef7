import type { Config } from '../../config.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { focusPlanState } from './focus-plan-state.ts';
import { defaultFocusMonth } from './focus-roles.ts';
import { focusStatus } from './work-focus.ts';

/** One month in a `/focus status` answer: its acknowledgements once published, else where it stands. */
export type FocusMonthReport =
  | { month: string; status: 'published'; acked: string[]; pending: string[] }
  | { month: string; status: 'none' | 'draft' | 'approved'; publishAt: Date; upcoming: boolean };

async function reportOn(o: FocusStatusReportOptions, month: string, upcoming: boolean): Promise<FocusMonthReport> {
  const status = await focusStatus({ db: o.db, chart: o.chart, askerId: o.askerId, month });
  if (status) return { month, status: 'published', ...status };
  const state = await focusPlanState({ db: o.db, chart: o.chart, config: o.config, month });
  // published between the two reads: reported as not yet, the next ask shows the counts
  return { month, status: state.status === 'published' ? 'none' : state.status, publishAt: state.publishAt, upcoming };
}

export interface FocusStatusReportOptions {
  db: DbLike;
  chart: OrgChart;
  config: Pick<Config, 'calendar'>;
  askerId: string;
  now: Date;
  /** A month named by the asker; without one, this month and, when it is in play, the next. */
  month?: string;
}

/**
 * What `/focus status` reports. Bare, it agrees with `/focus`: this month, and next month too once
 * this month's focus day has passed (when `/focus` drafts next month) or whenever next month's exists.
 */
export async function focusStatusReport(o: FocusStatusReportOptions): Promise<FocusMonthReport[]> {
  if (o.month) return [await reportOn(o, o.month, false)];
  const fallback = defaultFocusMonth({ chart: o.chart, config: o.config, now: o.now });
  const [year, month] = formatDateTime(o.now, o.chart.data.timezone).slice(0, 7).split('-').map(Number);
  const current = await reportOn(o, `${year}-${String(month).padStart(2, '0')}`, false);
  const nextMonth = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  const next = await reportOn(o, nextMonth, true);
  return fallback.movedOn || next.status !== 'none' ? [current, next] : [current];
}
