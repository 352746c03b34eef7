import type { DbOrTx } from './database.ts';
import type { Visit } from '../generated/sqlite/client.ts';

export type { Visit };
export type VisitStatus = 'pending' | 'returned' | 'ownership_review' | 'approved' | 'rejected';

export type NewVisit = Omit<Visit, 'id' | 'version' | 'approvalOutboxId' | 'reviewOutboxId' | 'returnReason' | 'decidedBy' | 'decidedAt'>;

export async function createVisit(db: DbOrTx, data: NewVisit): Promise<Visit> {
  return db.visit.create({ data });
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
  await db.visit.update({ where: { id }, data });
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
