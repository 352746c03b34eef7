import { sql } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

export interface LedgerAccount {
  id: number;
  orgId: number;
  code: string;
  name: string;
  market: string;
  ownerId: string;
}

const fromRow = (r: Record<string, unknown>): LedgerAccount => ({
  id: Number(r.id),
  orgId: Number(r.orgId),
  code: String(r.code),
  name: String(r.name),
  market: String(r.market),
  ownerId: String(r.ownerId),
});

export async function findAccountById(db: DbLike, id: number): Promise<LedgerAccount | null> {
  const rows = await runnerOf(db).all<Record<string, unknown>>(sql`
    SELECT "id", "orgId", "code", "name", "market", "ownerId" FROM "Account" WHERE "id" = ${id}`);
  return rows[0] ? fromRow(rows[0]) : null;
}

/** The account with this code (as typed, else upper case) in the organisation. */
export async function findAccountByCodeAnyCase(db: DbLike, orgId: number, code: string): Promise<LedgerAccount | null> {
  for (const wanted of [code, code.toUpperCase()]) {
    const rows = await runnerOf(db).all<Record<string, unknown>>(sql`
      SELECT "id", "orgId", "code", "name", "market", "ownerId" FROM "Account"
      WHERE "orgId" = ${orgId} AND "code" = ${wanted}`);
    if (rows[0]) return fromRow(rows[0]);
  }
  return null;
}
