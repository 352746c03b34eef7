import { transaction, type Unit, type Db } from '../../db/unit-of-work.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { findIssue, transitionIssue, type IssueReport, type IssueStatus } from '../../db/issues/issue-repo.ts';
import type { Config } from '../../config.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t, tFor, type MessageKey } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { assignableBy, canActOnIssue, nextHandler } from './issue-access.ts';
import { postInIssueThread, postIssueCardOnce, refreshIssueCards } from './issue-messages.ts';
import { ackDeadline } from './file-issue.ts';
import { localeOf } from '../org/locale-of.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';

export interface IssueActionOptions {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  config: Pick<Config, 'calendar' | 'issues'>;
  issueId: number;
  actorId: string;
}

/** Loads an issue the actor may act on and that is not resolved yet. */
export async function loadActionableIssue(
  o: Pick<IssueActionOptions, 'db' | 'chart' | 'issueId' | 'actorId'>,
): Promise<IssueReport> {
  const issue = await findIssue(o.db, o.issueId);
  if (!issue || issue.orgId !== o.chart.data.orgId) throw new AppError(ErrorCode.NotFound, { what: `#${o.issueId}` });
  if (!canActOnIssue(o.chart, issue, o.actorId)) {
    throw new AppError(
      ErrorCode.Forbidden,
      {},
      `${o.actorId} on ${issue.number}`,
      refusalKey(o.chart, 'issue.not_allowed'),
    );
  }
  if (issue.status === 'resolved')
    throw new AppError(ErrorCode.AlreadyDecided, { number: issue.number }, 'resolved', 'issue.already_resolved');
  return issue;
}

/** A site has no SSG and no OSB: its refusals name only the roles its template has. */
function refusalKey(chart: OrgChart, key: 'issue.not_allowed' | 'issue.error.not_assignable'): MessageKey {
  return chart.template === 'property-site' ? `${key}_site` : key;
}

const params = (chart: OrgChart, issue: IssueReport, actorId: string) => ({
  number: issue.number,
  title: escapeMrkdwn(truncate(issue.title, 100)),
  by: escapeMrkdwn(chart.nameOf(actorId)),
});

/**
 * Applies a change, then rewrites every card, notes the step in the issue's thread (the reporter is
 * in that conversation: one thread per issue, not a DM per step), and keeps the audit trail.
 */
async function change(
  o: IssueActionOptions,
  from: IssueStatus[],
  data: Partial<IssueReport>,
  after: (unit: Unit, issue: IssueReport) => Promise<void>,
  action: string,
  guard: { handlerId?: string; escalationLevel?: number } = {},
): Promise<IssueReport> {
  const now = o.clock.now();
  return transaction(o.db, async (unit) => {
    if (!(await transitionIssue(unit, o.issueId, from, { ...data, updatedAt: now }, guard))) {
      const current = (await findIssue(unit, o.issueId)) as IssueReport;
      const status = tFor(localeOf(o.chart, o.actorId), 'issue.status', current.status);
      throw new AppError(
        ErrorCode.AlreadyDecided,
        { number: current.number, status },
        `${current.number} changed meanwhile`,
        current.status === 'resolved' ? 'issue.already_resolved' : 'issue.changed',
      );
    }
    const issue = (await findIssue(unit, o.issueId)) as IssueReport;
    await refreshIssueCards(unit, o.chart, issue, now);
    await after(unit, issue);
    await recordAudit(unit, {
      orgId: issue.orgId,
      actor: o.actorId,
      action,
      subject: issue.number,
      detail: data as Record<string, unknown>,
      at: now,
    });
    return issue;
  });
}

export async function acknowledgeIssue(o: IssueActionOptions): Promise<IssueReport> {
  await loadActionableIssue(o);
  const now = o.clock.now();
  return change(
    o,
    ['open'],
    { status: 'acknowledged', acknowledgedBy: o.actorId, acknowledgedAt: now, ackDeadlineAt: null },
    async (unit, issue) => {
      await postInIssueThread(
        unit,
        issue,
        t(localeOf(o.chart, issue.reporterId), 'issue.thread.acknowledged', params(o.chart, issue, o.actorId)),
        now,
      );
    },
    'issue.acknowledged',
  );
}

export async function assignIssue(o: IssueActionOptions & { assigneeId: string }): Promise<IssueReport> {
  const before = await loadActionableIssue(o);
  if (!o.chart.person(o.assigneeId)) throw new AppError(ErrorCode.NotFound, { what: o.assigneeId });
  // a forged submission could name anyone in the chart, who would then see the issue
  if (!assignableBy(o.chart, before, o.actorId).includes(o.assigneeId)) {
    const key = refusalKey(o.chart, 'issue.error.not_assignable');
    throw new AppError(ErrorCode.Forbidden, {}, `${o.assigneeId} may not handle ${before.number}`, key);
  }
  const now = o.clock.now();
  // assigning is taking it in hand: it also stops the escalation clock
  const acknowledged =
    before.status === 'open'
      ? { status: 'acknowledged', acknowledgedBy: o.actorId, acknowledgedAt: now, ackDeadlineAt: null }
      : {};
  return change(
    o,
    ['open', 'acknowledged'],
    { assigneeId: o.assigneeId, ...acknowledged },
    async (unit, issue) => {
      const p = { ...params(o.chart, issue, o.actorId), assignee: escapeMrkdwn(o.chart.nameOf(o.assigneeId)) };
      await postInIssueThread(unit, issue, t(localeOf(o.chart, issue.reporterId), 'issue.thread.assigned', p), now);
      if (o.assigneeId !== o.actorId) {
        await queueDirectMessage(
          unit,
          o.assigneeId,
          { text: t(localeOf(o.chart, o.assigneeId), 'issue.notify.assigned_to_you', p) },
          now,
        );
        await postIssueCardOnce(unit, o.chart, issue, o.assigneeId, now);
      }
    },
    'issue.assigned',
  );
}

export async function resolveIssue(o: IssueActionOptions & { resolution: string }): Promise<IssueReport> {
  await loadActionableIssue(o);
  const resolution = o.resolution.trim();
  if (!resolution) throw new AppError(ErrorCode.InvalidInput, { reason: '—' });
  const now = o.clock.now();
  return change(
    o,
    ['open', 'acknowledged'],
    {
      status: 'resolved',
      resolvedBy: o.actorId,
      resolvedAt: now,
      resolution: truncate(resolution, 1000),
      ackDeadlineAt: null,
    },
    async (unit, issue) => {
      await postInIssueThread(
        unit,
        issue,
        t(localeOf(o.chart, issue.reporterId), 'issue.thread.resolved', {
          ...params(o.chart, issue, o.actorId),
          resolution: escapeMrkdwn(truncate(resolution, 1000)),
        }),
        now,
      );
    },
    'issue.resolved',
  );
}

/**
 * Moves an issue to the next manager up the reporter's chain: by the Escalate button, or by the
 * deadline job when nobody acknowledged in time (then `byDeadline`, and the actor is "system").
 */
export async function escalateIssue(o: IssueActionOptions & { byDeadline?: boolean }): Promise<IssueReport> {
  const before = o.byDeadline ? ((await findIssue(o.db, o.issueId)) as IssueReport) : await loadActionableIssue(o);
  const next = nextHandler(o.chart, before.reporterId, before.handlerId);
  if (!next) {
    if (o.byDeadline) return before;
    throw new AppError(ErrorCode.InvalidInput, { number: before.number }, 'top of chain', 'issue.top_reached');
  }
  const now = o.clock.now();
  const level = before.escalationLevel + 1;
  const deadline = before.status === 'open' ? ackDeadline(o.config, o.chart.data.timezone, before.severity, now) : null;
  return change(
    o,
    ['open', 'acknowledged'],
    { handlerId: next, escalationLevel: level, ackDeadlineAt: deadline },
    async (unit, issue) => {
      const handler = escapeMrkdwn(o.chart.nameOf(next));
      const orgLocale = localeOf(o.chart, '');
      const note = o.byDeadline
        ? t(orgLocale, 'issue.thread.escalated', { number: issue.number, handler, level })
        : t(orgLocale, 'issue.thread.escalated_by', {
            number: issue.number,
            handler,
            by: escapeMrkdwn(o.chart.nameOf(o.actorId)),
          });
      await postInIssueThread(unit, issue, note, now);
      // a PM who already holds a copy gets that card rewritten, not a second identical one, and a notice instead
      const posted = await postIssueCardOnce(unit, o.chart, issue, next, now);
      if (o.byDeadline || !posted) {
        const key = o.byDeadline ? 'issue.escalated_to_you' : 'issue.escalated_to_you_by';
        const text = t(localeOf(o.chart, next), key, params(o.chart, issue, o.actorId));
        await queueDirectMessage(unit, next, { text }, now);
      }
    },
    o.byDeadline ? 'issue.escalated_by_deadline' : 'issue.escalated',
    // the deadline job and a click can race: only the handler and level seen here move on
    { handlerId: before.handlerId, escalationLevel: before.escalationLevel },
  );
}
