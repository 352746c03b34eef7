import { transaction, type Db } from '../../db/unit-of-work.ts';
import { firstTimeInTx } from '../../db/job-run-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import { approvedVisitsBetween } from '../../db/visits/visit-report-repo.ts';
import type { Visit } from '../../db/visits/visit-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { localDayBounds, previousPeriod } from '../../domain/schedule/schedule-rules.ts';
import type { Clock } from '../../lib/clock.ts';
import { brandAnalysisMessage } from '../../views/visits/brand-visit-reports.ts';
import { eveningSummary, visitAnalysisMessage, type ReportContext } from '../../views/visits/visit-reports.ts';
import { analyseBrandVisits } from './analyse-brand-visits.ts';
import { analyseVisits } from './analyse-visits.ts';
import { localeOf } from '../org/locale-of.ts';
import { queueChart } from '../charts/queue-chart.ts';
import { brandAnalysisChart, visitAnalysisChart } from '../../views/charts/visit-charts.ts';

/**
 * Where a team's summary goes: the site secretary (匯總交女專), or on a brand the market manager. A
 * brand team with no market manager above it (the SSG, or the SLT itself) goes to its lead's own
 * manager (the SSG's link in the SLT is the deputy director), or to the lead at the top, so every
 * approved visit is summarised exactly once.
 */
export function summaryRecipient(chart: OrgChart, leadId: string): string | undefined {
  if (chart.template === 'property-site')
    return chart.firstWithRole('site_secretary')?.slackId ?? chart.firstWithRole('deputy_manager')?.slackId;
  if (chart.person(leadId)?.role === 'market_manager') return leadId;
  const marketManager = chart.chainOf(leadId).find((id) => chart.person(id)?.role === 'market_manager');
  return marketManager ?? chart.primaryApprover(leadId) ?? leadId;
}

/** Each evening: every team lead's approved registrations of the day, as one message each. */
export async function sendEveningSummaries(o: { db: Db; clock: Clock; chart: OrgChart; day: Date }): Promise<number> {
  const { chart } = o;
  const { start, end } = localDayBounds(o.day, chart.data.timezone);
  const visits = await approvedVisitsBetween(o.db, chart.data.orgId, start, end);
  const byLead = new Map<string, Visit[]>();
  for (const visit of visits) byLead.set(visit.approverId, [...(byLead.get(visit.approverId) ?? []), visit]);
  const now = o.clock.now();
  let sent = 0;
  await transaction(o.db, async (unit) => {
    // a run taken over after this committed must not send the day's summaries again
    if (!(await firstTimeInTx(unit, chart.data.orgId, 'visits.evening-summary', start.toISOString(), now))) return;
    for (const [leadId, own] of byLead) {
      const recipient = summaryRecipient(chart, leadId);
      if (!recipient) continue;
      const message = eveningSummary(leadId, start, own, {
        locale: localeOf(chart, recipient),
        timeZone: chart.data.timezone,
        nameOf: (id) => chart.nameOf(id),
      });
      await enqueueMessage(unit, { method: 'chat.postMessage', channel: recipient, args: message }, now);
      sent += 1;
    }
  });
  return sent;
}

interface Audience {
  recipients: string[];
  /** Only these filers' visits; everyone's when omitted. */
  filerIds?: string[];
  /** Sent only when the period had visits (people outside the markets rarely file any). */
  onlyWithVisits?: boolean;
}

/**
 * On a brand each market manager gets their market's analysis. Visits filed outside every market (the
 * SSG's phone visits, the SLT's own) go, like their evening summaries, to whoever gets the filer's
 * approver's summary, so each approved visit is analysed for someone.
 */
export function brandAudiences(chart: OrgChart): Audience[] {
  const markets = chart.withRole('market_manager').map((mm) => ({
    recipients: [mm.slackId],
    filerIds: [mm.slackId, ...chart.allReports(mm.slackId)],
  }));
  const inAMarket = new Set(markets.flatMap((m) => m.filerIds));
  const outside = new Map<string, string[]>();
  for (const person of chart.data.people) {
    if (inAMarket.has(person.slackId)) continue;
    const recipient = summaryRecipient(chart, chart.primaryApprover(person.slackId) ?? person.slackId);
    if (recipient) outside.set(recipient, [...(outside.get(recipient) ?? []), person.slackId]);
  }
  const others = [...outside].map(([recipient, filerIds]) => ({ recipients: [recipient], filerIds }));
  return [...markets, ...others.map((a) => ({ ...a, onlyWithVisits: true }))];
}

/**
 * Every Monday (the week before) and on the 1st (the month before): the analysis to the planning
 * channel, the PM and the deputy; on a brand, each market manager gets their own market's (see
 * brandAudiences for visits outside every market).
 */
export async function sendVisitAnalysis(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  period: 'week' | 'month';
  at: Date;
}): Promise<number> {
  const { chart } = o;
  const { start, end } = previousPeriod(o.period, o.at, chart.data.timezone);
  const now = o.clock.now();
  const audiences: Audience[] =
    chart.template === 'property-site'
      ? [
          {
            recipients: [
              chart.channel('planning'),
              ...chart.withRole('project_manager').map((p) => p.slackId),
              ...chart.withRole('deputy_manager').map((p) => p.slackId),
            ].filter((id): id is string => Boolean(id)),
          },
        ]
      : brandAudiences(chart);
  let sent = 0;
  // a brand's market manager reads about account visits, not visitors, grades or deal stages
  const render =
    chart.template === 'property-site'
      ? async (filerIds?: string[]) => {
          const analysis = await analyseVisits({ db: o.db, chart, from: start, to: end, filerIds });
          return {
            total: analysis.total,
            messageFor: (c: ReportContext) => visitAnalysisMessage(analysis, c),
            chartFor: (c: ReportContext) => visitAnalysisChart(analysis, c),
          };
        }
      : async (filerIds?: string[]) => {
          const analysis = await analyseBrandVisits({ db: o.db, chart, from: start, to: end, filerIds });
          return {
            total: analysis.total,
            messageFor: (c: ReportContext) => brandAnalysisMessage(analysis, c),
            chartFor: (c: ReportContext) => brandAnalysisChart(analysis, c),
          };
        };
  for (const audience of audiences) {
    const { total, messageFor, chartFor } = await render(audience.filerIds);
    if (audience.onlyWithVisits && total === 0) continue;
    await transaction(o.db, async (unit) => {
      // once per period and audience, even when a run is taken over or retried after a partial send
      if (
        !(await firstTimeInTx(
          unit,
          chart.data.orgId,
          `visits.${o.period}-analysis`,
          `${start.toISOString()}:${audience.recipients.join(',')}`,
          now,
        ))
      )
        return;
      for (const recipient of audience.recipients) {
        const locale = recipient.startsWith('C') ? localeOf(chart, '') : localeOf(chart, recipient);
        const context = { locale, timeZone: chart.data.timezone, nameOf: (id: string) => chart.nameOf(id) };
        await enqueueMessage(unit, { method: 'chat.postMessage', channel: recipient, args: messageFor(context) }, now);
        // the picture follows the text it illustrates; a period with no visits has nothing to draw
        if (total > 0) await queueChart(unit, recipient, chartFor(context), now);
        sent += 1;
      }
    });
  }
  return sent;
}
