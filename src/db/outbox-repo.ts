import type { Db, DbOrTx } from './database.ts';
import type { OutboxMessage } from '../generated/sqlite/client.ts';

export type { OutboxMessage };

export interface OutgoingMessage {
  method: 'chat.postMessage' | 'chat.update';
  /** A channel id, or a user id for a DM. Ignored for updates of an earlier outbox message. */
  channel: string;
  /** Web API arguments besides channel (text, blocks, …). */
  args: Record<string, unknown>;
  /** Reply in the thread of the message this earlier outbox row posted. */
  threadOfId?: number;
  /** Update the message this earlier outbox row posted. */
  updateOfId?: number;
}

/**
 * Queues a message in the caller's transaction, so it exists exactly when the change does.
 * A plain INSERT … RETURNING: every change that tells someone goes through here.
 */
export async function enqueueMessage(db: DbOrTx, message: OutgoingMessage, now: Date): Promise<{ id: number }> {
  const rows = await db.$queryRaw<{ id: number | bigint }[]>`
    INSERT INTO "OutboxMessage" ("method", "channel", "payload", "threadOfId", "updateOfId", "status", "attempts", "nextAttemptAt", "createdAt")
    VALUES (${message.method}, ${message.channel}, ${JSON.stringify(message.args)}, ${message.threadOfId ?? null}, ${message.updateOfId ?? null}, 'pending', 0, ${now}, ${now})
    RETURNING "id"`;
  return { id: Number(rows[0].id) };
}

/** Due messages, oldest first, leaving out channels the sender knows it must not post to yet. */
export async function findDue(db: Db, now: Date, limit: number, skipChannels: string[] = []): Promise<OutboxMessage[]> {
  return db.outboxMessage.findMany({
    where: { status: 'pending', nextAttemptAt: { lte: now }, ...(skipChannels.length > 0 ? { channel: { notIn: skipChannels } } : {}) },
    orderBy: { id: 'asc' },
    take: limit,
  });
}

/** Takes a message for sending; false when another sender took it first. */
export async function claimMessage(db: Db, id: number, now: Date): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: { id, status: 'pending' },
    data: { status: 'sending', claimedAt: now, attempts: { increment: 1 } },
  });
  return count === 1;
}

export async function markSent(db: Db, id: number, sent: { channel: string; ts: string }, now: Date): Promise<void> {
  await db.outboxMessage.updateMany({
    where: { id },
    data: { status: 'sent', sentChannel: sent.channel, sentTs: sent.ts, sentAt: now, lastError: null },
  });
}

export async function markRetry(db: Db, id: number, nextAttemptAt: Date, reason: string, countsAsAttempt = true): Promise<void> {
  await db.outboxMessage.updateMany({
    where: { id },
    data: { status: 'pending', nextAttemptAt, lastError: reason, ...(countsAsAttempt ? {} : { attempts: { decrement: 1 } }) },
  });
}

export async function markFailed(db: Db, id: number, reason: string): Promise<void> {
  await db.outboxMessage.updateMany({ where: { id }, data: { status: 'failed', lastError: reason } });
}

/** Messages a crashed sender left half-sent: they may or may not have reached Slack. */
export async function findStaleClaims(db: Db, claimedBefore: Date): Promise<OutboxMessage[]> {
  return db.outboxMessage.findMany({ where: { status: 'sending', claimedAt: { lt: claimedBefore } }, orderBy: { id: 'asc' }, take: 100 });
}

/** Back to the queue, if nobody else took it meanwhile. */
export async function releaseClaim(db: Db, id: number, claimedAt: Date | null): Promise<void> {
  await db.outboxMessage.updateMany({ where: { id, status: 'sending', claimedAt }, data: { status: 'pending' } });
}

/** Where an earlier message ended up, for replies in its thread and updates of it. */
export async function findDelivery(db: DbOrTx, id: number): Promise<Pick<OutboxMessage, 'status' | 'sentChannel' | 'sentTs'> | null> {
  return db.outboxMessage.findUnique({ where: { id }, select: { status: true, sentChannel: true, sentTs: true } });
}

export async function countByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await db.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
}
