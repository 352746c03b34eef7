import type { Config } from '../../config.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { focusPublishInstant } from '../../domain/rhythm/rhythm-rules.ts';
import { t } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import type { FocusUse } from '../../views/home/home-view.ts';
import { workingCalendarOf } from '../calendar/working-calendar-of.ts';
import type { localeOf } from '../org/locale-of.ts';

/*
 * Who takes part in the month's work focus (本月工作重點): who drafts, approves, reads its status
 * and receives it, and which rows (markets, or the site) it has.
 */

export const isSite = (chart: OrgChart) => chart.template === 'property-site';

/**
 * Which month `/focus` drafts when none is named: this month until its focus is due, then next
 * month (a draft for a day already gone would only publish late).
 */
export function defaultFocusMonth(o: { chart: OrgChart; config: Pick<Config, 'calendar'>; now: Date }): {
  month: string;
  movedOn: boolean;
  passed: Date;
} {
  const tz = o.chart.data.timezone;
  const [year, month] = formatDateTime(o.now, tz).slice(0, 7).split('-').map(Number);
  const passed = focusPublishInstant(workingCalendarOf(o.config, tz), year, month);
  if (o.now < passed) return { month: `${year}-${String(month).padStart(2, '0')}`, movedOn: false, passed };
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  return { month: next, movedOn: true, passed };
}

/** Who drafts: the SLT on a brand; on a site the project manager (and leadership). */
export function mayDraftFocus(chart: OrgChart, id: string): boolean {
  return chart.isLeadership(id);
}

/** Who may ask `/focus status`: leadership and the sales secretaries. */
export function mayReadFocusStatus(chart: OrgChart, id: string): boolean {
  return chart.isLeadership(id) || chart.isSsg(id);
}

/** Which of `/focus` a person may use, so that App Home lists only that. */
export function focusUseOf(chart: OrgChart, id: string): FocusUse {
  if (mayDraftFocus(chart, id)) return 'draft';
  return mayReadFocusStatus(chart, id) ? 'status' : 'none';
}

/**
 * Who approves: the general manager or sales director; on a site the PM's managers or the sales
 * director. Never the drafter: a second person approves, another leader if no approver is left.
 */
export function focusApprovers(chart: OrgChart, drafterId?: string): string[] {
  const pm = chart.firstWithRole('project_manager')?.slackId;
  const named = !isSite(chart)
    ? chart.people.filter((p) => p.role === 'general_manager' || p.role === 'sales_director').map((p) => p.slackId)
    : [
        ...new Set([
          ...(pm ? (chart.managerLevels(pm)[0] ?? []) : []),
          ...chart.withRole('sales_director').map((p) => p.slackId),
        ]),
      ];
  const others = named.filter((id) => id !== drafterId);
  if (others.length > 0 || drafterId === undefined) return others;
  return leadershipOf(chart).filter((id) => id !== drafterId);
}

export const leadershipOf = (chart: OrgChart) =>
  chart.people.filter((p) => chart.isLeadership(p.slackId)).map((p) => p.slackId);

/** Field people and the markets whose part of the focus they get. */
export function focusAudience(chart: OrgChart): { personId: string; markets: string[] }[] {
  if (isSite(chart)) {
    const pm = chart.firstWithRole('project_manager')?.slackId;
    return pm ? chart.allReports(pm).map((personId) => ({ personId, markets: ['site'] })) : [];
  }
  const field = new Set(['market_manager', 'unit_manager', 'key_account_manager', 'sales_rep']);
  return chart.people
    .filter((p) => field.has(p.role))
    .map((p) => ({ personId: p.slackId, markets: chart.marketsOf(p.slackId) }));
}

export function focusRowsFor(chart: OrgChart, locale: ReturnType<typeof localeOf>): { code: string; name: string }[] {
  return isSite(chart)
    ? [{ code: 'site', name: t(locale, 'focus.site') }]
    : chart.data.markets.map((m) => ({ code: m.code, name: m.name }));
}
