import { t, type Locale, type MessageKey } from '../i18n/index.ts';
import type { Progress } from '../domain/targets/progress.ts';
import { progressBar } from '../domain/targets/progress.ts';
import { escapeMrkdwn } from '../lib/text.ts';
import type { Scope } from '../db/target-repo.ts';
import type { Metric } from '../domain/targets/metrics.ts';
import type { Period } from '../domain/targets/periods.ts';
import { capBlocks, context, header, section, type Block } from './blocks.ts';

export interface MetricLine {
  metric: Metric;
  progress: Progress;
}

export interface ScopeReport {
  scope: Scope;
  period: Period;
  lines: MetricLine[];
}

export interface TeamLine {
  personId: string;
  target: number | null;
  actual: number;
  progress: Progress;
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
export const formatNumber = (n: number): string => numberFormat.format(n);
const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n)}%`);

export function paceText(locale: Locale, p: Progress): string {
  if (p.attainment === null) return '';
  const elapsed = Math.round(p.elapsed);
  const done = Math.round(p.attainment);
  const points = Math.abs(done - elapsed);
  const key: MessageKey = points === 0 ? 'targets.pace.on_track' : done < elapsed ? 'targets.pace.behind' : 'targets.pace.ahead';
  return t(locale, key, { elapsed, done, points });
}

/** One period of one scope: target, actual, attainment, a text bar and the pace, per metric. */
export function scopeReportBlocks(report: ScopeReport, o: { locale: Locale; periodLabel: string }): Block[] {
  const lines = report.lines.map(({ metric, progress }) =>
    progress.attainment === null
      ? t(o.locale, 'targets.line.no_target', { metric: t(o.locale, `metric.${metric}` as MessageKey), actual: formatNumber(progress.actual) })
      : t(o.locale, 'targets.line', {
          metric: t(o.locale, `metric.${metric}` as MessageKey),
          target: formatNumber(progress.target),
          actual: formatNumber(progress.actual),
          attainment: pct(progress.attainment),
          bar: progressBar(progress.attainment),
          pace: paceText(o.locale, progress),
        }),
  );
  return [section(`*${o.periodLabel}*\n${lines.length > 0 ? lines.join('\n') : t(o.locale, 'targets.none')}`)];
}

export function targetsMessage(title: string, parts: Block[][]): { text: string; blocks: Block[] } {
  return { text: title, blocks: capBlocks([header(title), ...parts.flat()]) };
}

/** `/targets team`: the total, then each direct report ranked by attainment. */
export function teamMessage(o: { locale: Locale; managerName: string; periodLabel: string; metric: string; total: Progress; lines: TeamLine[]; nameOf: (id: string) => string }): { text: string; blocks: Block[] } {
  const metricName = t(o.locale, `metric.${o.metric}` as MessageKey);
  const title = t(o.locale, 'targets.team.header', { name: o.managerName, period: o.periodLabel, metric: metricName });
  const total = t(o.locale, 'targets.team.total', { target: formatNumber(o.total.target), actual: formatNumber(o.total.actual), attainment: pct(o.total.attainment), pace: paceText(o.locale, o.total) });
  const lines = o.lines.slice(0, 40).map((line, i) =>
    t(o.locale, 'targets.team.line', {
      rank: i + 1,
      name: escapeMrkdwn(o.nameOf(line.personId)),
      actual: formatNumber(line.actual),
      target: line.target === null ? '—' : formatNumber(line.target),
      attainment: pct(line.progress.attainment),
      bar: progressBar(line.progress.attainment),
    }),
  );
  const blocks: Block[] = [header(title), section(total, 'team_total'), section(lines.join('\n') || '—', 'team_lines')];
  if (o.lines.length > 40) blocks.push(context(t(o.locale, 'issue.list.more', { count: o.lines.length - 40 })));
  return { text: title, blocks };
}
