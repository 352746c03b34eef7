import type { DbOrTx } from '../database.ts';
import type { Feedback, FeedbackRecipient } from '../../generated/sqlite/client.ts';

export type { Feedback };

/** Feedback of a period [from, to), the important first, then the newest (the meeting agenda). */
export async function feedbackOfPeriod(
  db: DbOrTx,
  orgId: number,
  from: Date,
  to: Date,
  take: number,
): Promise<Feedback[]> {
  return db.feedback.findMany({
    where: { orgId, createdAt: { gte: from, lt: to } },
    orderBy: [{ importance: 'desc' }, { createdAt: 'desc' }],
    take,
  });
}

/** Feedback of a period [from, to) sent to one recipient, oldest first (the weekly digest). */
export async function feedbackSentTo(
  db: DbOrTx,
  o: { orgId: number; recipientId: string; from: Date; to: Date; take: number },
): Promise<Feedback[]> {
  return db.feedback.findMany({
    where: {
      orgId: o.orgId,
      createdAt: { gte: o.from, lt: o.to },
      recipients: { some: { recipientId: o.recipientId } },
    },
    orderBy: { createdAt: 'asc' },
    take: o.take,
  });
}

export type FeedbackWithRecipients = Feedback & { recipients: FeedbackRecipient[] };
export type { FeedbackRecipient };

/** Stores a feedback; its modal's view id is unique, so a re-submission throws a unique violation. */
export async function createFeedback(db: DbOrTx, data: Omit<Feedback, 'id' | 'senderOutboxId'>): Promise<number> {
  const { id } = await db.feedback.create({ data, select: { id: true } });
  return id;
}

/** The sender's card, rewritten as recipients read the feedback. */
export async function setFeedbackSenderCard(db: DbOrTx, id: number, outboxId: number): Promise<void> {
  await db.feedback.update({ where: { id }, data: { senderOutboxId: outboxId }, select: { id: true } });
}

export async function findFeedbackBySourceView(db: DbOrTx, viewId: string): Promise<FeedbackWithRecipients | null> {
  return db.feedback.findUnique({ where: { sourceViewId: viewId }, include: { recipients: true } });
}

export async function feedbackWithRecipients(db: DbOrTx, id: number): Promise<FeedbackWithRecipients> {
  return db.feedback.findUniqueOrThrow({ where: { id }, include: { recipients: true } });
}

/** A recipient's copy and the message that carries it. */
export async function addFeedbackRecipient(
  db: DbOrTx,
  o: { feedbackId: number; recipientId: string; outboxId: number },
): Promise<void> {
  await db.feedbackRecipient.create({ data: o });
}

export interface FeedbackCopyKey {
  feedbackId: number;
  recipientId: string;
}

/** A recipient's copy of a feedback of this organisation, or null. */
export async function findFeedbackCopy(
  db: DbOrTx,
  orgId: number,
  key: FeedbackCopyKey,
): Promise<FeedbackRecipient | null> {
  return db.feedbackRecipient.findFirst({ where: { ...key, feedback: { orgId } } });
}

export async function feedbackCopy(db: DbOrTx, key: FeedbackCopyKey): Promise<FeedbackRecipient> {
  return db.feedbackRecipient.findUniqueOrThrow({ where: { feedbackId_recipientId: key } });
}

/** Marks a copy read, once: false when it was read already. */
export async function markFeedbackCopyRead(db: DbOrTx, key: FeedbackCopyKey, at: Date, by: string): Promise<boolean> {
  const where = { ...key, readAt: null };
  const { count } = await db.feedbackRecipient.updateMany({ where, data: { readAt: at, readBy: by } });
  return count > 0;
}

/** The feedback copy a sent message carries (a reply in its thread reads it), or null. */
export async function feedbackCopyOfMessage(db: DbOrTx, channel: string, ts: string): Promise<FeedbackCopyKey | null> {
  const where = { sentChannel: channel, sentTs: ts };
  const message = await db.outboxMessage.findFirst({ where, select: { id: true } });
  if (!message) return null;
  const select = { feedbackId: true, recipientId: true };
  return db.feedbackRecipient.findFirst({ where: { outboxId: message.id }, select });
}

/** This person's unread copies, each with its feedback, oldest first. */
export async function unreadFeedbackOf(
  db: DbOrTx,
  orgId: number,
  recipientId: string,
  take: number,
): Promise<(FeedbackRecipient & { feedback: Feedback })[]> {
  return db.feedbackRecipient.findMany({
    where: { recipientId, readAt: null, feedback: { orgId } },
    include: { feedback: true },
    orderBy: { feedbackId: 'asc' },
    take,
  });
}
