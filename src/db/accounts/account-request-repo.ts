import type { AccountRequest } from '../../generated/sqlite/client.ts';
import { sql } from '../sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from '../sql/sql-runner.ts';

export type { AccountRequest };

const requestFromRow = rowReader<AccountRequest>({
  numbers: ['id', 'orgId', 'accountId', 'outboxId'],
  dates: ['decidedAt', 'createdAt'],
});

/** Files a request once per modal: the same view submitted again inserts nothing and answers null. */
export async function insertAccountRequest(
  db: DbLike,
  o: { orgId: number; requesterId: string; proposal: string; viewId: string; now: Date },
): Promise<number | null> {
  const rows = await runnerOf(db).all<{ id: number | bigint }>(sql`
    INSERT INTO "AccountRequest" ("orgId", "requesterId", "proposal", "status", "sourceViewId", "createdAt")
    VALUES (${o.orgId}, ${o.requesterId}, ${o.proposal}, 'pending', ${o.viewId}, ${o.now})
    ON CONFLICT ("sourceViewId") DO NOTHING RETURNING "id"`);
  return rows[0] ? Number(rows[0].id) : null;
}

export async function findAccountRequestByView(db: DbLike, viewId: string): Promise<AccountRequest | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "AccountRequest" WHERE "sourceViewId" = ${viewId}`);
  return rows[0] ? requestFromRow(rows[0]) : null;
}

/** The other requests still pending in the organisation (to close those whose account now exists). */
export async function pendingAccountRequests(db: DbLike, orgId: number): Promise<AccountRequest[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "AccountRequest" WHERE "orgId" = ${orgId} AND "status" = 'pending' ORDER BY "id"`);
  return rows.map(requestFromRow);
}

export async function setAccountRequestCard(db: DbLike, id: number, outboxId: number): Promise<void> {
  await runnerOf(db).run(sql`UPDATE "AccountRequest" SET "outboxId" = ${outboxId} WHERE "id" = ${id}`);
}

export async function findAccountRequest(db: DbLike, id: number): Promise<AccountRequest | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "AccountRequest" WHERE "id" = ${id}`);
  return rows[0] ? requestFromRow(rows[0]) : null;
}

/** The request whose card is this message: a reply 通過 in its thread approves it. */
export async function findAccountRequestByMessage(
  db: DbLike,
  channel: string,
  ts: string,
): Promise<AccountRequest | null> {
  const rows = await runnerOf(db).all(sql`
    SELECT r.* FROM "AccountRequest" r JOIN "OutboxMessage" m ON m."id" = r."outboxId"
    WHERE m."sentChannel" = ${channel} AND m."sentTs" = ${ts}`);
  return rows[0] ? requestFromRow(rows[0]) : null;
}

/** Decides a request only while it is pending: a second click or reply acts on nothing. */
export async function decideAccountRequest(
  db: DbLike,
  o: {
    id: number;
    status: 'approved' | 'refused' | 'duplicate';
    deciderId: string;
    accountId: number | null;
    now: Date;
  },
): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "AccountRequest" SET "status" = ${o.status}, "deciderId" = ${o.deciderId}, "decidedAt" = ${o.now},
      "accountId" = ${o.accountId}
    WHERE "id" = ${o.id} AND "status" = 'pending'`);
  return changed === 1;
}

export async function setAccountRequestAccount(db: DbLike, id: number, accountId: number | null): Promise<void> {
  await runnerOf(db).run(sql`UPDATE "AccountRequest" SET "accountId" = ${accountId} WHERE "id" = ${id}`);
}
