import type { DbLike } from '../../db/unit-of-work.ts';
import { addIssueCard, issueCards, type IssueReport } from '../../db/issues/issue-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { conversationLocaleOf } from '../org/locale-of.ts';
import { issueCard, type IssueViewContext } from '../../views/issues/issue-card.ts';

/** How an issue reads where it is posted: a person's own language, or the organisation's in a channel. */
export function issueViewFor(chart: OrgChart, channel: string): IssueViewContext {
  return {
    locale: conversationLocaleOf(chart, channel),
    timeZone: chart.data.timezone,
    nameOf: (id) => chart.nameOf(id),
  };
}

/** Posts a new card of the issue (with buttons) and remembers it, so later changes rewrite it too. */
export async function postIssueCard(
  tx: DbLike,
  chart: OrgChart,
  issue: IssueReport,
  channel: string,
  now: Date,
): Promise<number> {
  const origin = { kind: 'issue', ref: issue.number, by: issue.reporterId };
  const args = issueCard(issue, issueViewFor(chart, channel));
  const { id } = await enqueueMessage(tx, { method: 'chat.postMessage', channel, args, origin }, now);
  await addIssueCard(tx, issue.id, id);
  return id;
}

/**
 * Posts a card to `channel` unless the issue already has one there (then the refresh that goes with
 * every change rewrites it): one card per conversation. Returns whether a new card was posted.
 */
export async function postIssueCardOnce(
  tx: DbLike,
  chart: OrgChart,
  issue: IssueReport,
  channel: string,
  now: Date,
): Promise<boolean> {
  if ((await issueCards(tx, issue.id)).some((card) => card.channel === channel)) return false;
  await postIssueCard(tx, chart, issue, channel, now);
  return true;
}

/** Rewrites every card of the issue in place: status, people, buttons. */
export async function refreshIssueCards(tx: DbLike, chart: OrgChart, issue: IssueReport, now: Date): Promise<void> {
  for (const card of await issueCards(tx, issue.id)) {
    await enqueueMessage(
      tx,
      {
        method: 'chat.update',
        channel: '',
        args: issueCard(issue, issueViewFor(chart, card.channel)),
        updateOfId: card.outboxId,
      },
      now,
    );
  }
}

/** A note in the issue's own thread, where it is discussed. */
export async function postInIssueThread(tx: DbLike, issue: IssueReport, text: string, now: Date): Promise<void> {
  if (!issue.threadOutboxId) return;
  await enqueueMessage(
    tx,
    { method: 'chat.postMessage', channel: '', args: { text }, threadOfId: issue.threadOutboxId },
    now,
  );
}
