import type { Db } from '../../db/database.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import type { Metric } from '../../domain/targets/metrics.ts';
import { periodKey, type Period } from '../../domain/targets/periods.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import { teamAttainmentChart } from '../../views/charts/attainment-chart.ts';
import { transaction } from '../../db/unit-of-work.ts';
import { scopeLabel } from '../targets/set-targets.ts';
import { leadsTargetCarriers } from '../targets/target-access.ts';
import { teamReports } from '../targets/target-report.ts';
import { queueChart } from './queue-chart.ts';

/**
 * `/targets team chart`: one chart per metric `/targets team` would show, each direct report's
 * attainment against the month's pace, queued to the asker's DM (drawn and uploaded by the outbox).
 * The same rule as `/targets team`: only someone with reports who carry targets. With nothing to draw,
 * the DM says so. Returns how many charts were queued.
 */
export async function queueTeamChart(o: {
  db: Db;
  chart: OrgChart;
  askerId: string;
  period: Period;
  periodLabel: string;
  now: Date;
  locale: Locale;
  metric?: Metric;
}): Promise<number> {
  const { chart, locale } = o;
  if (!leadsTargetCarriers(chart, o.askerId))
    throw new AppError(ErrorCode.Forbidden, {}, `${o.askerId} has no reports`, 'targets.team.no_reports');
  const reports = await teamReports({
    db: o.db,
    chart,
    managerId: o.askerId,
    period: o.period,
    now: o.now,
    metric: o.metric,
  });
  const charts = reports.map((report) =>
    teamAttainmentChart({
      locale,
      managerName: chart.nameOf(o.askerId),
      metricLabel: t(locale, `metric.${report.metric}`),
      periodLabel: o.periodLabel,
      periodKey: `${periodKey(o.period)}-${report.metric}`,
      bars: report.lines.map((line) => ({
        label: scopeLabel(chart, line, locale),
        attainment: line.progress.attainment,
      })),
      // coverage is a ratio, not an amount that grows through the month: no pace to measure it by
      pace: report.total.progress.unpaced ? undefined : report.total.progress.elapsed,
    }),
  );
  await transaction(o.db, async (unit) => {
    if (charts.length === 0)
      await queueDirectMessage(
        unit,
        o.askerId,
        { text: t(locale, 'charts.team.none', { period: o.periodLabel }) },
        o.now,
      );
    for (const message of charts) await queueChart(unit, o.askerId, message, o.now);
  });
  return charts.length;
}
