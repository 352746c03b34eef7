import { isUniqueViolation } from '../../db/database.ts';
import { transaction, type Db, type Unit } from '../../db/unit-of-work.ts';
import {
  createIssue,
  findIssueBySourceView,
  setIssueThread,
  takeIssueSeq,
  type IssueReport,
} from '../../db/issues/issue-repo.ts';
import type { Config } from '../../config.ts';
import { addWorkingHours } from '../../domain/calendar/working-calendar.ts';
import { categoriesFor, isOsb, issueNumber, type IssueInput } from '../../domain/issues/issue-rules.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { zonedParts } from '../../lib/format-time.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { approvalConversation, queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf } from '../org/locale-of.ts';
import { postIssueCard } from './issue-messages.ts';
import { workingCalendarOf } from '../calendar/working-calendar-of.ts';

export interface FileIssueOptions {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  config: Pick<Config, 'calendar' | 'issues'>;
  reporterId: string;
  input: IssueInput;
  viewId: string;
}

/** When an issue of this severity must be acknowledged, counted in working hours from `from`. */
export function ackDeadline(
  config: Pick<Config, 'calendar' | 'issues'>,
  timeZone: string,
  severity: string,
  from: Date,
): Date | null {
  const hours = config.issues.ackHours[severity as keyof Config['issues']['ackHours']] ?? 0;
  return hours > 0 ? addWorkingHours(workingCalendarOf(config, timeZone), from, hours) : null;
}

/**
 * `/issue` submitted: numbered without gaps, routed to the reporter's manager (and on a property
 * site the PM too); OSB issues are owned by the SSG leader, with copies to the OSB channel (else the
 * SSG channel) and the reporter's manager.
 */
export async function fileIssue(o: FileIssueOptions): Promise<IssueReport> {
  const { chart, reporterId, input } = o;
  if (!chart.person(reporterId)) throw new AppError(ErrorCode.NotInOrg);
  // a site has no OSB chain and a brand no developer: never number what the template does not offer
  if (!categoriesFor(chart.template).includes(input.category))
    throw new AppError(ErrorCode.InvalidInput, { reason: input.category });
  const manager = chart.primaryApprover(reporterId);
  // DOMAIN.md: the SSG leader records every OSB problem and follows it until it is solved, so owns it
  const ssgLeader = isOsb(input.category) ? chart.firstWithRole('ssg_leader')?.slackId : undefined;
  const handlerId = ssgLeader ?? manager ?? reporterId;
  const now = o.clock.now();
  const year = zonedParts(now, chart.data.timezone).year;
  try {
    return await transaction(o.db, async (unit) => {
      const seq = await takeIssueSeq(unit, chart.data.orgId, year);
      const issue = await createIssue(unit, {
        orgId: chart.data.orgId,
        number: issueNumber(input.category, year, seq),
        year,
        seq,
        reporterId,
        category: input.category,
        severity: input.severity,
        title: input.title,
        description: input.description,
        subject: input.subject,
        status: 'open',
        handlerId,
        assigneeId: null,
        ackDeadlineAt:
          handlerId === reporterId ? null : ackDeadline(o.config, chart.data.timezone, input.severity, now),
        sourceViewId: o.viewId,
        createdAt: now,
        updatedAt: now,
      });
      const threadId = await routeIssue(unit, o, issue, { handlerId, manager, ssgLeader }, now);
      return { ...issue, threadOutboxId: threadId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const filed = await findIssueBySourceView(o.db, o.viewId);
      if (filed) return filed;
    }
    throw error;
  }
}

/**
 * Posts the issue where it goes: the handler's conversation with the reporter (its thread is the
 * discussion), the PM on a site, the OSB channel and the reporter's manager for OSB; then tells the
 * reporter. Returns the outbox id of the first card, whose thread is the issue's.
 */
async function routeIssue(
  unit: Unit,
  o: FileIssueOptions,
  issue: IssueReport,
  who: { handlerId: string; manager: string | undefined; ssgLeader: string | undefined },
  now: Date,
): Promise<number> {
  const { chart, reporterId } = o;
  const { handlerId, manager, ssgLeader } = who;
  const first = handlerId === reporterId ? reporterId : approvalConversation(reporterId, handlerId);
  const threadId = await postIssueCard(unit, chart, issue, first, now);
  await setIssueThread(unit, issue.id, threadId);
  const pm =
    chart.template === 'property-site'
      ? chart.chainOf(reporterId).find((id) => chart.person(id)?.role === 'project_manager')
      : undefined;
  if (pm && pm !== handlerId) await postIssueCard(unit, chart, issue, pm, now);
  if (ssgLeader) {
    // the org file's channel for OSB problems when it names one, else the SSG's own channel
    const osbChannel = chart.channel('osb') ?? chart.channel('ssg');
    if (osbChannel) await postIssueCard(unit, chart, issue, osbChannel, now);
    // the reporter's manager follows it, and may comment in its thread
    if (manager && manager !== handlerId) await postIssueCard(unit, chart, issue, manager, now);
  }
  const text = t(localeOf(chart, reporterId), 'issue.filed', {
    number: issue.number,
    title: escapeMrkdwn(issue.title),
    handler: escapeMrkdwn(chart.nameOf(handlerId)),
  });
  await queueDirectMessage(unit, reporterId, { text }, now);
  return threadId;
}
