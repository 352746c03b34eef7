import type { DbOrTx } from './database.ts';
import type { FocusPlan } from '../generated/sqlite/client.ts';

export type { FocusPlan };

/** A month's work focus (yyyy-MM) of an organisation, in whatever state it is, or null. */
export async function findFocusPlan(db: DbOrTx, orgId: number, month: string): Promise<FocusPlan | null> {
  return db.focusPlan.findUnique({ where: { orgId_month: { orgId, month } } });
}
