import { sql } from './sql/sql-query.ts';
import { withLateNumbers } from './delivery/late-numbers.ts';
import { runnerOf, type DbLike } from './sql/sql-runner.ts';
import { asWrite, writeTogether, type Write } from './sql/write-together.ts';

export interface AuditRecord {
  orgId: number;
  actor: string;
  action: string;
  subject: string;
  detail?: Record<string, unknown>;
  at: Date;
}

/**
 * Approvals, rulings, target changes and reloads: who, what, when. Nobody reads it back in the unit:
 * inside a unit on PostgreSQL it goes with the unit's next statement or its COMMIT (writeTogether).
 */
export async function recordAudit(db: DbLike, record: AuditRecord): Promise<void> {
  await writeTogether(db, [auditWrite(record)]);
}

/** recordAudit as a write to send with others (writeTogether). */
export function auditWrite(record: AuditRecord): Write {
  return asWrite(sql`
    INSERT INTO "AuditEntry" ("orgId", "actor", "action", "subject", "detail", "at")
    VALUES (${record.orgId}, ${record.actor}, ${record.action}, ${withLateNumbers(record.subject)},
    ${JSON.stringify(record.detail ?? {})}, ${record.at})`);
}

/**
 * Who recorded `action` on `subject` at that instant (the change's own time, which the entry shares):
 * found by the (orgId, at) index, not by a scan of the subject's history. Null when none did.
 */
export async function auditActorAt(
  db: DbLike,
  o: { orgId: number; action: string; subject: string; at: Date },
): Promise<string | null> {
  const rows = await runnerOf(db).all<{ actor: string }>(sql`
    SELECT "actor" FROM "AuditEntry"
    WHERE "orgId" = ${o.orgId} AND "at" = ${o.at} AND "action" = ${o.action} AND "subject" = ${o.subject}
    ORDER BY "id" DESC LIMIT 1`);
  return rows[0]?.actor ?? null;
}
