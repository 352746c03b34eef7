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
 * CN-000001. Counted from those numbered here (ERP imports keep the ERP's numbers), inside the unit
 * of work that inserts it.
 */
export async function nextDocumentNumber(db: DbLike, table: keyof typeof TABLES, orgId: number): Promise<string> {
  const { prefix, from } = TABLES[table];
  const rows = await runnerOf(db).all<{ n: number | bigint }>(sql`
    SELECT COUNT(*) AS "n" FROM ${from} WHERE "orgId" = ${orgId} AND "number" LIKE ${`${prefix}-%`}`);
  return `${prefix}-${String(Number(rows[0]?.n ?? 0) + 1).padStart(6, '0')}`;
}
