import type { DbOrTx } from './database.ts';
import type { FocusAck, FocusPlan } from '../generated/sqlite/client.ts';

export type { FocusAck, FocusPlan };

/** A month's work focus (yyyy-MM) of an organisation, in whatever state it is, or null. */
export async function findFocusPlan(db: DbOrTx, orgId: number, month: string): Promise<FocusPlan | null> {
  return db.focusPlan.findUnique({ where: { orgId_month: { orgId, month } } });
}

/** Drafts waiting for approval, by month. */
export async function focusDrafts(db: DbOrTx, orgId: number, take: number): Promise<FocusPlan[]> {
  return db.focusPlan.findMany({ where: { orgId, status: 'draft' }, orderBy: { month: 'asc' }, take });
}

/** Published focuses this person has not acknowledged yet, each with its plan. */
export async function unacknowledgedFocus(db: DbOrTx, orgId: number, personId: string, take: number): Promise<(FocusAck & { focus: FocusPlan })[]> {
  return db.focusAck.findMany({ where: { personId, ackedAt: null, focus: { orgId, status: 'published' } }, include: { focus: true }, take });
}
