import { sql, type SqlQuery } from '../sql/sql-query.ts';
import { asWrite, type Write } from '../sql/write-together.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

/** What an account has on order and owes, in integer cents. */
export interface Exposure {
  openOrdersCents: number;
  receivableCents: number;
}

/** Adds to the exposure of each row of `values` (accountId, orgId, orders, receivables, now). */
const exposureUpsert = (values: SqlQuery) => sql`
    INSERT INTO "AccountExposure" ("accountId", "orgId", "openOrdersCents", "receivableCents", "updatedAt")
    VALUES ${values}
    ON CONFLICT ("accountId") DO UPDATE SET
      "openOrdersCents" = "AccountExposure"."openOrdersCents" + excluded."openOrdersCents",
      "receivableCents" = "AccountExposure"."receivableCents" + excluded."receivableCents",
      "updatedAt" = excluded."updatedAt"`;

/**
 * Moves an account's exposure and returns it as it now stands, in one statement. Called inside the
 * unit of work that changes an order, invoice, payment or credit note, so that the row is locked
 * (PostgreSQL) or the write gate held (SQLite) until the commit: a second order for the same account
 * waits here and then sees the first one's amount.
 *
 * The contract every writer keeps:
 * - an order counts in `openOrdersCents` from pending_credit or approved until it is invoiced
 *   (an invoice moves its amount from open orders to receivables) or cancelled (the rest is released);
 * - an invoice adds to `receivableCents`; a payment or credit note takes away what it settles or
 *   credits, and a payment's unapplied remainder also lowers it.
 */
export async function moveExposure(
  db: DbLike,
  o: { orgId: number; accountId: number; ordersCents: number; receivableCents: number; now: Date },
): Promise<Exposure> {
  const values = sql`(${o.accountId}, ${o.orgId}, ${o.ordersCents}, ${o.receivableCents}, ${o.now})`;
  const rows = await runnerOf(db).all<{ openOrdersCents: number | bigint; receivableCents: number | bigint }>(sql`
    ${exposureUpsert(values)}
    RETURNING "openOrdersCents", "receivableCents"`);
  const row = rows[0];
  return { openOrdersCents: Number(row?.openOrdersCents ?? 0), receivableCents: Number(row?.receivableCents ?? 0) };
}

/**
 * moveExposure of several accounts in one statement, as a write nobody reads (writeTogether): the rows
 * are locked in the order given, so every writer names a distributor before its outlets.
 */
export function exposureMovesWrite(
  moves: { orgId: number; accountId: number; ordersCents: number; receivableCents: number }[],
  now: Date,
): Write {
  const values = moves
    .map((m) => sql`(${m.accountId}, ${m.orgId}, ${m.ordersCents}, ${m.receivableCents}, ${now})`)
    .reduce((list: SqlQuery, row, i) => (i === 0 ? row : sql`${list}, ${row}`));
  return asWrite(exposureUpsert(values));
}

/** The account's exposure without changing it (zero when it has none yet). */
export async function readExposure(db: DbLike, accountId: number): Promise<Exposure> {
  const rows = await runnerOf(db).all<{ openOrdersCents: number | bigint; receivableCents: number | bigint }>(sql`
    SELECT "openOrdersCents", "receivableCents" FROM "AccountExposure" WHERE "accountId" = ${accountId}`);
  const row = rows[0];
  return { openOrdersCents: Number(row?.openOrdersCents ?? 0), receivableCents: Number(row?.receivableCents ?? 0) };
}
