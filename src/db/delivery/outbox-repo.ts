import type { OutboxMessage } from '../../generated/sqlite/client.ts';
import { preparedSql, sql, sqlList, type SqlQuery } from '../sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from '../sql/sql-runner.ts';
import { asWrite, writeTogether, type Write } from '../sql/write-together.ts';
import { withLateNumbers } from './late-numbers.ts';

export type { OutboxMessage };

export interface OutgoingMessage {
  /** files.uploadV2 is a chart the sender draws and uploads (see services/delivery/upload-file.ts). */
  method: 'chat.postMessage' | 'chat.update' | 'files.uploadV2';
  /** A channel id, or a user id for a DM. A reply or an update takes its parent's instead. */
  channel: string;
  /** Web API arguments besides channel (text, blocks, …). */
  args: Record<string, unknown>;
  /** Reply in the thread of the message this earlier outbox row posted. */
  threadOfId?: number;
  /** Update the message this earlier outbox row posted. */
  updateOfId?: number;
  /** What it is about and who caused it, told if it cannot be delivered; a follow-up takes its parent's. */
  origin?: MessageOrigin;
}

/** `kind` names the item in the notice (visit, issue…, or notice for the notices themselves). */
export interface MessageOrigin {
  kind: string;
  /** How the item is shown: `12` for registration #12, `OSB-2026-0042` for an issue. */
  ref: string;
  /** Who is told when it fails. */
  by?: string;
}

/**
 * Queues a message in the caller's transaction, so it exists exactly when the change does.
 * A plain INSERT … RETURNING: every change that tells someone goes through here.
 */
export async function enqueueMessage(db: DbLike, message: OutgoingMessage, now: Date): Promise<{ id: number }> {
  return (await enqueueMessages(db, [message], now))[0];
}

/**
 * One message's row: its channel and origin its parent's when it is a reply or an update. `threadOf`:
 * the parent of a reply as SQL (an id not known when the reply is built), instead of `threadOfId`.
 */
function messageValues(message: OutgoingMessage, now: Date, threadOf?: SqlQuery): SqlQuery {
  // a reply or an update goes where its parent went: it is queued and paced with that channel,
  // not with every other follow-up of the organisation
  const thread = threadOf ?? (message.threadOfId === undefined ? undefined : sql`${message.threadOfId}`);
  const parentId = thread ?? (message.updateOfId === undefined ? undefined : sql`${message.updateOfId}`);
  const origin = message.origin ? JSON.stringify(message.origin) : null;
  const parent = sql`FROM "OutboxMessage" WHERE "id" = ${parentId ?? sql`NULL`}`;
  const channel =
    parentId === undefined ? sql`${message.channel}` : sql`COALESCE((SELECT "channel" ${parent}), ${message.channel})`;
  const own = withLateNumbers(origin);
  const about = parentId === undefined ? own : sql`COALESCE(${own}, (SELECT "origin" ${parent}))`;
  return sql`(${message.method}, ${channel}, ${withLateNumbers(JSON.stringify(message.args))}, ${thread ?? sql`NULL`},
      ${message.updateOfId ?? null}, 'pending', 0, ${now}, ${now}, ${about})`;
}

function insertOf(messages: OutgoingMessage[], now: Date, threadOf?: SqlQuery): SqlQuery {
  let values = messageValues(messages[0], now, threadOf);
  for (const message of messages.slice(1)) values = sql`${values}, ${messageValues(message, now, threadOf)}`;
  return sql`
    INSERT INTO "OutboxMessage"
      ("method", "channel", "payload", "threadOfId", "updateOfId", "status", "attempts", "nextAttemptAt", "createdAt",
      "origin")
    VALUES ${values}`;
}

/**
 * PostgreSQL only: queues messages and runs `then`, which reads their ids as `SELECT "id" FROM
 * "queued"`, as ONE statement (a top-level WITH: send it alone, not inside writeTogether's WITH).
 */
const messagesThenWrite = (messages: OutgoingMessage[], now: Date, then: SqlQuery): Write =>
  asWrite(sql`WITH "queued" AS (${insertOf(messages, now)} RETURNING "id") ${then}`);

/** messagesThenWrite of one message: `then` reads its id as `(SELECT "id" FROM "queued")`. */
export const messageThenWrite = (message: OutgoingMessage, now: Date, then: SqlQuery): Write =>
  messagesThenWrite([message], now, then);

/**
 * Queues one message and keeps its id on the row that `keep` updates (given the id as SQL): see
 * queueMessagesKeepingIds.
 */
export const queueMessageKeepingId = (
  db: DbLike,
  message: OutgoingMessage,
  now: Date,
  keep: (id: SqlQuery) => SqlQuery,
): Promise<void> => queueMessagesKeepingIds(db, [message], now, (ids) => keep(sql`(${ids})`));

/**
 * Queues messages (at least one) and keeps their ids with `keep`, given them as a SELECT of "id"
 * (rows of the order given). On PostgreSQL it waits for the unit's next statement or its COMMIT (one
 * statement: no round trip of its own); on SQLite the ids are read and `keep` follows.
 */
export async function queueMessagesKeepingIds(
  db: DbLike,
  messages: OutgoingMessage[],
  now: Date,
  keep: (ids: SqlQuery) => SqlQuery,
): Promise<void> {
  const runner = runnerOf(db);
  if (runner.provider === 'postgres') {
    await writeTogether(db, [messagesThenWrite(messages, now, keep(sql`SELECT "id" FROM "queued"`))]);
    return;
  }
  const ids = (await enqueueMessages(db, messages, now)).map((m) => m.id);
  await runner.run(keep(sql`SELECT "id" FROM "OutboxMessage" WHERE "id" IN (${sqlList(ids)})`));
}

/** Replies (at least one) in the thread of a message whose outbox id is `threadOf`'s, as a write (writeTogether). */
export const repliesWrite = (replies: Omit<OutgoingMessage, 'threadOfId'>[], threadOf: SqlQuery, now: Date): Write =>
  asWrite(insertOf(replies, now, threadOf));

/**
 * enqueueMessages (at least one message) as a write to send with others (writeTogether), when nobody
 * needs the messages' ids. Queued in their order, after those queued before it in the unit.
 */
export const messagesWrite = (messages: OutgoingMessage[], now: Date): Write => asWrite(insertOf(messages, now));

/**
 * Several messages in one INSERT (one round trip on PostgreSQL), queued in their order: their ids
 * rise in the order given, and the sender delivers by id.
 */
export async function enqueueMessages(db: DbLike, messages: OutgoingMessage[], now: Date): Promise<{ id: number }[]> {
  if (messages.length === 0) return [];
  const rows = await runnerOf(db).all<{ id: number | bigint }>(sql`${insertOf(messages, now)} RETURNING "id"`);
  // RETURNING gives no order: the ids, ascending, are the rows in the order of VALUES
  return rows
    .map((row) => Number(row.id))
    .sort((a, b) => a - b)
    .map((id) => ({ id }));
}

const outboxFromRow = rowReader<OutboxMessage>({
  numbers: ['id', 'threadOfId', 'updateOfId', 'attempts'],
  dates: ['nextAttemptAt', 'claimedAt', 'createdAt', 'sentAt', 'failingSince', 'failureReportedAt'],
});

/** Due messages, oldest first, leaving out channels the sender knows it must not post to yet. */
export async function findDue(
  db: DbLike,
  now: Date,
  limit: number,
  skipChannels: string[] = [],
): Promise<OutboxMessage[]> {
  const skip = skipChannels.length > 0 ? sql` AND "channel" NOT IN (${sqlList(skipChannels)})` : sql``;
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "OutboxMessage" WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now}${skip}
    ORDER BY "id" LIMIT ${limit}`);
  return rows.map(outboxFromRow);
}

/** Takes a message for sending; false when another sender took it first. */
export async function claimMessage(db: DbLike, id: number, now: Date): Promise<boolean> {
  const changed = await runnerOf(db).run(
    preparedSql(sql`
    UPDATE "OutboxMessage" SET "status" = 'sending', "claimedAt" = ${now}, "attempts" = "attempts" + 1
    WHERE "id" = ${id} AND "status" = 'pending'`),
  );
  return changed === 1;
}

export async function markSent(
  db: DbLike,
  id: number,
  sent: { channel: string; ts: string },
  now: Date,
): Promise<void> {
  await runnerOf(db).run(
    preparedSql(sql`
    UPDATE "OutboxMessage" SET "status" = 'sent', "sentChannel" = ${sent.channel}, "sentTs" = ${sent.ts}, "sentAt" =
    ${now}, "lastError" = NULL, "failingSince" = NULL
    WHERE "id" = ${id}`),
  );
}

/**
 * Back to the queue until `nextAttemptAt`. `failedAt`, for a failure that counts towards the
 * deadline, starts the run of failures if none is running.
 */
export async function markRetry(
  db: DbLike,
  id: number,
  nextAttemptAt: Date,
  reason: string,
  countsAsAttempt = true,
  failedAt?: Date,
): Promise<void> {
  const attempts = countsAsAttempt ? sql`"attempts"` : sql`"attempts" - 1`;
  const since = failedAt ? sql`, "failingSince" = COALESCE("failingSince", ${failedAt})` : sql``;
  await runnerOf(db).run(sql`
    UPDATE "OutboxMessage" SET "status" = 'pending', "nextAttemptAt" = ${nextAttemptAt}, "lastError" = ${reason},
      "attempts" = ${attempts}${since}
    WHERE "id" = ${id}`);
}

export async function markFailed(db: DbLike, id: number, reason: string): Promise<void> {
  await runnerOf(db).run(
    sql`UPDATE "OutboxMessage" SET "status" = 'failed', "lastError" = ${reason} WHERE "id" = ${id}`,
  );
}

/** Messages a crashed sender left half-sent: they may or may not have reached Slack. */
export async function findStaleClaims(db: DbLike, claimedBefore: Date): Promise<OutboxMessage[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "OutboxMessage" WHERE "status" = 'sending' AND "claimedAt" < ${claimedBefore}
    ORDER BY "id" ASC LIMIT 100`);
  return rows.map(outboxFromRow);
}

/** Back to the queue, if nobody else took it meanwhile. */
export async function releaseClaim(db: DbLike, id: number, claimedAt: Date | null): Promise<void> {
  const same = claimedAt === null ? sql`"claimedAt" IS NULL` : sql`"claimedAt" = ${claimedAt}`;
  await runnerOf(db).run(sql`
    UPDATE "OutboxMessage" SET "status" = 'pending' WHERE "id" = ${id} AND "status" = 'sending' AND ${same}`);
}

/** Where an earlier message ended up, for replies in its thread and updates of it. */
export async function findDelivery(
  db: DbLike,
  id: number,
): Promise<Pick<OutboxMessage, 'channel' | 'status' | 'sentChannel' | 'sentTs'> | null> {
  const rows = await runnerOf(db).all<Pick<OutboxMessage, 'channel' | 'status' | 'sentChannel' | 'sentTs'>>(
    preparedSql(sql`SELECT "channel", "status", "sentChannel", "sentTs" FROM "OutboxMessage" WHERE "id" = ${id}`),
  );
  return rows[0] ?? null;
}

export async function countByStatus(db: DbLike): Promise<Record<string, number>> {
  const rows = await runnerOf(db).all<{ status: string; n: number | bigint }>(
    sql`SELECT "status", COUNT(*) AS "n" FROM "OutboxMessage" GROUP BY "status"`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * Takes the channel's next turn to post: true, and the channel is held until `until`, when its
 * last post was long enough ago (on any instance); false while another post's turn lasts.
 */
export async function takeChannelTurn(db: DbLike, channel: string, now: Date, until: Date): Promise<boolean> {
  const changed = await runnerOf(db).run(
    preparedSql(sql`
    INSERT INTO "ChannelPace" ("channel", "freeAt") VALUES (${channel}, ${until})
    ON CONFLICT ("channel") DO UPDATE SET "freeAt" = excluded."freeAt" WHERE "ChannelPace"."freeAt" <= ${now}`),
  );
  return changed === 1;
}

/** Slack said wait (429 Retry-After): no instance posts to the channel before `until`. */
export async function holdChannel(db: DbLike, channel: string, until: Date): Promise<void> {
  await runnerOf(db).run(sql`
    INSERT INTO "ChannelPace" ("channel", "freeAt") VALUES (${channel}, ${until})
    ON CONFLICT ("channel") DO UPDATE SET "freeAt" = excluded."freeAt"`);
}

/** Paces that ended before `before`: the channel is free and the row says nothing any more. */
export async function pruneChannelPace(db: DbLike, before: Date): Promise<number> {
  return runnerOf(db).run(sql`DELETE FROM "ChannelPace" WHERE "freeAt" < ${before}`);
}
