import type { LogisticsLine } from '../../domain/accounts/logistics.ts';
import { sql, sqlSet } from '../sql/sql-query.ts';
import { runnerOf, toDateOrNull, type DbLike } from '../sql/sql-runner.ts';

export interface LogisticsRow extends Partial<LogisticsLine> {
  accountId: number;
  code: string;
  name: string;
  market: string;
  confirmedAt: Date | null;
  hasLine: boolean;
}

/** Every account not closed with its logistics line, if any, by market and code. */
export async function logisticsTable(db: DbLike, o: { orgId: number; markets?: string[] }): Promise<LogisticsRow[]> {
  const scope = o.markets ? sql` AND a."market" IN (${sqlSet(o.markets)})` : sql``;
  const rows = await runnerOf(db).all<Record<string, unknown>>(sql`
    SELECT a."id" AS "accountId", a."code", a."name", a."market", l."deliveryAddress", l."receiver", l."warehouse",
      l."carrier", l."leadDays", l."unloading", l."confirmedAt", l."accountId" AS "lineOf"
    FROM "Account" a LEFT JOIN "AccountLogistics" l ON l."accountId" = a."id"
    WHERE a."orgId" = ${o.orgId} AND a."status" <> 'closed'${scope}
    ORDER BY a."market", a."code"`);
  return rows.map((r) => ({
    accountId: Number(r.accountId),
    code: String(r.code),
    name: String(r.name),
    market: String(r.market),
    hasLine: r.lineOf !== null && r.lineOf !== undefined,
    deliveryAddress: (r.deliveryAddress as string | null) ?? undefined,
    receiver: (r.receiver as string | null) ?? undefined,
    warehouse: (r.warehouse as string | null) ?? undefined,
    carrier: (r.carrier as string | null) ?? undefined,
    leadDays: r.leadDays === null || r.leadDays === undefined ? undefined : Number(r.leadDays),
    unloading: (r.unloading as string | null) ?? undefined,
    confirmedAt: toDateOrNull(r.confirmedAt),
  }));
}

/** Sets (and confirms) a line, logging what it was. */
export async function setLogistics(
  db: DbLike,
  o: { orgId: number; accountId: number; line: LogisticsLine; by: string; now: Date },
): Promise<void> {
  const runner = runnerOf(db);
  const before = await runner.all(sql`SELECT * FROM "AccountLogistics" WHERE "accountId" = ${o.accountId}`);
  const l = o.line;
  await runner.run(sql`
    INSERT INTO "AccountLogistics" ("accountId", "orgId", "deliveryAddress", "receiver", "warehouse", "carrier",
      "leadDays", "unloading", "confirmedAt", "confirmedBy", "updatedAt")
    VALUES (${o.accountId}, ${o.orgId}, ${l.deliveryAddress}, ${l.receiver}, ${l.warehouse}, ${l.carrier},
      ${l.leadDays},
      ${l.unloading}, ${o.now}, ${o.by}, ${o.now})
    ON CONFLICT ("accountId") DO UPDATE SET "deliveryAddress" = excluded."deliveryAddress",
      "receiver" = excluded."receiver", "warehouse" = excluded."warehouse", "carrier" = excluded."carrier",
      "leadDays" = excluded."leadDays", "unloading" = excluded."unloading", "confirmedAt" = excluded."confirmedAt",
      "confirmedBy" = excluded."confirmedBy", "updatedAt" = excluded."updatedAt"`);
  await logChange(db, {
    ...o,
    action: 'set',
    before: before[0] ? JSON.stringify(before[0]) : null,
    after: JSON.stringify(l),
  });
}

/** Confirms a line unchanged; false when the account has none. */
export async function confirmLogistics(
  db: DbLike,
  o: { orgId: number; accountId: number; by: string; now: Date },
): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "AccountLogistics" SET "confirmedAt" = ${o.now}, "confirmedBy" = ${o.by}
    WHERE "accountId" = ${o.accountId}`);
  if (changed === 1) await logChange(db, { ...o, action: 'confirm', before: null, after: '{}' });
  return changed === 1;
}

async function logChange(
  db: DbLike,
  o: { orgId: number; accountId: number; action: string; before: string | null; after: string; by: string; now: Date },
): Promise<void> {
  await runnerOf(db).run(sql`
    INSERT INTO "AccountLogisticsChange" ("orgId", "accountId", "action", "before", "after", "by", "at")
    VALUES (${o.orgId}, ${o.accountId}, ${o.action}, ${o.before}, ${o.after}, ${o.by}, ${o.now})`);
}

/** One account's logistics line, if it has one. */
export async function logisticsOf(
  db: DbLike,
  accountId: number,
): Promise<(LogisticsLine & { confirmedAt: Date | null }) | null> {
  const rows = await runnerOf(db).all<Record<string, unknown>>(
    sql`SELECT * FROM "AccountLogistics" WHERE "accountId" = ${accountId}`,
  );
  const r = rows[0];
  if (!r) return null;
  return {
    deliveryAddress: String(r.deliveryAddress),
    receiver: String(r.receiver),
    warehouse: String(r.warehouse),
    carrier: String(r.carrier),
    leadDays: Number(r.leadDays),
    unloading: String(r.unloading),
    confirmedAt: toDateOrNull(r.confirmedAt),
  };
}
