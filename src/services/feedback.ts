import type { Db, DbOrTx } from '../db/database.ts';
import { isUniqueViolation } from '../db/database.ts';
import { enqueueMessage } from '../db/outbox-repo.ts';
import type { FeedbackInput } from '../domain/issues/feedback-rules.ts';
import type { OrgChart } from '../domain/org/org-chart.ts';
import { t } from '../i18n/index.ts';
import { AppError, ErrorCode } from '../lib/app-error.ts';
import type { Clock } from '../lib/clock.ts';
import { escapeMrkdwn } from '../lib/text.ts';
import { feedbackRecipientCard, feedbackSenderCard } from '../views/feedback-messages.ts';
import { localeOf } from './locale-of.ts';
import { approvalConversation, queueDirectMessage } from './visit-messages.ts';

/**
 * Who receives a person's feedback: on a property site their chain up to the PM (team lead and
 * PM); on a brand the field chain up to the market manager, plus the SLT member who owns the market.
 */
export function feedbackRecipients(chart: OrgChart, senderId: string): string[] {
  const chain = chart.chainOf(senderId);
  const stopRole = chart.template === 'property-site' ? 'project_manager' : 'market_manager';
  const stopAt = chain.findIndex((id) => chart.person(id)?.role === stopRole);
  const recipients = stopAt === -1 ? chain.slice(0, 1) : chain.slice(0, stopAt + 1);
  if (chart.template === 'brand-sales') {
    for (const code of chart.marketsOf(senderId)) {
      const owner = chart.marketOwner(code);
      if (owner && owner !== senderId) recipients.push(owner);
    }
  }
  return [...new Set(recipients)];
}

const ctxFor = (chart: OrgChart, reader: string) => ({ locale: localeOf(chart, reader), timeZone: chart.data.timezone, nameOf: (id: string) => chart.nameOf(id) });

/** `/feedback` submitted: stored once per modal, a card to each recipient, and the sender's read receipts. */
export async function fileFeedback(o: { db: Db; clock: Clock; chart: OrgChart; senderId: string; input: FeedbackInput; viewId: string }): Promise<{ id: number; recipients: string[] }> {
  const { chart, senderId } = o;
  if (!chart.person(senderId)) throw new AppError(ErrorCode.NotInOrg);
  const recipients = feedbackRecipients(chart, senderId);
  if (recipients.length === 0) throw new AppError(ErrorCode.NoApprover, {}, 'no recipients', 'feedback.no_recipients');
  const now = o.clock.now();
  try {
    return await o.db.$transaction(async (tx) => {
      const feedback = await tx.feedback.create({ data: { orgId: chart.data.orgId, senderId, ...o.input, sourceViewId: o.viewId, createdAt: now }, select: { id: true } });
      const view = { id: feedback.id, senderId, ...o.input };
      for (const recipientId of recipients) {
        const origin = { kind: 'feedback', ref: String(feedback.id), by: senderId };
        const card = await enqueueMessage(tx, { method: 'chat.postMessage', channel: approvalConversation(senderId, recipientId), args: feedbackRecipientCard(view, ctxFor(chart, recipientId), null), origin }, now);
        await tx.feedbackRecipient.create({ data: { feedbackId: feedback.id, recipientId, outboxId: card.id } });
      }
      const ssgChannel = chart.template === 'brand-sales' ? chart.channel('ssg') : undefined;
      if (ssgChannel) await enqueueMessage(tx, { method: 'chat.postMessage', channel: ssgChannel, args: feedbackSenderCard(view, ctxFor(chart, ''), []) }, now);
      const senderCard = await queueDirectMessage(tx, senderId, feedbackSenderCard(view, ctxFor(chart, senderId), recipients.map((recipientId) => ({ recipientId, readAt: null }))), now);
      await tx.feedback.update({ where: { id: feedback.id }, data: { senderOutboxId: senderCard.id }, select: { id: true } });
      const names = recipients.map((id) => escapeMrkdwn(chart.nameOf(id))).join('、');
      await queueDirectMessage(tx, senderId, { text: t(localeOf(chart, senderId), 'feedback.sent', { names }) }, now);
      return { id: feedback.id, recipients };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const filed = await o.db.feedback.findUnique({ where: { sourceViewId: o.viewId }, include: { recipients: true } });
      if (filed) return { id: filed.id, recipients: filed.recipients.map((r) => r.recipientId) };
    }
    throw error;
  }
}

/** A recipient read the feedback (button, or a reply in its thread): once; the sender's card shows it. */
export async function markFeedbackRead(o: { db: Db; clock: Clock; chart: OrgChart; feedbackId: number; readerId: string }): Promise<boolean> {
  const now = o.clock.now();
  return o.db.$transaction(async (tx) => {
    const recipient = await tx.feedbackRecipient.findUnique({ where: { feedbackId_recipientId: { feedbackId: o.feedbackId, recipientId: o.readerId } } });
    if (!recipient) throw new AppError(ErrorCode.Forbidden, {}, 'not a recipient', 'feedback.not_recipient');
    const { count } = await tx.feedbackRecipient.updateMany({ where: { feedbackId: o.feedbackId, recipientId: o.readerId, readAt: null }, data: { readAt: now } });
    if (count === 0) return false;
    await refreshFeedbackCards(tx, o.chart, o.feedbackId, o.readerId, now);
    return true;
  });
}

async function refreshFeedbackCards(tx: DbOrTx, chart: OrgChart, feedbackId: number, readerId: string, now: Date): Promise<void> {
  const feedback = await tx.feedback.findUniqueOrThrow({ where: { id: feedbackId }, include: { recipients: true } });
  const view = { id: feedback.id, senderId: feedback.senderId, type: feedback.type, content: feedback.content, subject: feedback.subject, importance: feedback.importance };
  if (feedback.senderOutboxId) {
    await enqueueMessage(tx, { method: 'chat.update', channel: '', args: feedbackSenderCard(view, ctxFor(chart, feedback.senderId), feedback.recipients), updateOfId: feedback.senderOutboxId }, now);
  }
  const mine = feedback.recipients.find((r) => r.recipientId === readerId);
  if (mine?.outboxId) await enqueueMessage(tx, { method: 'chat.update', channel: '', args: feedbackRecipientCard(view, ctxFor(chart, readerId), mine.readAt), updateOfId: mine.outboxId }, now);
}

/** The feedback whose card is this message, for replies typed in its thread. */
export async function feedbackOfMessage(db: DbOrTx, channel: string, ts: string): Promise<{ feedbackId: number; recipientId: string } | null> {
  const message = await db.outboxMessage.findFirst({ where: { sentChannel: channel, sentTs: ts }, select: { id: true } });
  if (!message) return null;
  return db.feedbackRecipient.findFirst({ where: { outboxId: message.id }, select: { feedbackId: true, recipientId: true } });
}
