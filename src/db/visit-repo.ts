import type { DbOrTx } from './database.ts';
import type { Visit } from '../generated/sqlite/client.ts';

export type { Visit };
export type VisitStatus = 'pending' | 'returned' | 'ownership_review' | 'approved' | 'rejected';

export type NewVisit = Omit<Visit, 'id' | 'version' | 'approvalOutboxId' | 'reviewOutboxId' | 'returnReason' | 'decidedBy' | 'decidedAt'>;

/**
 * Stores a registration. This is the hottest write of the bot, so it is one plain INSERT … RETURNING
 * (valid on SQLite and PostgreSQL alike) rather than a generated query, which costs several times more.
 */
export async function createVisit(db: DbOrTx, d: NewVisit): Promise<Visit> {
  const rows = await db.$queryRaw<{ id: number | bigint }[]>`
    INSERT INTO "Visit" ("orgId", "kind", "filerId", "approverId", "customerId", "customerName", "phone", "visitAt", "partySize", "source", "visitType", "grade", "budget", "unitType", "notes", "account", "purpose", "outcome", "nextStep", "status", "contestedOwnerId", "sourceViewId", "version", "createdAt", "updatedAt")
    VALUES (${d.orgId}, ${d.kind}, ${d.filerId}, ${d.approverId}, ${d.customerId}, ${d.customerName}, ${d.phone}, ${d.visitAt}, ${d.partySize}, ${d.source}, ${d.visitType}, ${d.grade}, ${d.budget}, ${d.unitType}, ${d.notes}, ${d.account}, ${d.purpose}, ${d.outcome}, ${d.nextStep}, ${d.status}, ${d.contestedOwnerId}, ${d.sourceViewId}, 1, ${d.createdAt}, ${d.updatedAt})
    RETURNING "id"`;
  return { ...d, id: Number(rows[0].id), version: 1, approvalOutboxId: null, reviewOutboxId: null, returnReason: null, decidedBy: null, decidedAt: null };
}

export async function findVisit(db: DbOrTx, id: number): Promise<Visit | null> {
  return db.visit.findUnique({ where: { id } });
}

export async function findVisitBySourceView(db: DbOrTx, viewId: string): Promise<Visit | null> {
  return db.visit.findUnique({ where: { sourceViewId: viewId } });
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
export async function transitionVisit(db: DbOrTx, id: number, from: VisitStatus[], data: Partial<Visit> & { status: VisitStatus }): Promise<boolean> {
  const { count } = await db.visit.updateMany({ where: { id, status: { in: from } }, data });
  return count === 1;
}

export async function setVisitMessages(db: DbOrTx, id: number, data: { approvalOutboxId?: number; reviewOutboxId?: number }): Promise<void> {
  if (data.approvalOutboxId !== undefined) await db.$executeRaw`UPDATE "Visit" SET "approvalOutboxId" = ${data.approvalOutboxId} WHERE "id" = ${id}`;
  if (data.reviewOutboxId !== undefined) await db.$executeRaw`UPDATE "Visit" SET "reviewOutboxId" = ${data.reviewOutboxId} WHERE "id" = ${id}`;
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
export async function countApprovedVisit(db: DbOrTx, visit: Pick<Visit, 'orgId' | 'source' | 'grade' | 'visitType' | 'filerId'>, day: string): Promise<void> {
  const key = { orgId: visit.orgId, day, source: visit.source, grade: visit.grade, visitType: visit.visitType, filerId: visit.filerId };
  await db.visitDayCount.upsert({
    where: { orgId_day_source_grade_visitType_filerId: key },
    create: { ...key, count: 1 },
    update: { count: { increment: 1 } },
    select: { count: true },
  });
}
