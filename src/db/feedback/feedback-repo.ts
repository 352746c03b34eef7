import type { Feedback, FeedbackRecipient } from '../../generated/sqlite/client.ts';
import { sql } from '../sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from '../sql/sql-runner.ts';

export type { Feedback };

const feedbackFromRow = rowReader<Feedback>({ numbers: ['id', 'orgId', 'senderOutboxId'], dates: ['createdAt'] });
const copyFromRow = rowReader<FeedbackRecipient>({ numbers: ['feedbackId', 'outboxId'], dates: ['readAt'] });

/** Feedback of a period [from, to), the important first, then the newest (the meeting agenda). */
export async function feedbackOfPeriod(
  db: DbLike,
  orgId: number,
  from: Date,
  to: Date,
  take: number,
): Promise<Feedback[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "Feedback" WHERE "orgId" = ${orgId} AND "createdAt" >= ${from} AND "createdAt" < ${to}
    ORDER BY "importance" DESC, "createdAt" DESC LIMIT ${take}`);
  return rows.map(feedbackFromRow);
}

/** Feedback of a period [from, to) sent to one recipient, oldest first (the weekly digest). */
export async function feedbackSentTo(
  db: DbLike,
  o: { orgId: number; recipientId: string; from: Date; to: Date; take: number },
): Promise<Feedback[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "Feedback" f WHERE f."orgId" = ${o.orgId} AND f."createdAt" >= ${o.from} AND f."createdAt" < ${o.to}
      AND EXISTS (SELECT 1 FROM "FeedbackRecipient" r
        WHERE r."feedbackId" = f."id" AND r."recipientId" = ${o.recipientId})
    ORDER BY f."createdAt" ASC LIMIT ${o.take}`);
  return rows.map(feedbackFromRow);
}

export type FeedbackWithRecipients = Feedback & { recipients: FeedbackRecipient[] };
export type { FeedbackRecipient };

/** Stores a feedback; its modal's view id is unique, so a re-submission throws a unique violation. */
export async function createFeedback(db: DbLike, d: Omit<Feedback, 'id' | 'senderOutboxId'>): Promise<number> {
  const rows = await runnerOf(db).all<{ id: number | bigint }>(sql`
    INSERT INTO "Feedback"
      ("orgId", "senderId", "type", "content", "subject", "importance", "sourceViewId", "createdAt")
    VALUES (${d.orgId}, ${d.senderId}, ${d.type}, ${d.content}, ${d.subject}, ${d.importance}, ${d.sourceViewId},
      ${d.createdAt})
    RETURNING "id"`);
  return Number(rows[0].id);
}

/** The sender's card, rewritten as recipients read the feedback. */
export async function setFeedbackSenderCard(db: DbLike, id: number, outboxId: number): Promise<void> {
  await runnerOf(db).run(sql`UPDATE "Feedback" SET "senderOutboxId" = ${outboxId} WHERE "id" = ${id}`);
}

async function withRecipients(db: DbLike, feedback: Feedback): Promise<FeedbackWithRecipients> {
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "FeedbackRecipient" WHERE "feedbackId" = ${feedback.id} ORDER BY "outboxId", "recipientId"`);
  return { ...feedback, recipients: rows.map(copyFromRow) };
}

export async function findFeedbackBySourceView(db: DbLike, viewId: string): Promise<FeedbackWithRecipients | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "Feedback" WHERE "sourceViewId" = ${viewId}`);
  return rows[0] ? withRecipients(db, feedbackFromRow(rows[0])) : null;
}

export async function feedbackWithRecipients(db: DbLike, id: number): Promise<FeedbackWithRecipients> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "Feedback" WHERE "id" = ${id}`);
  if (!rows[0]) throw new Error(`no feedback ${id}`);
  return withRecipients(db, feedbackFromRow(rows[0]));
}

/** A recipient's copy and the message that carries it. */
export async function addFeedbackRecipient(
  db: DbLike,
  o: { feedbackId: number; recipientId: string; outboxId: number },
): Promise<void> {
  await runnerOf(db).run(sql`
    INSERT INTO "FeedbackRecipient" ("feedbackId", "recipientId", "outboxId")
    VALUES (${o.feedbackId}, ${o.recipientId}, ${o.outboxId})`);
}

export interface FeedbackCopyKey {
  feedbackId: number;
  recipientId: string;
}

/** A recipient's copy of a feedback of this organisation, or null. */
export async function findFeedbackCopy(
  db: DbLike,
  orgId: number,
  key: FeedbackCopyKey,
): Promise<FeedbackRecipient | null> {
  const rows = await runnerOf(db).all(sql`
    SELECT r.* FROM "FeedbackRecipient" r JOIN "Feedback" f ON f."id" = r."feedbackId"
    WHERE r."feedbackId" = ${key.feedbackId} AND r."recipientId" = ${key.recipientId} AND f."orgId" = ${orgId}`);
  return rows[0] ? copyFromRow(rows[0]) : null;
}

export async function feedbackCopy(db: DbLike, key: FeedbackCopyKey): Promise<FeedbackRecipient> {
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "FeedbackRecipient" WHERE "feedbackId" = ${key.feedbackId} AND "recipientId" = ${key.recipientId}`);
  if (!rows[0]) throw new Error(`no feedback copy ${key.feedbackId}/${key.recipientId}`);
  return copyFromRow(rows[0]);
}

/** Marks a copy read, once: false when it was read already. */
export async function markFeedbackCopyRead(db: DbLike, key: FeedbackCopyKey, at: Date, by: string): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "FeedbackRecipient" SET "readAt" = ${at}, "readBy" = ${by}
    WHERE "feedbackId" = ${key.feedbackId} AND "recipientId" = ${key.recipientId} AND "readAt" IS NULL`);
  return changed > 0;
}

/** The feedback copy a sent message carries (a reply in its thread reads it), or null. */
export async function feedbackCopyOfMessage(db: DbLike, channel: string, ts: string): Promise<FeedbackCopyKey | null> {
  const rows = await runnerOf(db).all<{ feedbackId: number | bigint; recipientId: string }>(sql`
    SELECT "feedbackId", "recipientId" FROM "FeedbackRecipient"
    WHERE "outboxId" = (SELECT "id" FROM "OutboxMessage" WHERE "sentChannel" = ${channel} AND "sentTs" = ${ts} LIMIT 1)
    LIMIT 1`);
  return rows[0] ? { feedbackId: Number(rows[0].feedbackId), recipientId: rows[0].recipientId } : null;
}

/** This person's unread copies, each with its feedback, oldest first. */
export async function unreadFeedbackOf(
  db: DbLike,
  orgId: number,
  recipientId: string,
  take: number,
): Promise<(FeedbackRecipient & { feedback: Feedback })[]> {
  const copies = await runnerOf(db).all(sql`
    SELECT r.* FROM "FeedbackRecipient" r JOIN "Feedback" f ON f."id" = r."feedbackId"
    WHERE r."recipientId" = ${recipientId} AND r."readAt" IS NULL AND f."orgId" = ${orgId}
    ORDER BY r."feedbackId" ASC LIMIT ${take}`);
  const out: (FeedbackRecipient & { feedback: Feedback })[] = [];
  for (const row of copies.map(copyFromRow)) {
    const feedback = await runnerOf(db).all(sql`SELECT * FROM "Feedback" WHERE "id" = ${row.feedbackId}`);
    out.push({ ...row, feedback: feedbackFromRow(feedback[0]) });
  }
  return out;
}
