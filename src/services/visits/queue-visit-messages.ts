import type { DbLike } from '../../db/unit-of-work.ts';
import { visitNumberText } from '../../domain/visits/visit-number.ts';
import {
  enqueueMessage,
  queueMessageKeepingId,
  type MessageOrigin,
  type OutgoingMessage,
} from '../../db/delivery/outbox-repo.ts';
import { keepApprovalMessage, type Visit } from '../../db/visits/visit-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import type { VisitDecision, VisitMessageContext } from '../../views/visits/visit-messages.ts';
import { visitApprovalMessage } from '../../views/visits/visit-messages.ts';
import { approvalConversation } from '../delivery/direct-message.ts';
import { localeOf, orgLocaleOf } from '../org/locale-of.ts';

/** How messages about a registration read for one person. */
export function messageContextFor(chart: OrgChart, readerId: string): VisitMessageContext {
  return { locale: localeOf(chart, readerId), timeZone: chart.data.timezone, nameOf: (id) => chart.nameOf(id) };
}

/** How a message in a shared conversation (the approval group DM, its thread) reads: the organisation's language. */
export function sharedMessageContext(chart: OrgChart): VisitMessageContext {
  return { locale: orgLocaleOf(chart), timeZone: chart.data.timezone, nameOf: (id) => chart.nameOf(id) };
}

/** Posts the approval message for the current version of a registration. */
export async function queueApprovalMessage(
  tx: DbLike,
  chart: OrgChart,
  visit: Visit,
  now: Date,
): Promise<{ id: number }> {
  const message = visitApprovalMessage(visit, sharedMessageContext(chart));
  const channel = approvalConversation(visit.filerId, visit.approverId);
  return enqueueMessage(tx, { method: 'chat.postMessage', channel, args: message, origin: visitOrigin(visit) }, now);
}

/**
 * Posts the approval message of a new registration and keeps its id on it, where nobody reads that id
 * back in the unit: on PostgreSQL both wait for the unit's COMMIT (no round trip of their own).
 */
export async function queueFirstApprovalMessage(tx: DbLike, chart: OrgChart, visit: Visit, now: Date): Promise<void> {
  const message = visitApprovalMessage(visit, sharedMessageContext(chart));
  const channel = approvalConversation(visit.filerId, visit.approverId);
  const queued = { method: 'chat.postMessage' as const, channel, args: message, origin: visitOrigin(visit) };
  await queueMessageKeepingId(tx, queued, now, keepApprovalMessage(visit.id));
}

/** Rewrites the approval message in place: the decision shown, the buttons gone. */
export async function queueApprovalUpdate(
  tx: DbLike,
  chart: OrgChart,
  visit: Visit,
  decision: VisitDecision,
  now: Date,
): Promise<void> {
  const update = approvalUpdate(chart, visit, decision);
  if (update) await enqueueMessage(tx, update, now);
}

/** The rewrite of the approval message (queueApprovalUpdate), to queue with others; none without one. */
export function approvalUpdate(chart: OrgChart, visit: Visit, decision: VisitDecision): OutgoingMessage | undefined {
  if (!visit.approvalOutboxId) return undefined;
  const message = visitApprovalMessage(visit, sharedMessageContext(chart), decision);
  return { method: 'chat.update', channel: '', args: message, updateOfId: visit.approvalOutboxId };
}

/** A reply under the approval message, where the registration is discussed. */
export async function queueThreadReply(tx: DbLike, visit: Visit, text: string, now: Date): Promise<void> {
  const reply = threadReply(visit, text);
  if (reply) await enqueueMessage(tx, reply, now);
}

/** A reply under the approval message (queueThreadReply), to queue with others; none without one. */
export function threadReply(visit: Visit, text: string): OutgoingMessage | undefined {
  if (!visit.approvalOutboxId) return undefined;
  return { method: 'chat.postMessage', channel: '', args: { text }, threadOfId: visit.approvalOutboxId };
}

/** A registration's messages: if one cannot be delivered, its filer is told. */
export const visitOrigin = (visit: Pick<Visit, 'id' | 'number' | 'filerId'>): MessageOrigin => ({
  kind: 'visit',
  ref: visitNumberText(visit),
  by: visit.filerId,
});
