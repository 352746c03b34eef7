import type { DbOrTx } from './database.ts';
import type { Visit } from '../generated/sqlite/client.ts';
import { sql, sqlAssignments, sqlList } from './sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from './sql/sql-runner.ts';

export type { Visit };
export type VisitStatus = 'pending' | 'returned' | 'ownership_review' | 'approved' | 'rejected';

export type NewVisit = Omit<Visit, 'id' | 'version' | 'approvalOutboxId' | 'reviewOutboxId' | 'returnReason' | 'decidedBy' | 'decidedAt'>;

/** A registration as plain SQL returns it, on either provider and either path. */
export const visitFromRow = rowReader<Visit>({
  numbers: ['id', 'orgId', 'customerId', 'partySize', 'approvalOutboxId', 'reviewOutboxId', 'version'],
  dates: ['visitAt', 'decidedAt', 'createdAt', 'updatedAt'],
});

/**
 * Stores a registration. This is the hottest write of the bot, so it is one plain INSERT … RETURNING
 * (valid on SQLite and PostgreSQL alike) rather than a generated query, which costs several times more.
 */
export async function createVisit(db: DbLike, d: NewVisit): Promise<Visit> {
  const rows = await runnerOf(db).all<{ id: number | bigint }>(sql`
    INSERT INTO "Visit" ("orgId", "kind", "filerId", "approverId", "customerId", "customerName", "phone", "visitAt", "partySize", "source", "visitType", "grade", "budget", "unitType", "notes", "account", "purpose", "outcome", "nextStep", "status", "contestedOwnerId", "sourceViewId", "version", "createdAt", "updatedAt")
    VALUES (${d.orgId}, ${d.kind}, ${d.filerId}, ${d.approverId}, ${d.customerId}, ${d.customerName}, ${d.phone}, ${d.visitAt}, ${d.partySize}, ${d.source}, ${d.visitType}, ${d.grade}, ${d.budget}, ${d.unitType}, ${d.notes}, ${d.account}, ${d.purpose}, ${d.outcome}, ${d.nextStep}, ${d.status}, ${d.contestedOwnerId}, ${d.sourceViewId}, 1, ${d.createdAt}, ${d.updatedAt})
    RETURNING "id"`);
  return { ...d, id: Number(rows[0].id), version: 1, approvalOutboxId: null, reviewOutboxId: null, returnReason: null, decidedBy: null, decidedAt: null };
}

export async function findVisit(db: DbLike, id: number): Promise<Visit | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "Visit" WHERE "id" = ${id}`);
  return rows[0] ? visitFromRow(rows[0]) : null;
}

export async function findVisitBySourceView(db: DbLike, viewId: string): Promise<Visit | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "Visit" WHERE "sourceViewId" = ${viewId}`);
  return rows[0] ? visitFromRow(rows[0]) : null;
}

/** The registration whose approval message is this one (for approvals typed in its thread). */
export async function findVisitByApprovalMessage(db: DbOrTx, channel: string, ts: string): Promise<Visit | null> {
  const message = await db.outboxMessage.findFirst({ where: { sentChannel: channel, sentTs: ts }, select: { id: true } });
  if (!message) return null;
  return db.visit.findFirst({ where: { approvalOutboxId: message.id } });
}

/**
 * Moves a registration from one of the expected states. Returns false when another click or
 * instance got there first, which makes double clicks and retries act once.
 */
export async function transitionVisit(db: DbLike, id: number, from: VisitStatus[], data: Partial<Omit<Visit, 'id'>> & { status: VisitStatus }): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`UPDATE "Visit" SET ${sqlAssignments(data, VISIT_COLUMNS)} WHERE "id" = ${id} AND "status" IN (${sqlList(from)})`);
  return changed === 1;
}

/**
 * transitionVisit that also reads the registration back in the same statement (UPDATE … RETURNING):
 * one round trip fewer on a decision. Null when another click or instance got there first.
 */
export async function transitionVisitReturning(db: DbLike, id: number, from: VisitStatus[], data: Partial<Omit<Visit, 'id'>> & { status: VisitStatus }): Promise<Visit | null> {
  const rows = await runnerOf(db).all(sql`UPDATE "Visit" SET ${sqlAssignments(data, VISIT_COLUMNS)} WHERE "id" = ${id} AND "status" IN (${sqlList(from)}) RETURNING *`);
  return rows.length === 1 ? visitFromRow(rows[0]) : null;
}

const VISIT_COLUMNS: ReadonlySet<string> = new Set(['orgId', 'kind', 'filerId', 'approverId', 'customerId', 'customerName', 'phone', 'visitAt', 'partySize', 'source', 'visitType', 'grade', 'budget', 'unitType', 'notes', 'account', 'purpose', 'outcome', 'nextStep', 'status', 'returnReason', 'decidedBy', 'decidedAt', 'contestedOwnerId', 'approvalOutboxId', 'reviewOutboxId', 'sourceViewId', 'version', 'createdAt', 'updatedAt'] satisfies (keyof Visit)[]);

/** Sets some columns of a registration in one statement (column names checked against VISIT_COLUMNS). */
async function updateVisit(db: DbLike, id: number, data: Partial<Omit<Visit, 'id'>>): Promise<void> {
  await runnerOf(db).run(sql`UPDATE "Visit" SET ${sqlAssignments(data, VISIT_COLUMNS)} WHERE "id" = ${id}`);
}

export async function setVisitMessages(db: DbLike, id: number, data: { approvalOutboxId?: number; reviewOutboxId?: number }): Promise<void> {
  await updateVisit(db, id, data);
}

export async function setVisitCustomer(db: DbLike, id: number, customerId: number): Promise<void> {
  await updateVisit(db, id, { customerId });
}

export async function saveVisitRevision(db: DbOrTx, visit: Visit, editedBy: string, at: Date): Promise<void> {
  const { id, version, customerName, phone, visitAt, partySize, source, visitType, grade, budget, unitType, notes, account, purpose, outcome, nextStep, returnReason } = visit;
  const data = { customerName, phone, visitAt, partySize, source, visitType, grade, budget, unitType, notes, account, purpose, outcome, nextStep, returnReason };
  await db.visitRevision.create({ data: { visitId: id, version, data: JSON.stringify(data), editedBy, at } });
}

/** Registrations approved in a window, for the evening summary. */
export async function approvedVisitsBetween(db: DbOrTx, orgId: number, from: Date, to: Date): Promise<Visit[]> {
  return db.visit.findMany({ where: { orgId, status: 'approved', decidedAt: { gte: from, lt: to } }, orderBy: { visitAt: 'asc' } });
}

export async function visitsBetween(db: DbOrTx, orgId: number, from: Date, to: Date, filerIds?: string[]): Promise<Visit[]> {
  return db.visit.findMany({
    where: { orgId, visitAt: { gte: from, lt: to }, ...(filerIds ? { filerId: { in: filerIds } } : {}) },
    orderBy: { visitAt: 'asc' },
  });
}

/** Adds an approved registration to its day's count (see VisitDayCount). */
export async function countApprovedVisit(db: DbLike, visit: Pick<Visit, 'orgId' | 'source' | 'grade' | 'visitType' | 'filerId'>, day: string): Promise<void> {
  await runnerOf(db).run(sql`
    INSERT INTO "VisitDayCount" ("orgId", "day", "source", "grade", "visitType", "filerId", "count")
    VALUES (${visit.orgId}, ${day}, ${visit.source}, ${visit.grade}, ${visit.visitType}, ${visit.filerId}, 1)
    ON CONFLICT ("orgId", "day", "source", "grade", "visitType", "filerId") DO UPDATE SET "count" = "VisitDayCount"."count" + 1`);
}
