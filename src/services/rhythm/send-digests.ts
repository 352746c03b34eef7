import { transaction, type Db } from '../../db/unit-of-work.ts';
import { firstTimeInTx } from '../../db/job-run-repo.ts';
import { digestChoices, feedbackReceivedSince, subtreeCounts } from '../../db/rhythm/digest-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { currentMonth, periodKey } from '../../domain/targets/periods.ts';
import { t } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { capBlocks, context, header, section, type Block } from '../../views/blocks.ts';
import { digestAttainmentLine } from '../../views/targets/target-views.ts';
import { localeOf } from '../org/locale-of.ts';
import { formatDate, zonedInstant, zonedParts } from '../../lib/format-time.ts';
import { scopeReport, type ScopeReport } from '../targets/target-report.ts';
import { queueChart } from '../charts/queue-chart.ts';
import { digestAttainmentChart } from '../../views/charts/attainment-chart.ts';
import type { ChartMessage } from '../../views/charts/chart-spec.ts';
import { visitKindOf } from '../../domain/visits/visit-kind.ts';
import { visitKey } from '../../views/visits/visit-terms.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';

export type DigestFrequency = 'daily' | 'weekly' | 'monthly';
const PERIOD_MS: Record<DigestFrequency, number> = {
  daily: 86_400_000,
  weekly: 7 * 86_400_000,
  monthly: 30 * 86_400_000,
};

/** Who gets a digest how often: their own choice, else weekly for leadership and managers, off for the rest. */
export function digestFrequencyOf(
  chart: OrgChart,
  personId: string,
  chosen: string | null | undefined,
): DigestFrequency | 'off' {
  if (chosen === 'daily' || chosen === 'weekly' || chosen === 'monthly' || chosen === 'off') return chosen;
  return chart.isLeadership(personId) || chart.directReports(personId).length > 0 ? 'weekly' : 'off';
}

/** One person's digest of their subtree: visits, issues, stuck deals, feedback, attainment and pace. */
export async function buildDigest(o: {
  db: Db;
  chart: OrgChart;
  personId: string;
  frequency: DigestFrequency;
  now: Date;
}): Promise<{ text: string; blocks: Block[]; chart?: ChartMessage }> {
  const { chart, personId, now } = o;
  const locale = localeOf(chart, personId);
  const orgId = chart.data.orgId;
  const subtree = [personId, ...chart.allReports(personId)];
  const since = new Date(now.getTime() - PERIOD_MS[o.frequency]);
  const dayAgo = new Date(now.getTime() - 86_400_000);
  // the filings of the day `since` falls in are counted one by one from it, later days from their counts
  const tz = chart.data.timezone;
  const sinceDay = formatDate(since, tz);
  const local = zonedParts(since, tz);
  const dayAfterSince = zonedInstant(local.year, local.month, local.day + 1, 0, 0, tz);
  const [{ newVisits, pendingOld, newIssues, overdue, open, stuck }, feedback, report] = await Promise.all([
    subtreeCounts(o.db, { orgId, people: subtree, since, sinceDay, dayAfterSince, dayAgo, now }),
    feedbackReceivedSince(o.db, orgId, personId, since),
    scopeReport({
      db: o.db,
      chart,
      viewerId: personId,
      scope: { kind: 'person', id: personId },
      period: currentMonth(now, chart.data.timezone),
      now,
    }),
  ]);
  const title = t(locale, 'digest.header', {
    name: chart.nameOf(personId),
    frequency: t(locale, `digest.frequency.${o.frequency}`),
  });
  const attainment = digestAttainmentLine(locale, report.lines, currencyOf(chart));
  // stuck deals are customer files moving through a site's stages: a brand has none
  const deals =
    chart.template === 'property-site' ? [section(t(locale, 'digest.deals', { count: stuck }), 'digest_deals')] : [];
  const blocks: Block[] = [
    header(title),
    section(
      t(locale, visitKey(visitKindOf(chart.template), 'digest.visits'), { new: newVisits, pending: pendingOld }),
      'digest_visits',
    ),
    section(t(locale, 'digest.issues', { new: newIssues, overdue, open }), 'digest_issues'),
    ...deals,
    section(t(locale, 'digest.feedback', { count: feedback }), 'digest_feedback'),
    section(t(locale, 'digest.attainment', { line: attainment }), 'digest_attainment'),
    context(t(locale, 'digest.more')),
  ];
  return { text: title, blocks: capBlocks(blocks), chart: digestChart(chart, personId, report) };
}

/** The digest's one chart: the reader's attainment per metric against the month's pace, when a target is set. */
function digestChart(chart: OrgChart, personId: string, report: ScopeReport): ChartMessage | undefined {
  const targeted = report.lines.filter((l) => l.progress.attainment !== null);
  if (targeted.length === 0) return undefined;
  const locale = localeOf(chart, personId);
  return digestAttainmentChart({
    locale,
    name: chart.nameOf(personId),
    periodKey: periodKey(report.period),
    bars: targeted.map((l) => ({ label: t(locale, `metric.${l.metric}`), attainment: l.progress.attainment })),
    pace: targeted[0].progress.elapsed,
  });
}

/**
 * Sends every digest of a frequency. With `periodKey` (the scheduled run's), each person's digest
 * is queued once per period, so a run taken over or retried after a partial send sends no one two.
 */
export async function sendDigests(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  frequency: DigestFrequency;
  periodKey?: string;
}): Promise<string[]> {
  const now = o.clock.now();
  const rows = await digestChoices(o.db, o.chart.data.orgId);
  const sent: string[] = [];
  for (const row of rows) {
    if (!o.chart.person(row.slackId) || digestFrequencyOf(o.chart, row.slackId, row.digest) !== o.frequency) continue;
    const { chart: picture, ...digest } = await buildDigest({
      db: o.db,
      chart: o.chart,
      personId: row.slackId,
      frequency: o.frequency,
      now,
    });
    const queued = await transaction(o.db, async (unit) => {
      if (
        o.periodKey &&
        !(await firstTimeInTx(
          unit,
          o.chart.data.orgId,
          `rhythm.digest-${o.frequency}`,
          `${o.periodKey}:${row.slackId}`,
          now,
        ))
      )
        return false;
      await queueDirectMessage(unit, row.slackId, digest, now);
      if (picture) await queueChart(unit, row.slackId, picture, now);
      return true;
    });
    if (queued) sent.push(row.slackId);
  }
  return sent;
}
