import type { DbOrTx } from './database.ts';

export interface AuditRecord {
  orgId: number;
  actor: string;
  action: string;
  subject: string;
  detail?: Record<string, unknown>;
  at: Date;
}

/** Approvals, rulings, target changes and reloads: who, what, when. */
export async function recordAudit(db: DbOrTx, record: AuditRecord): Promise<void> {
  await db.auditEntry.create({
    data: { ...record, detail: JSON.stringify(record.detail ?? {}) },
  });
}
