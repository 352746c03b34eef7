import { t, type Locale, type MessageKey } from '../../i18n/index.ts';
import type { Progress } from '../../domain/targets/progress.ts';
import { progressBar } from '../../domain/targets/progress.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import type { Scope } from '../../db/targets/target-repo.ts';
import type { Metric } from '../../domain/targets/metrics.ts';
import { formatMetric } from '../../domain/targets/figures.ts';
import type { Period } from '../../domain/targets/periods.ts';
import type { TeamRow } from '../../domain/targets/team-rows.ts';
import { capBlocks, context, header, section, type Block } from '../blocks.ts';

export interface MetricLine {
  metric: Metric;
  progress: Progress;
}

export interface ScopeReport {
  scope: Scope;
  period: Period;
  lines: MetricLine[];
  /** On a site: the cancellations approved in the period, shown apart (never taken off 認購 or 簽約). */
  cancelled?: number;
}

export interface TeamLine {
  /** A direct report (their subtree rolled up) or a market the manager runs with no manager below. */
  kind: TeamRow['kind'];
  id: string;
  target: number | null;
  actual: number;
  progress: Progress;
}

export interface TeamReport {
  metric: Metric;
  /** The manager's own target as every view reads it, and the actual of the whole subtree. */
  total: MetricLine;
  /** The manager's own target (null when none), and the rows' targets added up: shown beside it when they differ. */
  ownTarget: number | null;
  rowsTarget: number | null;
  lines: TeamLine[];
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
/** A plain number typed in free text (a focus's figures); stored figures go through formatMetric. */
export const formatNumber = (n: number): string => numberFormat.format(n);
const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n)}%`);

export function paceText(locale: Locale, p: Progress): string {
  if (p.attainment === null) return '';
  if (p.unpaced) return t(locale, 'targets.pace.unpaced', { done: Math.round(p.attainment) });
  const elapsed = Math.round(p.elapsed);
  const done = Math.round(p.attainment);
  const points = Math.abs(done - elapsed);
  const key: MessageKey =
    points === 0 ? 'targets.pace.on_track' : done < elapsed ? 'targets.pace.behind' : 'targets.pace.ahead';
  return t(locale, key, { elapsed, done, points });
}

/**
 * The digest's attainment line: per metric actual/target and the pace, or the actual and 未設目標
 * without a target (as `/targets` says it); — when nothing is targeted or done.
 */
export function digestAttainmentLine(locale: Locale, lines: MetricLine[], currency: string): string {
  const figure = (metric: Metric, units: number) => formatMetric(metric, units, { currency, locale });
  const one = ({ metric, progress }: MetricLine) => {
    const name = t(locale, `metric.${metric}`);
    const actual = figure(metric, progress.actual);
    if (progress.attainment === null) return t(locale, 'digest.attainment.no_target', { metric: name, actual });
    const target = figure(metric, progress.target);
    const figures = t(locale, 'digest.attainment.line', { metric: name, actual, target });
    return `${figures} ${paceText(locale, progress)}`.trim();
  };
  return lines.map(one).join('；') || '—';
}

/** One period of one scope: target, actual, attainment, a text bar and the pace, per metric. */
export function scopeReportBlocks(
  report: ScopeReport,
  o: { locale: Locale; periodLabel: string; currency: string },
): Block[] {
  const formatFigure = (metric: Metric, units: number) => formatMetric(metric, units, o);
  const lines = report.lines.map(({ metric, progress }) =>
    progress.attainment === null
      ? t(o.locale, 'targets.line.no_target', {
          metric: t(o.locale, `metric.${metric}`),
          actual: formatFigure(metric, progress.actual),
        })
      : t(o.locale, 'targets.line', {
          metric: t(o.locale, `metric.${metric}`),
          target: formatFigure(metric, progress.target),
          actual: formatFigure(metric, progress.actual),
          attainment: pct(progress.attainment),
          bar: progressBar(progress.attainment),
          pace: paceText(o.locale, progress),
        }),
  );
  if (report.cancelled) lines.push(t(o.locale, 'targets.line.cancelled', { count: report.cancelled }));
  return [section(`*${o.periodLabel}*\n${lines.length > 0 ? lines.join('\n') : t(o.locale, 'targets.none')}`)];
}

export function targetsMessage(title: string, parts: Block[][]): { text: string; blocks: Block[] } {
  return { text: title, blocks: capBlocks([header(title), ...parts.flat()]) };
}

/** The total line: the manager's target, and beside it what the rows add up to when that differs. */
function teamTotalText(locale: Locale, report: TeamReport, currency: string): string {
  const { progress } = report.total;
  const own = report.ownTarget;
  const formatNumber = (units: number) => formatMetric(report.metric, units, { currency, locale });
  const figures = {
    actual: formatNumber(progress.actual),
    attainment: pct(progress.attainment),
    pace: paceText(locale, progress),
  };
  const rows = report.rowsTarget;
  if (own === null && rows === null) return t(locale, 'targets.team.total_unset', figures);
  if (own === rows || rows === null) {
    return t(locale, 'targets.team.total', { ...figures, target: formatNumber(own ?? 0) });
  }
  const target = own === null ? '—' : formatNumber(own);
  return t(locale, 'targets.team.total_split', { ...figures, target, rows: formatNumber(rows) });
}

/**
 * `/targets team`: per metric, the total, then each row (a direct report, or a market the manager
 * runs with no manager below) ranked by attainment. With nothing set or recorded, it says so.
 */
export function teamMessage(o: {
  locale: Locale;
  managerName: string;
  periodLabel: string;
  reports: TeamReport[];
  labelOf: (line: TeamLine) => string;
  /** the organisation's (currencyOf): money metrics print in it */
  currency: string;
  /** On a site: the team's cancellations approved in the period, one line for the team (never per row). */
  cancelled?: number | null;
}): { text: string; blocks: Block[] } {
  const formatFigure = (metric: Metric, units: number) => formatMetric(metric, units, o);
  const title = t(o.locale, 'targets.team.title', { name: o.managerName, period: o.periodLabel });
  const none = t(o.locale, 'targets.team.none_set', { period: o.periodLabel });
  // the team's 退訂 is shown by one rule whether or not the team has figures yet
  const cancelled = o.cancelled
    ? [section(t(o.locale, 'targets.line.cancelled', { count: o.cancelled }), 'team_cancelled')]
    : [];
  if (o.reports.length === 0)
    return { text: title, blocks: [header(title), section(none, 'team_total'), ...cancelled] };
  const blocks: Block[] = [header(title)];
  for (const report of o.reports.slice(0, 6)) {
    const lines = report.lines.slice(0, 40).map((line, i) =>
      t(o.locale, 'targets.team.line', {
        rank: i + 1,
        name: escapeMrkdwn(o.labelOf(line)),
        actual: formatFigure(report.metric, line.actual),
        target: line.target === null ? '—' : formatFigure(report.metric, line.target),
        attainment: pct(line.progress.attainment),
        bar: progressBar(line.progress.attainment),
      }),
    );
    const metric = t(o.locale, 'targets.team.metric', { metric: t(o.locale, `metric.${report.metric}`) });
    const text = `${metric}\n${teamTotalText(o.locale, report, o.currency)}\n${lines.join('\n') || '—'}`;
    blocks.push(section(text, `team_${report.metric}`));
    const more = report.lines.length - 40;
    if (more > 0) blocks.push(context(t(o.locale, 'issue.list.more', { count: more })));
  }
  blocks.push(...cancelled);
  return { text: title, blocks };
}
