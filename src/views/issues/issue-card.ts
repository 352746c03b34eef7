import type { Button } from '@slack/types';
import type { IssueReport } from '../../db/issues/issue-repo.ts';
import { t, type Locale, tFor } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { actions, button, context, header, section, type Block } from '../blocks.ts';
import { IssueIds } from '../ids.ts';

export interface IssueViewContext {
  locale: Locale;
  timeZone: string;
  nameOf: (slackId: string) => string;
}

/**
 * One model everywhere: the owner (負責) is the handler, who answers for the issue and moves up the
 * chain on escalation; the assignee (指派) is whom the owner gave the work to.
 */
export function issueOwnerText(
  locale: Locale,
  issue: Pick<IssueReport, 'handlerId' | 'assigneeId'>,
  nameOf: (id: string) => string,
): string {
  const handler = escapeMrkdwn(nameOf(issue.handlerId));
  return issue.assigneeId
    ? t(locale, 'issue.owner.assigned', { handler, assignee: escapeMrkdwn(nameOf(issue.assigneeId)) })
    : t(locale, 'issue.owner', { handler });
}

/** An issue with its state and, until it is resolved, its buttons. Every copy is rewritten on change. */
export function issueCard(issue: IssueReport, c: IssueViewContext): { text: string; blocks: Block[] } {
  const { locale } = c;
  const status = tFor(locale, 'issue.status', issue.status);
  // the header carries the state, so a glance at the card says where the issue stands
  const title = t(locale, 'issue.card.header_state', {
    number: issue.number,
    title: truncate(issue.title, 100),
    status,
  });
  const name = (id: string) => escapeMrkdwn(c.nameOf(id));
  const lines = [
    t(locale, 'issue.card.meta', {
      category: tFor(locale, 'issue.category', issue.category),
      severity: tFor(locale, 'issue.severity', issue.severity),
      status: tFor(locale, 'issue.status', issue.status),
    }),
    t(locale, 'issue.card.people', {
      reporter: name(issue.reporterId),
      handler: name(issue.handlerId),
      assignee: issue.assigneeId ? t(locale, 'issue.card.assignee', { assignee: name(issue.assigneeId) }) : '',
    }),
  ];
  if (issue.subject)
    lines.push(t(locale, 'issue.card.subject', { subject: escapeMrkdwn(truncate(issue.subject, 80)) }));
  const blocks: Block[] = [
    header(title),
    section(lines.join('\n'), 'issue_meta'),
    section(escapeMrkdwn(truncate(issue.description, 2000)), 'issue_description'),
  ];
  const notes: string[] = [];
  if (issue.escalationLevel > 0) notes.push(t(locale, 'issue.card.escalated', { level: issue.escalationLevel }));
  if (issue.acknowledgedBy && issue.acknowledgedAt)
    notes.push(
      t(locale, 'issue.card.acknowledged', {
        by: name(issue.acknowledgedBy),
        at: formatDateTime(issue.acknowledgedAt, c.timeZone),
      }),
    );
  if (issue.status === 'resolved' && issue.resolvedBy && issue.resolvedAt) {
    notes.push(
      t(locale, 'issue.card.resolved', {
        by: name(issue.resolvedBy),
        at: formatDateTime(issue.resolvedAt, c.timeZone),
        resolution: escapeMrkdwn(truncate(issue.resolution ?? '', 1000)),
      }),
    );
  } else if (issue.status === 'open' && issue.ackDeadlineAt) {
    notes.push(t(locale, 'issue.card.deadline', { deadline: formatDateTime(issue.ackDeadlineAt, c.timeZone) }));
  }
  if (notes.length > 0) blocks.push(context(notes.join('\n')));
  if (issue.status !== 'resolved') {
    const value = String(issue.id);
    const buttons: Button[] = [];
    if (issue.status === 'open')
      buttons.push(button(t(locale, 'issue.button.ack'), IssueIds.acknowledge, value, 'primary'));
    buttons.push(button(t(locale, 'issue.button.assign'), IssueIds.assign, value));
    buttons.push(button(t(locale, 'issue.button.resolve'), IssueIds.resolve, value));
    buttons.push(button(t(locale, 'issue.button.escalate'), IssueIds.escalate, value, 'danger'));
    blocks.push(actions(IssueIds.actionsBlock, buttons));
  }
  return { text: escapeMrkdwn(title), blocks };
}
