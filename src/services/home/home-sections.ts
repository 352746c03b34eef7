import type { Db } from '../../db/unit-of-work.ts';
import { findFocusPlan } from '../../db/rhythm/focus-repo.ts';
import { unresolvedIssuesOf } from '../../db/issues/issue-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { currentMonth } from '../../domain/targets/periods.ts';
import { t, type Locale, tFor } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { divider, section, type Block } from '../../views/blocks.ts';
import { scopeReportBlocks } from '../../views/targets/target-views.ts';
import { homeView } from '../../views/home/home-view.ts';
import { localeOf } from '../org/locale-of.ts';
import { pendingDecisions } from '../visits/pending-decisions.ts';
import { scopeReport } from '../targets/target-report.ts';
import { focusUseOf } from '../rhythm/focus-roles.ts';
import { listTasks } from '../tasks/list-tasks.ts';
import { taskViewFor } from '../tasks/task-messages.ts';
import { taskHomeBlocks } from '../../views/tasks/task-list.ts';
import { boardSummary } from '../deals/units-board.ts';
import { homeUnitsBlocks } from '../../views/deals/units-home.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';

/** App Home: this month's focus, my pending approvals, my open issues, my targets with progress. */
export async function homeSections(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  userId: string;
  locale: Locale;
}): Promise<Block[]> {
  const { chart, userId, locale } = o;
  if (!chart.person(userId)) return [];
  const now = o.clock.now();
  const orgId = chart.data.orgId;
  const month = formatDate(now, chart.data.timezone).slice(0, 7);
  const [focus, approvals, issues, targets, tasks, units] = await Promise.all([
    findFocusPlan(o.db, orgId, month),
    pendingDecisions({ db: o.db, chart, userId, locale }),
    unresolvedIssuesOf(o.db, orgId, userId, 15),
    scopeReport({
      db: o.db,
      chart,
      viewerId: userId,
      scope: { kind: 'person', id: userId },
      period: currentMonth(now, chart.data.timezone),
      now,
    }),
    listTasks({ db: o.db, chart, askerId: userId, now }),
    boardSummary({ db: o.db, chart, viewerId: userId }),
  ]);
  const none = t(locale, 'home.none');
  const focusText =
    focus?.status === 'published'
      ? `${escapeMrkdwn(truncate(focus.main, 300))}\n① ${escapeMrkdwn(truncate(focus.secondary1, 200))}\n② ` +
        `${escapeMrkdwn(truncate(focus.secondary2, 200))}`
      : t(locale, 'home.focus.none');
  const issueLines = issues.map((i) =>
    t(locale, 'home.issues.line', {
      number: i.number,
      title: escapeMrkdwn(truncate(i.title, 40)),
      status: tFor(locale, 'issue.status', i.status),
    }),
  );
  return [
    divider(),
    section(`${t(locale, 'home.focus')}\n${focusText}`, 'home_focus'),
    section(`${t(locale, 'home.approvals')}\n${approvals.join('\n') || none}`, 'home_approvals'),
    section(`${t(locale, 'home.issues')}\n${issueLines.join('\n') || none}`, 'home_issues'),
    ...taskHomeBlocks(tasks, { ...taskViewFor(chart, userId, now), locale }),
    ...(units ? homeUnitsBlocks(units.totals, units.buildings, { currency: currencyOf(chart), locale }) : []),
    section(t(locale, 'home.targets'), 'home_targets_title'),
    ...scopeReportBlocks(targets, { locale, periodLabel: month, currency: currencyOf(chart) }),
  ];
}

/** A person's whole App Home, in their language. */
export async function homeFor(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  userId: string;
}): Promise<ReturnType<typeof homeView>> {
  const locale = localeOf(o.chart, o.userId);
  return homeView(o.chart, o.userId, locale, await homeSections({ ...o, locale }), focusUseOf(o.chart, o.userId));
}
