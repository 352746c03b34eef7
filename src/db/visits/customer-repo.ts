import type { Customer } from '../../generated/sqlite/client.ts';
import { type SqlQuery, preparedSql, sql, sqlSet } from '../sql/sql-query.ts';
import { rowReader, runnerOf, toDate, type DbLike } from '../sql/sql-runner.ts';
import { asWrite, writeTogether, type Write } from '../sql/write-together.ts';
import type { Read } from '../sql/read-together.ts';
import { enqueueMessage, messageThenWrite } from '../delivery/outbox-repo.ts';
import { drivingDealOfCustomer } from '../deals/deal-repo.ts';

export type { Customer };

/** Just what the duplicate check needs. */
export async function findOwnership(
  db: DbLike,
  orgId: number,
  phone: string,
): Promise<Pick<Customer, 'id' | 'ownerId' | 'lastVisitAt'> | null> {
  const rows = await runnerOf(db).all<{ id: number | bigint; ownerId: string; lastVisitAt: Date | string }>(sql`
    SELECT "id", "ownerId", "lastVisitAt" FROM "Customer" WHERE "orgId" = ${orgId} AND "phone" = ${phone}`);
  const row = rows[0];
  return row ? { id: Number(row.id), ownerId: row.ownerId, lastVisitAt: toDate(row.lastVisitAt) } : null;
}

/**
 * `findOwnership` and another filer's earliest undecided claim on the phone (`findPendingClaim` in
 * visit-repo.ts), in one statement: the duplicate check of every filing is a round trip shorter.
 */
export async function findOwnershipAndClaim(
  db: DbLike,
  o: { orgId: number; phone: string; filerId: string },
): Promise<{
  existing: Pick<Customer, 'id' | 'ownerId' | 'lastVisitAt'> | null;
  claim: { filerId: string; visitAt: Date } | null;
}> {
  type Row = {
    id: number | bigint | null;
    ownerId: string | null;
    lastVisitAt: Date | string | null;
    claimFilerId: string | null;
    claimVisitAt: Date | string | null;
  };
  // prepared: a filing's hot read, whose plan (by organisation and phone) hangs on no value
  const rows = await runnerOf(db).all<Row>(
    preparedSql(sql`
    SELECT c."id", c."ownerId", c."lastVisitAt", p."filerId" AS "claimFilerId", p."visitAt" AS "claimVisitAt"
    FROM (SELECT 1 AS "one") AS "x"
    LEFT JOIN "Customer" c ON c."orgId" = ${o.orgId} AND c."phone" = ${o.phone}
    LEFT JOIN (
      SELECT "filerId", "visitAt" FROM "Visit"
      WHERE "orgId" = ${o.orgId} AND "phone" = ${o.phone} AND "kind" = 'property'
        AND "status" IN ('pending', 'ownership_review') AND "filerId" <> ${o.filerId}
      ORDER BY "id" LIMIT 1
    ) AS p ON 1 = 1`),
  );
  const row = rows[0];
  return {
    existing:
      row?.id != null
        ? { id: Number(row.id), ownerId: String(row.ownerId), lastVisitAt: toDate(row.lastVisitAt) }
        : null,
    claim: row?.claimFilerId != null ? { filerId: row.claimFilerId, visitAt: toDate(row.claimVisitAt) } : null,
  };
}

const customerFromRow = rowReader<Customer>({
  numbers: ['id', 'orgId', 'visitCount', 'reminderLevel', 'cardOutboxId'],
  dates: ['stageChangedAt', 'firstVisitAt', 'lastVisitAt', 'createdAt'],
});

async function oneCustomer(db: DbLike, where: SqlQuery): Promise<Customer | null> {
  // by key (an id, an organisation's phone): prepared on PostgreSQL
  const rows = await runnerOf(db).all(preparedSql(sql`SELECT * FROM "Customer" WHERE ${where}`));
  return rows[0] ? customerFromRow(rows[0]) : null;
}

export async function findCustomerByPhone(db: DbLike, orgId: number, phone: string): Promise<Customer | null> {
  return oneCustomer(db, sql`"orgId" = ${orgId} AND "phone" = ${phone}`);
}

export async function findCustomer(db: DbLike, id: number): Promise<Customer | null> {
  return oneCustomer(db, sql`"id" = ${id}`);
}

/** A customer file as a visit left it, with its driving deal (see drivingDealOf). */
export interface CustomerVisit {
  customer: Customer;
  drivingDeal: { id: number; stage: string } | null;
}

/**
 * An approved property registration opens its customer file, or extends it: its values are taken from
 * the registration's row, so it goes in the same round trip as the decision that approves it
 * (readTogether). Null when the registration is not an approved property visit (nothing is written).
 */
export const customerVisitOfApprovalRead = (o: {
  visitId: number;
  now: Date;
  protectedSince?: Date;
}): Read<CustomerVisit | null> => ({
  query: customerVisitUpsert(
    sql`SELECT v."orgId", v."phone", v."customerName", v."filerId", 'visiting', ${o.now}, 1, v."visitAt", v."visitAt",
      0, ${o.now} FROM "Visit" v WHERE v."id" = ${o.visitId} AND v."status" = 'approved' AND v."kind" = 'property'`,
    o.protectedSince,
  ),
  read: (rows) => (rows[0] ? customerVisitFromRow(rows[0]) : null),
});

/**
 * Opens a file, or adds a visit to the existing one: one upsert. Approval never takes a protected
 * file from its owner (only a ruling does); a file whose protection ran out before `protectedSince`
 * goes to the one whose visit was approved.
 */
function customerVisitUpsert(source: SqlQuery, protectedSince: Date | undefined): SqlQuery {
  // the file's driving deal (see drivingDealOf) comes back with it: no round trip of its own
  const driving = drivingDealOfCustomer(sql`"Customer"."id"`);
  const takeUnprotected = protectedSince
    ? sql`CASE WHEN "Customer"."lastVisitAt" < ${protectedSince} THEN excluded."ownerId" ELSE "Customer"."ownerId"
      END`
    : sql`"Customer"."ownerId"`;
  return sql`
    INSERT INTO "Customer" ("orgId", "phone", "name", "ownerId", "stage", "stageChangedAt", "visitCount",
    "firstVisitAt", "lastVisitAt", "reminderLevel", "createdAt")
    ${source}
    ON CONFLICT ("orgId", "phone") DO UPDATE SET
      "ownerId" = ${takeUnprotected},
      "name" = excluded."name",
      "visitCount" = "Customer"."visitCount" + 1,
      "lastVisitAt" = CASE WHEN "Customer"."lastVisitAt" > excluded."lastVisitAt" THEN "Customer"."lastVisitAt" ELSE
      excluded."lastVisitAt" END
    RETURNING *, (SELECT "id" ${driving}) AS "drivingDealId", (SELECT "stage" ${driving}) AS "drivingDealStage"`;
}

function customerVisitFromRow(row: Record<string, unknown>): CustomerVisit {
  const { drivingDealId, drivingDealStage, ...customer } = row;
  const drivingDeal =
    drivingDealId === null || drivingDealId === undefined
      ? null
      : { id: Number(drivingDealId), stage: String(drivingDealStage) };
  return { customer: customerFromRow(customer), drivingDeal };
}

/**
 * A ruling gives the customer to `ownerId`: the file changes hands, or is opened for them (with no
 * visit counted yet) when the contest was with another undecided registration.
 */
export async function giveCustomer(
  db: DbLike,
  data: { orgId: number; phone: string; name: string; ownerId: string; visitAt: Date; now: Date },
): Promise<number> {
  const rows = await runnerOf(db).all<{ id: number | bigint }>(sql`
    INSERT INTO "Customer" ("orgId", "phone", "name", "ownerId", "stage", "stageChangedAt", "visitCount",
    "firstVisitAt", "lastVisitAt", "reminderLevel", "createdAt")
    VALUES (${data.orgId}, ${data.phone}, ${data.name}, ${data.ownerId}, 'visiting', ${data.now}, 0, ${data.visitAt},
    ${data.visitAt}, 0, ${data.now})
    ON CONFLICT ("orgId", "phone") DO UPDATE SET "ownerId" = excluded."ownerId"
    RETURNING "id"`);
  return Number(rows[0].id);
}

/**
 * Registrations of one phone are checked and stored one at a time: on PostgreSQL a transaction lock
 * per phone (SQLite's transactions already run one at a time).
 */
export async function lockPhone(db: DbLike, orgId: number, phone: string): Promise<void> {
  const runner = runnerOf(db);
  if (runner.provider !== 'postgres') return;
  const lock = `visit-phone:${orgId}:${phone}`;
  // nobody reads its result: inside a unit it goes in front of the next statement, in the same text
  // (which, as its own statement there, still reads with a snapshot taken after the lock is held)
  await writeTogether(db, [asWrite(sql`SELECT pg_advisory_xact_lock(hashtext(${lock}))::text AS "locked"`)]);
}

export async function setCustomerCard(db: DbLike, id: number, cardOutboxId: number): Promise<void> {
  await runnerOf(db).run(customerCardWrite(id, cardOutboxId));
}

/** setCustomerCard as a write to send with others (writeTogether). */
export const customerCardWrite = (id: number, cardOutboxId: number): Write =>
  asWrite(sql`UPDATE "Customer" SET "cardOutboxId" = ${cardOutboxId} WHERE "id" = ${id}`);

/**
 * Queues the customer's card and keeps its message's id on the file. On PostgreSQL both are one
 * statement nobody reads (sent with the unit's next statement or its COMMIT) and nothing is left to
 * send; on SQLite the card is queued now and the write keeping its id is returned, to send with others.
 */
export async function queueCustomerCard(
  db: DbLike,
  id: number,
  card: { ownerId: string; message: { text: string; blocks?: unknown[] } },
  now: Date,
): Promise<Write[]> {
  const message = { method: 'chat.postMessage' as const, channel: card.ownerId, args: card.message };
  if (runnerOf(db).provider === 'postgres') {
    const keep = sql`UPDATE "Customer" SET "cardOutboxId" = (SELECT "id" FROM "queued") WHERE "id" = ${id}`;
    await writeTogether(db, [messageThenWrite(message, now, keep)]);
    return [];
  }
  const queued = await enqueueMessage(db, message, now);
  return [customerCardWrite(id, queued.id)];
}

/** A lost deal keeps its reason until it is undone; the history keeps it after that. */
const lostReasonOf = (from: string, to: string, note?: string) =>
  to === 'lost' ? sql`, "lostReason" = ${note ?? ''}` : from === 'lost' ? sql`, "lostReason" = NULL` : sql``;

/** Moves the stage only if it is still `from`: a second click acts on nothing. */
export async function moveCustomerStage(
  db: DbLike,
  id: number,
  from: string,
  to: string,
  at: Date,
  by: string,
  note?: string,
): Promise<boolean> {
  const runner = runnerOf(db);
  const count = await runner.run(sql`
    UPDATE "Customer" SET "stage" = ${to}, "stageChangedAt" = ${at}, "reminderLevel" = 0${lostReasonOf(from, to, note)}
    WHERE "id" = ${id} AND "stage" = ${from}`);
  if (count === 1)
    await runner.run(sql`
      INSERT INTO "CustomerStageChange" ("customerId", "fromStage", "toStage", "by", "note", "at")
      VALUES (${id}, ${from}, ${to}, ${by}, ${note ?? null}, ${at})`);
  return count === 1;
}

/** The latest move of a file into a stage (its history is never rewritten, only added to). */
export async function lastMoveInto(
  db: DbLike,
  customerId: number,
  toStage: string,
): Promise<{ fromStage: string } | null> {
  const rows = await runnerOf(db).all<{ fromStage: string }>(sql`
    SELECT "fromStage" FROM "CustomerStageChange" WHERE "customerId" = ${customerId} AND "toStage" = ${toStage}
    ORDER BY "id" DESC LIMIT 1`);
  return rows[0] ? { fromStage: rows[0].fromStage } : null;
}

export async function customersOwnedBy(db: DbLike, orgId: number, ownerIds: string[], take = 200): Promise<Customer[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "Customer" WHERE "orgId" = ${orgId} AND "ownerId" IN (${sqlSet(ownerIds)})
    ORDER BY "lastVisitAt" DESC LIMIT ${take}`);
  return rows.map(customerFromRow);
}

/** Files opened in a window by stage, for the analysis (the owners as one set, whatever its size). */
export async function customerStageCounts(
  db: DbLike,
  orgId: number,
  from: Date,
  to: Date,
  ownerIds?: string[],
): Promise<{ stage: string; count: number }[]> {
  const owners = ownerIds ? sql` AND "ownerId" IN (${sqlSet(ownerIds)})` : sql``;
  const rows = await runnerOf(db).all<{ stage: string; count: number | bigint | string }>(sql`
    SELECT "stage", COUNT(*) AS "count" FROM "Customer"
    WHERE "orgId" = ${orgId} AND "createdAt" >= ${from} AND "createdAt" < ${to}${owners}
    GROUP BY "stage"`);
  return rows.map((row) => ({ stage: row.stage, count: Number(row.count) }));
}

export async function searchCustomers(
  db: DbLike,
  orgId: number,
  query: { phone?: string; name?: string },
): Promise<Customer[]> {
  if (query.phone) {
    const one = await findCustomerByPhone(db, orgId, query.phone);
    return one ? [one] : [];
  }
  if (query.name === undefined) return customersWhere(db, sql`"orgId" = ${orgId}`, sql`"id"`, 20);
  return customersWhere(db, sql`"orgId" = ${orgId} AND "name" = ${query.name}`, sql`"id"`, 20);
}

const customersWhere = async (db: DbLike, where: SqlQuery, order: SqlQuery, take: number) =>
  (await runnerOf(db).all(sql`SELECT * FROM "Customer" WHERE ${where} ORDER BY ${order} LIMIT ${take}`)).map(
    customerFromRow,
  );

/** `"name"` contains the text, as Prisma's `contains` did: LIKE, its wildcards escaped. */
const nameContains = (text: string) => sql`"name" LIKE ${`%${text.replace(/[!%_]/g, '!$&')}%`} ESCAPE '!'`;

/**
 * Candidates for a name search, newest visit first: only files of the owners given (undefined: all),
 * each name containing every character given (in one of its cases). The caller matches exactly and limits afterwards.
 */
export async function customerNameCandidates(
  db: DbLike,
  orgId: number,
  o: { ownerIds?: string[]; containing: string[][]; take: number },
): Promise<Customer[]> {
  let where = sql`"orgId" = ${orgId}`;
  if (o.ownerIds) where = sql`${where} AND "ownerId" IN (${sqlSet(o.ownerIds)})`;
  for (const either of o.containing.slice(0, 20)) {
    if (either.length === 0) continue;
    let any = nameContains(either[0]);
    for (const c of either.slice(1)) any = sql`${any} OR ${nameContains(c)}`;
    where = sql`${where} AND (${any})`;
  }
  return customersWhere(db, where, sql`"lastVisitAt" DESC`, o.take);
}

/** Open files whose stage has stood still since before `changedBefore`. */
export async function staleCustomers(db: DbLike, orgId: number, changedBefore: Date): Promise<Customer[]> {
  const where = sql`"orgId" = ${orgId} AND "stage" NOT IN ('closed', 'lost') AND "stageChangedAt" < ${changedBefore}`;
  return customersWhere(db, where, sql`"id"`, 1000);
}

export async function setReminderLevel(db: DbLike, id: number, level: number): Promise<void> {
  await runnerOf(db).run(sql`UPDATE "Customer" SET "reminderLevel" = ${level} WHERE "id" = ${id}`);
}
