import type { Db } from '../../db/database.ts';
import { firstTimeInTx } from '../../db/job-run-repo.ts';
import { digestChoices, feedbackReceivedSince, subtreeCounts } from '../../db/rhythm/digest-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { currentMonth } from '../../domain/targets/periods.ts';
import { t } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { capBlocks, context, header, section, type Block } from '../../views/blocks.ts';
import { paceText } from '../../views/targets/target-views.ts';
import { formatFigure } from '../../domain/targets/figures.ts';
import { localeOf } from '../org/locale-of.ts';
import { scopeReport } from '../targets/target-report.ts';
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
}): Promise<{ text: string; blocks: Block[] }> {
  const { chart, personId, now } = o;
  const locale = localeOf(chart, personId);
  const orgId = chart.data.orgId;
  const subtree = [personId, ...chart.allReports(personId)];
  const since = new Date(now.getTime() - PERIOD_MS[o.frequency]);
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const [{ newVisits, pendingOld, newIssues, overdue, open, stuck }, feedback, report] = await Promise.all([
    subtreeCounts(o.db, { orgId, people: subtree, since, dayAgo, now }),
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
  const attainment =
    report.lines
      .map(
        (l) =>
          `${t(locale, `metric.${l.metric}`)} ${formatFigure(l.metric, l.progress.actual)}/${formatFigure(l.metric, l.progress.target)} ${paceText(locale, l.progress)}`,
      )
      .join('；') || '—';
  const blocks: Block[] = [
    header(title),
    section(
      t(locale, visitKey(visitKindOf(chart.template), 'digest.visits'), { new: newVisits, pending: pendingOld }),
      'digest_visits',
    ),
    section(t(locale, 'digest.issues', { new: newIssues, overdue, open }), 'digest_issues'),
    section(t(locale, 'digest.deals', { count: stuck }), 'digest_deals'),
    section(t(locale, 'digest.feedback', { count: feedback }), 'digest_feedback'),
    section(t(locale, 'digest.attainment', { line: attainment }), 'digest_attainment'),
    context(t(locale, 'digest.more')),
  ];
  return { text: title, blocks: capBlocks(blocks) };
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
    const digest = await buildDigest({ db: o.db, chart: o.chart, personId: row.slackId, frequency: o.frequency, now });
    const queued = await o.db.$transaction(async (tx) => {
      if (
        o.periodKey &&
        !(await firstTimeInTx(
          tx,
          o.chart.data.orgId,
          `rhythm.digest-${o.frequency}`,
          `${o.periodKey}:${row.slackId}`,
          now,
        ))
      )
        return false;
      await queueDirectMessage(tx, row.slackId, digest, now);
      return true;
    });
    if (queued) sent.push(row.slackId);
  }
  return sent;
}
