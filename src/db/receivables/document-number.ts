import { sql } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

const TABLES = {
  Shipment: { prefix: 'SH', from: sql`"Shipment"` },
  Invoice: { prefix: 'INV', from: sql`"Invoice"` },
  Payment: { prefix: 'PAY', from: sql`"Payment"` },
  CreditNote: { prefix: 'CN', from: sql`"CreditNote"` },
} as const;

/**
 * The next number of a ledger document in the organisation: SH-000001, INV-000001, PAY-000001,
 * CN-000001; after the highest of that shape (ERP imports keep the ERP's numbers), found at the end
 * of the (orgId, number) index. Called inside the unit of work that inserts it: on PostgreSQL a
 * transaction lock per organisation and kind makes two writers take turns (SQLite's transactions
 * already do).
 */
export async function nextDocumentNumber(db: DbLike, table: keyof typeof TABLES, orgId: number): Promise<string> {
  const { prefix, from } = TABLES[table];
  const runner = runnerOf(db);
  if (runner.provider === 'postgres') {
    const lock = `ledger-number:${orgId}:${prefix}`;
    await runner.all(sql`SELECT pg_advisory_xact_lock(hashtext(${lock}))::text AS "locked"`);
  }
  const low = `${prefix}-000000`;
  const high = `${prefix}-999999`;
  const rows = await runner.all<{ number: string }>(sql`
    SELECT "number" FROM ${from}
    WHERE "orgId" = ${orgId} AND "number" >= ${low} AND "number" <= ${high} AND LENGTH("number") = ${low.length}
    ORDER BY "number" DESC LIMIT 1`);
  const last = /^[A-Z]+-(\d{6})$/.exec(rows[0]?.number ?? '');
  return `${prefix}-${String(Number(last?.[1] ?? 0) + 1).padStart(6, '0')}`;
}
