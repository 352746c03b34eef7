import type { Visit } from '../../generated/sqlite/client.ts';
import { sql, sqlAssignments, sqlList, type SqlQuery } from '../sql/sql-query.ts';
import { rowReader, runnerOf, toDate, toNumberOrNull, type DbLike } from '../sql/sql-runner.ts';
import { asWrite, type Write } from '../sql/write-together.ts';
import { canDeferRead, nextIdOf, valueAtCommit } from '../sql/number-at-commit.ts';
import type { Read } from '../sql/read-together.ts';

export type { Visit };
export type VisitStatus = 'pending' | 'returned' | 'ownership_review' | 'approved' | 'rejected';

export type NewVisit = Omit<
  Visit,
  | 'id'
  | 'number'
  | 'version'
  | 'approvalOutboxId'
  | 'reviewOutboxId'
  | 'returnReason'
  | 'decidedBy'
  | 'decidedAt'
  | 'filedAsTrainee'
> & { filedAsTrainee?: boolean };

/** A registration as plain SQL returns it, on either provider and either path. */
export const visitFromRow = rowReader<Visit>({
  numbers: ['id', 'orgId', 'customerId', 'partySize', 'approvalOutboxId', 'reviewOutboxId', 'version', 'number'],
  dates: ['visitAt', 'decidedAt', 'createdAt', 'updatedAt'],
});

/**
 * Stores a registration. This is the hottest write of the bot, so it is one plain INSERT … RETURNING
 * (valid on SQLite and PostgreSQL alike) rather than a generated query, which costs several times more.
 */
export async function createVisit(db: DbLike, d: NewVisit): Promise<CreatedVisit> {
  const runner = runnerOf(db);
  if (canDeferRead(runner)) {
    // the number is taken in front of the COMMIT (see domain/visits/visit-number.ts). Until then it is
    // minus the id: (orgId, number) is unique, and concurrent filings must not wait on one stand-in value
    const { before, id } = nextIdOf('Visit');
    const visit = await insertVisit(db, d, sql`-${id}`, before, id);
    const taking = sql`
      WITH "taken" AS (${visitNumberTaking(d.orgId)})
      UPDATE "Visit" SET "number" = (SELECT "last" FROM "taken") WHERE "id" = ${visit.id} RETURNING "number"`;
    const numberTaken = valueAtCommit(runner, taking, (rows) => Number(rows[0].number));
    return { ...visit, numberTaken };
  }
  // PostgreSQL through Prisma takes the number in the same statement; SQLite in one of its own
  const onPostgres = runner.provider === 'postgres';
  const taken = onPostgres ? sql`WITH "taken" AS (${visitNumberTaking(d.orgId)})` : sql``;
  const number = onPostgres ? sql`(SELECT "last" FROM "taken")` : sql`${await takeVisitNumber(db, d.orgId)}`;
  return insertVisit(db, d, number, taken);
}

/** A registration just stored; on PostgreSQL its number (a stand-in until then) once the unit has committed. */
export type CreatedVisit = Visit & { numberTaken?: Promise<number> };

/** The INSERT, with the number as SQL (and a WITH in front); an id given as SQL, or the table's next. */
async function insertVisit(db: DbLike, d: NewVisit, number: SqlQuery, before = sql``, id?: SqlQuery): Promise<Visit> {
  const idColumn = id ? sql`"id", ` : sql``;
  const idValue = id ? sql`${id}, ` : sql``;
  const rows = await runnerOf(db).all<{ id: number | bigint; number: number | bigint }>(sql`${before}
    INSERT INTO "Visit" (${idColumn}"orgId", "kind", "filerId", "approverId", "customerId", "customerName",
      "phone", "visitAt", "partySize", "source", "visitType", "grade", "budget", "unitType", "notes", "account",
      "purpose", "outcome", "nextStep", "status", "contestedOwnerId", "sourceViewId", "version", "number",
      "filedAsTrainee", "createdAt", "updatedAt")
    VALUES (${idValue}${d.orgId}, ${d.kind}, ${d.filerId}, ${d.approverId}, ${d.customerId}, ${d.customerName},
      ${d.phone}, ${d.visitAt}, ${d.partySize}, ${d.source}, ${d.visitType}, ${d.grade}, ${d.budget},
      ${d.unitType}, ${d.notes}, ${d.account}, ${d.purpose}, ${d.outcome}, ${d.nextStep}, ${d.status},
      ${d.contestedOwnerId}, ${d.sourceViewId}, 1, ${number}, ${d.filedAsTrainee ?? false}, ${d.createdAt},
      ${d.updatedAt})
    RETURNING "id", "number"`);
  return {
    ...d,
    filedAsTrainee: d.filedAsTrainee ?? false,
    id: Number(rows[0].id),
    number: Number(rows[0].number),
    version: 1,
    approvalOutboxId: null,
    reviewOutboxId: null,
    returnReason: null,
    decidedBy: null,
    decidedAt: null,
  };
}

/**
 * The organisation's next registration number, inside the filing transaction: the counter's row lock
 * (PostgreSQL) or the single writer (SQLite) serialises filers, and a rollback gives the number back.
 */
async function takeVisitNumber(db: DbLike, orgId: number): Promise<number> {
  const rows = await runnerOf(db).all<{ last: number | bigint }>(visitNumberTaking(orgId));
  return Number(rows[0].last);
}

const visitNumberTaking = (orgId: number) => sql`
    INSERT INTO "VisitCounter" ("orgId", "last") VALUES (${orgId}, 1)
    ON CONFLICT ("orgId") DO UPDATE SET "last" = "VisitCounter"."last" + 1
    RETURNING "last"`;

/** Registrations in one state, oldest first; with `approverId`, only those routed to them. */
export async function visitsInState(
  db: DbLike,
  o: { orgId: number; status: string; approverId?: string; take: number },
): Promise<Visit[]> {
  const approver = o.approverId ? sql` AND "approverId" = ${o.approverId}` : sql``;
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "Visit" WHERE "orgId" = ${o.orgId} AND "status" = ${o.status}${approver}
    ORDER BY "number" ASC, "id" ASC LIMIT ${o.take}`);
  return rows.map(visitFromRow);
}

export async function findVisit(db: DbLike, id: number): Promise<Visit | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "Visit" WHERE "id" = ${id}`);
  return rows[0] ? visitFromRow(rows[0]) : null;
}

export async function findVisitBySourceView(db: DbLike, viewId: string): Promise<Visit | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "Visit" WHERE "sourceViewId" = ${viewId}`);
  return rows[0] ? visitFromRow(rows[0]) : null;
}

/** Another filer's registration of this phone still waiting for a decision: the earliest one. */
export async function findPendingClaim(
  db: DbLike,
  orgId: number,
  phone: string,
  filerId: string,
): Promise<{ filerId: string; visitAt: Date } | null> {
  const rows = await runnerOf(db).all<{ filerId: string; visitAt: Date | string }>(sql`
    SELECT "filerId", "visitAt" FROM "Visit"
    WHERE "orgId" = ${orgId} AND "phone" = ${phone} AND "kind" = 'property'
      AND "status" IN ('pending', 'ownership_review') AND "filerId" <> ${filerId}
    ORDER BY "id" LIMIT 1`);
  return rows[0] ? { filerId: rows[0].filerId, visitAt: toDate(rows[0].visitAt) } : null;
}

/** The registration whose approval message is this one (for approvals typed in its thread). */
export async function findVisitByApprovalMessage(db: DbLike, channel: string, ts: string): Promise<Visit | null> {
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "Visit" WHERE "approvalOutboxId" =
      (SELECT "id" FROM "OutboxMessage" WHERE "sentChannel" = ${channel} AND "sentTs" = ${ts} ORDER BY "id" LIMIT 1)
    ORDER BY "id" LIMIT 1`);
  return rows[0] ? visitFromRow(rows[0]) : null;
}

/**
 * Moves a registration from one of the expected states. Returns false when another click or
 * instance got there first, which makes double clicks and retries act once.
 */
export async function transitionVisit(
  db: DbLike,
  id: number,
  from: VisitStatus[],
  data: Partial<Omit<Visit, 'id'>> & { status: VisitStatus },
): Promise<boolean> {
  const changed = await runnerOf(db).run(
    sql`UPDATE "Visit" SET ${sqlAssignments(data, VISIT_COLUMNS)}
        WHERE "id" = ${id} AND "status" IN (${sqlList(from)})`,
  );
  return changed === 1;
}

/**
 * transitionVisit that also reads the registration back in the same statement (UPDATE … RETURNING):
 * one round trip fewer on a decision. Null when another click or instance got there first.
 */
export async function transitionVisitReturning(
  db: DbLike,
  id: number,
  from: VisitStatus[],
  data: Partial<Omit<Visit, 'id'>> & { status: VisitStatus },
): Promise<Visit | null> {
  const { query, read } = visitTransitionRead(id, from, data);
  return read(await runnerOf(db).all(query));
}

/** transitionVisitReturning to send with other statements (readTogether). */
export const visitTransitionRead = (
  id: number,
  from: VisitStatus[],
  data: Partial<Omit<Visit, 'id'>> & { status: VisitStatus },
): Read<Visit | null> => ({
  query: sql`UPDATE "Visit" SET ${sqlAssignments(data, VISIT_COLUMNS)}
        WHERE "id" = ${id} AND "status" IN (${sqlList(from)}) RETURNING *`,
  read: (rows) => (rows.length === 1 ? visitFromRow(rows[0]) : null),
});

const VISIT_COLUMNS: ReadonlySet<string> = new Set([
  'orgId',
  'number',
  'kind',
  'filerId',
  'approverId',
  'customerId',
  'customerName',
  'phone',
  'visitAt',
  'partySize',
  'source',
  'visitType',
  'grade',
  'budget',
  'unitType',
  'notes',
  'account',
  'purpose',
  'outcome',
  'nextStep',
  'status',
  'returnReason',
  'decidedBy',
  'decidedAt',
  'contestedOwnerId',
  'approvalOutboxId',
  'reviewOutboxId',
  'sourceViewId',
  'version',
  'createdAt',
  'updatedAt',
] satisfies (keyof Visit)[]);

/** Sets some columns of a registration in one statement (column names checked against VISIT_COLUMNS). */
async function updateVisit(db: DbLike, id: number, data: Partial<Omit<Visit, 'id'>>): Promise<void> {
  await runnerOf(db).run(sql`UPDATE "Visit" SET ${sqlAssignments(data, VISIT_COLUMNS)} WHERE "id" = ${id}`);
}

export async function setVisitMessages(
  db: DbLike,
  id: number,
  data: { approvalOutboxId?: number; reviewOutboxId?: number },
): Promise<void> {
  await updateVisit(db, id, data);
}

/** The update that keeps the approval message's id (given as SQL) on the registration (queueMessageKeepingId). */
export const keepApprovalMessage = (id: number) => (outboxId: SqlQuery) =>
  sql`UPDATE "Visit" SET "approvalOutboxId" = ${outboxId} WHERE "id" = ${id}`;

/** setVisitMessages as a write to send with others (writeTogether). */
export const visitMessagesWrite = (id: number, data: { approvalOutboxId?: number; reviewOutboxId?: number }): Write =>
  asWrite(sql`UPDATE "Visit" SET ${sqlAssignments(data, VISIT_COLUMNS)} WHERE "id" = ${id}`);

/** Registrations still waiting for their approver's decision. */
export async function pendingVisitsOf(
  db: DbLike,
  orgId: number,
): Promise<Pick<Visit, 'id' | 'filerId' | 'approverId'>[]> {
  const rows = await runnerOf(db).all<{ id: number | bigint; filerId: string; approverId: string }>(sql`
    SELECT "id", "filerId", "approverId" FROM "Visit" WHERE "orgId" = ${orgId} AND "status" = 'pending' ORDER BY "id"`);
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/** Registrations waiting for an ownership ruling (撞單), with the message the reviewer got. */
export async function reviewsOf(
  db: DbLike,
  orgId: number,
): Promise<{ id: number; filerId: string; reviewOutboxId: number | null }[]> {
  type Row = { id: number | bigint; filerId: string; reviewOutboxId: number | bigint | null };
  const rows = await runnerOf(db).all<Row>(sql`
    SELECT "id", "filerId", "reviewOutboxId" FROM "Visit"
    WHERE "orgId" = ${orgId} AND "status" = 'ownership_review' ORDER BY "id"`);
  return rows.map((row) => ({
    id: Number(row.id),
    filerId: row.filerId,
    reviewOutboxId: toNumberOrNull(row.reviewOutboxId),
  }));
}

/** Points a registration at a new review message, only if it still points at `from`: acts once. */
export async function moveVisitReview(db: DbLike, id: number, from: number | null, to: number): Promise<boolean> {
  const same = from === null ? sql`"reviewOutboxId" IS NULL` : sql`"reviewOutboxId" = ${from}`;
  const changed = await runnerOf(db).run(sql`
    UPDATE "Visit" SET "reviewOutboxId" = ${to} WHERE "id" = ${id} AND "status" = 'ownership_review' AND ${same}`);
  return changed === 1;
}

/** Hands a pending registration to another approver, only if it is still pending with `from`: acts once. */
export async function moveVisitApprover(db: DbLike, id: number, from: string, to: string, at: Date): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "Visit" SET "approverId" = ${to}, "updatedAt" = ${at}
    WHERE "id" = ${id} AND "status" = 'pending' AND "approverId" = ${from}`);
  return changed === 1;
}

export async function setVisitCustomer(db: DbLike, id: number, customerId: number): Promise<void> {
  await updateVisit(db, id, { customerId });
}

/** setVisitCustomer as a write to send with others (writeTogether). */
export const visitCustomerWrite = (id: number, customerId: number): Write =>
  asWrite(sql`UPDATE "Visit" SET "customerId" = ${customerId} WHERE "id" = ${id}`);

export async function saveVisitRevision(db: DbLike, visit: Visit, editedBy: string, at: Date): Promise<void> {
  const {
    id,
    version,
    customerName,
    phone,
    visitAt,
    partySize,
    source,
    visitType,
    grade,
    budget,
    unitType,
    notes,
    account,
    purpose,
    outcome,
    nextStep,
    returnReason,
  } = visit;
  const data = {
    customerName,
    phone,
    visitAt,
    partySize,
    source,
    visitType,
    grade,
    budget,
    unitType,
    notes,
    account,
    purpose,
    outcome,
    nextStep,
    returnReason,
  };
  await runnerOf(db).run(sql`
    INSERT INTO "VisitRevision" ("visitId", "version", "data", "editedBy", "at")
    VALUES (${id}, ${version}, ${JSON.stringify(data)}, ${editedBy}, ${at})`);
}
