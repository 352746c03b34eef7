import type { AccountInput } from '../../domain/accounts/account-fields.ts';
import type { ExistingAccounts } from '../../domain/accounts/check-import.ts';
import { namePhoneKey } from '../../domain/accounts/check-import.ts';
import { accountNameKeys, nameKeyRange } from '../../domain/accounts/name-keys.ts';
import { nameMatches } from '../../domain/visits/customer-name.ts';
import type { Account, AccountContact } from '../../generated/sqlite/client.ts';
import { type SqlQuery, preparedSql, sql, sqlSet } from '../sql/sql-query.ts';
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

const COMPARED = [
  'name',
  'kind',
  'distributorCode',
  'channelType',
  'market',
  'area',
  'address',
  'ownerId',
  'status',
  'openedOn',
] as const;

/** The codes of these accounts that the register already holds exactly so (fields and ERP contact). */
export async function unchangedAccountCodes(
  db: DbLike,
  o: { orgId: number; accounts: AccountInput[] },
): Promise<Set<string>> {
  const runner = runnerOf(db);
  const same = new Set<string>();
  for (let start = 0; start < o.accounts.length; start += CHUNK) {
    const chunk = o.accounts.slice(start, start + CHUNK);
    const stored = await runner.all<Record<(typeof COMPARED)[number] | 'code' | 'contacts', string | null>>(sql`
      SELECT a."code", a."name", a."kind", a."distributorCode", a."channelType", a."market", a."area", a."address",
        a."ownerId", a."status", a."openedOn",
        (SELECT COUNT(*) || '|' || COALESCE(MAX(c."name"), '') || '|' || COALESCE(MAX(c."phone"), '')
          FROM "AccountContact" c WHERE c."accountId" = a."id" AND c."role" = 'erp') AS "contacts"
      FROM "Account" a WHERE a."orgId" = ${o.orgId} AND a."code" IN (${sqlSet(chunk.map((a) => a.code))})`);
    const byCode = new Map(stored.map((row) => [row.code, row]));
    for (const a of chunk) {
      const row = byCode.get(a.code);
      const contact = a.contactName || a.contactPhone ? `1|${a.contactName}|${a.contactPhone}` : '0||';
      if (row && COMPARED.every((f) => row[f] === a[f]) && row.contacts === contact) same.add(a.code);
    }
  }
  return same;
}

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
    const before = await runner.all<{ code: string; name: string }>(sql`
      SELECT "code", "name" FROM "Account"
      WHERE "orgId" = ${o.orgId} AND "code" IN (${sqlSet(chunk.map((a) => a.code))})`);
    const namedBefore = new Map(before.map((b) => [b.code, b.name]));
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
    const renamed = chunk
      .filter((a) => namedBefore.get(a.code) !== a.name)
      .map((a) => ({ id: idOf.get(a.code) ?? 0, name: a.name }));
    await writeNameKeys(runner, o.orgId, renamed);
    const contacts = chunk
      .filter((a) => a.contactName || a.contactPhone)
      .map((a) => [idOf.get(a.code), o.orgId, a.contactName, a.contactPhone, 'erp']);
    if (contacts.length > 0)
      await runner.run(sql`
        INSERT INTO "AccountContact" ("accountId", "orgId", "name", "phone", "role") VALUES ${valuesList(contacts)}`);
  }
}

/** Replaces the name keys of these accounts (see accountNameKeys). */
async function writeNameKeys(
  runner: ReturnType<typeof runnerOf>,
  orgId: number,
  accounts: { id: number; name: string }[],
): Promise<void> {
  if (accounts.length === 0) return;
  const ids = accounts.map((a) => String(a.id));
  await runner.run(sql`
    DELETE FROM "AccountNameKey"
    WHERE "accountId" IN (SELECT CAST("key" AS INTEGER) FROM (${sqlSet(ids)}) AS "ids")`);
  const keys = accounts.flatMap((a) => accountNameKeys(a.name).map((key) => [orgId, key, a.id]));
  for (let start = 0; start < keys.length; start += CHUNK * 3)
    await runner.run(sql`
      INSERT INTO "AccountNameKey" ("orgId", "key", "accountId")
      VALUES ${valuesList(keys.slice(start, start + CHUNK * 3))} ON CONFLICT DO NOTHING`);
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
 * An account and, when it is an outlet of a distributor, that distributor: one statement (an order's
 * check needs both, whose credit it is checked against).
 */
export async function findAccountWithDistributor(
  db: DbLike,
  id: number,
): Promise<{ account: Account; distributor: Account | null } | null> {
  const rows = (
    await runnerOf(db).all(
      preparedSql(sql`
    SELECT * FROM "Account" WHERE "id" = ${id}
    UNION ALL
    SELECT d.* FROM "Account" a JOIN "Account" d ON d."orgId" = a."orgId" AND d."code" = a."distributorCode"
    WHERE a."id" = ${id} AND a."kind" = 'outlet'`),
    )
  ).map(accountFromRow);
  const account = rows.find((a) => a.id === id);
  return account ? { account, distributor: rows.find((a) => a.id !== id) ?? null } : null;
}

/** The query as a part of a code (letters, digits, - _ .), upper-cased; '' if it cannot be one. */
function codePart(text: string): string {
  const typed = text.trim().toUpperCase();
  return /^[A-Z0-9_.-]{1,32}$/.test(typed) ? typed : '';
}

/**
 * Accounts whose name or code contains the text (emoji, spaces, width and case ignored), only those of the
 * given owners when they are given; by name. The name keys' index finds the candidates by prefix, in
 * key order, and the reading stops at the first few that match: no sort of every match.
 */
export async function searchAccountsByName(
  db: DbLike,
  o: { orgId: number; text: string; take: number; ownerIds?: string[] },
): Promise<Account[]> {
  const range = nameKeyRange(o.text);
  if (!range) return [];
  const scope = o.ownerIds ? sql` AND a."ownerId" IN (${sqlSet(o.ownerIds)})` : sql``;
  const rows = await runnerOf(db).all(sql`
    SELECT a.* FROM "AccountNameKey" k JOIN "Account" a ON a."id" = k."accountId"
    WHERE k."orgId" = ${o.orgId} AND k."key" >= ${range.from} AND k."key" < ${range.to}${scope}
    ORDER BY k."key", k."accountId" LIMIT ${o.take * 3}`);
  const code = codePart(o.text);
  // a part of a code ("EO9" of EO901): codes are short and of one org, matched case-blind
  const byCode = code
    ? await runnerOf(db).all(sql`
        SELECT a.* FROM "Account" a WHERE a."orgId" = ${o.orgId}${scope}
        AND UPPER(a."code") LIKE ${`%${code.replace(/_/g, '!_')}%`} ESCAPE '!' ORDER BY a."code" LIMIT ${o.take * 3}`)
    : [];
  const byId = new Map([...rows, ...byCode].map((row) => accountFromRow(row)).map((a) => [a.id, a]));
  return [...byId.values()]
    .filter((a) => nameMatches(a.name, o.text) || (code !== '' && a.code.toUpperCase().includes(code)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.code < b.code ? -1 : 1))
    .slice(0, o.take);
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
