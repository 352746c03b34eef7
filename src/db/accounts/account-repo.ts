import type { AccountInput } from '../../domain/accounts/account-fields.ts';
import type { ExistingAccounts } from '../../domain/accounts/check-import.ts';
import { namePhoneKey } from '../../domain/accounts/check-import.ts';
import type { Account, AccountContact } from '../../generated/sqlite/client.ts';
import { sql, sqlSet, type SqlQuery } from '../sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from '../sql/sql-runner.ts';

export type { Account, AccountContact };

const accountFromRow = rowReader<Account>({ numbers: ['id', 'orgId'], dates: ['createdAt', 'updatedAt'] });
const contactFromRow = rowReader<AccountContact>({ numbers: ['id', 'accountId', 'orgId'], dates: [] });

/** Rows of values joined with commas: `(?, ?), (?, ?)`. */
function valuesList(rows: unknown[][]): SqlQuery {
  const strings: string[] = [''];
  const values: unknown[] = [];
  rows.forEach((row, r) => {
    row.forEach((value, i) => {
      strings[strings.length - 1] += i === 0 ? (r === 0 ? '(' : ', (') : ', ';
      values.push(value);
      strings.push('');
    });
    strings[strings.length - 1] += ')';
  });
  return { strings, values };
}

/** Codes and kinds, and name-and-phone pairs, of the register: what an import is checked against. */
export async function existingAccounts(db: DbLike, orgId: number): Promise<ExistingAccounts> {
  const runner = runnerOf(db);
  const accounts = await runner.all<{ code: string; kind: string }>(
    sql`SELECT "code", "kind" FROM "Account" WHERE "orgId" = ${orgId}`,
  );
  const pairs = await runner.all<{ name: string; phone: string; code: string }>(sql`
    SELECT a."name", c."phone", a."code" FROM "AccountContact" c JOIN "Account" a ON a."id" = c."accountId"
    WHERE c."orgId" = ${orgId} AND c."phone" <> ''`);
  return {
    kinds: new Map(accounts.map((a) => [a.code, a.kind])),
    byNamePhone: new Map(pairs.map((p) => [namePhoneKey(p.name, p.phone), p.code])),
  };
}

const CHUNK = 200;

/**
 * Writes accounts by code: new codes are added, known ones updated (an import run twice changes
 * nothing the second time). Each account's ERP contact is replaced by the one given.
 */
export async function upsertAccounts(
  db: DbLike,
  o: { orgId: number; accounts: AccountInput[]; source: string; now: Date },
): Promise<void> {
  const runner = runnerOf(db);
  for (let start = 0; start < o.accounts.length; start += CHUNK) {
    const chunk = o.accounts.slice(start, start + CHUNK);
    const rows = chunk.map((a) => [
      o.orgId,
      a.code,
      a.name,
      a.kind,
      a.distributorCode,
      a.channelType,
      a.market,
      a.area,
      a.address,
      a.ownerId,
      a.status,
      a.openedOn,
      o.source,
      o.now,
      o.now,
    ]);
    const written = await runner.all<{ id: number | bigint; code: string }>(sql`
      INSERT INTO "Account" ("orgId", "code", "name", "kind", "distributorCode", "channelType", "market", "area",
        "address", "ownerId", "status", "openedOn", "source", "createdAt", "updatedAt")
      VALUES ${valuesList(rows)}
      ON CONFLICT ("orgId", "code") DO UPDATE SET "name" = excluded."name", "kind" = excluded."kind",
        "distributorCode" = excluded."distributorCode", "channelType" = excluded."channelType",
        "market" = excluded."market", "area" = excluded."area", "address" = excluded."address",
        "ownerId" = excluded."ownerId", "status" = excluded."status", "openedOn" = excluded."openedOn",
        "updatedAt" = excluded."updatedAt"
      RETURNING "id", "code"`);
    const idOf = new Map(written.map((row) => [row.code, Number(row.id)]));
    const ids = [...idOf.values()].map(String);
    await runner.run(sql`
      DELETE FROM "AccountContact" WHERE "role" = 'erp'
        AND "accountId" IN (SELECT CAST("key" AS INTEGER) FROM (${sqlSet(ids)}) AS "ids")`);
    const contacts = chunk
      .filter((a) => a.contactName || a.contactPhone)
      .map((a) => [idOf.get(a.code), o.orgId, a.contactName, a.contactPhone, 'erp']);
    if (contacts.length > 0)
      await runner.run(sql`
        INSERT INTO "AccountContact" ("accountId", "orgId", "name", "phone", "role") VALUES ${valuesList(contacts)}`);
  }
}

export async function findAccountByCode(db: DbLike, orgId: number, code: string): Promise<Account | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "Account" WHERE "orgId" = ${orgId} AND "code" = ${code}`);
  return rows[0] ? accountFromRow(rows[0]) : null;
}

export async function findAccountById(db: DbLike, id: number): Promise<Account | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "Account" WHERE "id" = ${id}`);
  return rows[0] ? accountFromRow(rows[0]) : null;
}

/**
 * Accounts whose name contains the text (LIKE, `%` and `_` taken literally), only those of the
 * given owners when they are given; by name.
 */
export async function searchAccountsByName(
  db: DbLike,
  o: { orgId: number; text: string; take: number; ownerIds?: string[] },
): Promise<Account[]> {
  const pattern = `%${o.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const scope = o.ownerIds ? sql` AND "ownerId" IN (${sqlSet(o.ownerIds)})` : sql``;
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "Account" WHERE "orgId" = ${o.orgId} AND "name" LIKE ${pattern} ESCAPE '\\'${scope}
    ORDER BY "name", "code" LIMIT ${o.take}`);
  return rows.map(accountFromRow);
}

export async function contactsOf(db: DbLike, accountId: number): Promise<AccountContact[]> {
  const rows = await runnerOf(db).all(
    sql`SELECT * FROM "AccountContact" WHERE "accountId" = ${accountId} ORDER BY "id"`,
  );
  return rows.map(contactFromRow);
}

/** The account that already has this code, or this name with a contact of this phone. */
export async function findDuplicateAccount(
  db: DbLike,
  o: { orgId: number; code: string; name: string; phone: string },
): Promise<Account | null> {
  const byCode = await findAccountByCode(db, o.orgId, o.code);
  if (byCode || !o.phone) return byCode;
  const rows = await runnerOf(db).all(sql`
    SELECT a.* FROM "Account" a JOIN "AccountContact" c ON c."accountId" = a."id"
    WHERE c."orgId" = ${o.orgId} AND c."phone" = ${o.phone} AND a."name" = ${o.name} LIMIT 1`);
  return rows[0] ? accountFromRow(rows[0]) : null;
}

export async function countAccounts(db: DbLike, orgId: number): Promise<number> {
  const rows = await runnerOf(db).all<{ n: number | bigint }>(
    sql`SELECT COUNT(*) AS "n" FROM "Account" WHERE "orgId" = ${orgId}`,
  );
  return Number(rows[0]?.n ?? 0);
}
