import type { Actual as StoredActual, Target as StoredTarget } from '../../generated/sqlite/client.ts';
import { sql, sqlList, sqlSet } from '../sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from '../sql/sql-runner.ts';
import { asWrite, type Write } from '../sql/write-together.ts';

/**
 * Figures are stored as BIGINT (an amount in cents, a share in hundredths of a point, a count) and
 * read back as safe integers: nothing above Number.MAX_SAFE_INTEGER is ever written (see figures.ts).
 */
export type Target = Omit<StoredTarget, 'value'> & { value: number };
export type Actual = Omit<StoredActual, 'value'> & { value: number };

/** A stored BIGINT (bigint from Prisma, text or a number from raw SQL) as a safe integer. */
export function figureOf(raw: bigint | number | string | null | undefined): number {
  const value = Number(raw ?? 0);
  if (!Number.isSafeInteger(value)) throw new Error(`figure out of range: ${String(raw)}`);
  return value;
}

const actualFromRow = rowReader<Actual>({ numbers: ['id', 'orgId', 'value'], dates: ['createdAt'] });
export type ScopeKind = 'org' | 'market' | 'person';
export interface Scope {
  kind: ScopeKind;
  id: string;
}

/** The targets of some scopes for a period, or several in one read (plain SQL: this runs on every /targets). */
export async function targetsFor(
  db: DbLike,
  orgId: number,
  period: string | string[],
  scopes: Scope[],
): Promise<Pick<Target, 'scopeKind' | 'scopeId' | 'metric' | 'value' | 'period'>[]> {
  if (scopes.length === 0) return [];
  const periods = typeof period === 'string' ? [period] : period;
  const kinds = [...new Set(scopes.map((s) => s.kind))];
  const ids = [...new Set(scopes.map((s) => s.id))];
  const rows = await runnerOf(db).all<{
    scopeKind: string;
    scopeId: string;
    metric: string;
    value: number | bigint | string;
    period: string;
  }>(sql`
    SELECT "scopeKind", "scopeId", "metric", "value", "period" FROM "Target"
    WHERE "orgId" = ${orgId} AND "period" IN (${sqlList(periods)}) AND "scopeKind" IN (${sqlList(kinds)}) AND "scopeId"
    IN (${sqlSet(ids)})`);
  const wanted = new Set(scopes.map((s) => `${s.kind}:${s.id}`));
  return rows.filter((r) => wanted.has(`${r.scopeKind}:${r.scopeId}`)).map((r) => ({ ...r, value: figureOf(r.value) }));
}

export interface TargetChangeMade {
  scope: Scope;
  period: string;
  oldValue: number | null;
  newValue: number;
}

interface TargetKey {
  orgId: number;
  period: string;
  scopeKind: string;
  scopeId: string;
  metric: string;
}

const sameTarget = (k: TargetKey) => sql`"orgId" = ${k.orgId} AND "period" = ${k.period}
  AND "scopeKind" = ${k.scopeKind} AND "scopeId" = ${k.scopeId} AND "metric" = ${k.metric}`;

interface TargetSave {
  value: number;
  by: string;
  at: Date;
  gap: { by: string; at: Date } | null;
  note: string | null;
}

/** Creates or changes one target and records the change; returns the value before (null: none). */
async function saveTarget(db: DbLike, key: TargetKey, o: TargetSave, force: boolean): Promise<number | null | false> {
  const runner = runnerOf(db);
  const found = await runner.all<{ id: number | bigint; value: number }>(
    sql`SELECT "id", "value" FROM "Target" WHERE ${sameTarget(key)}`,
  );
  const before = found[0] ? { id: Number(found[0].id), value: figureOf(found[0].value) } : null;
  if (before && before.value === o.value && !force) return false;
  const gap = o.gap ? sql`, "gapConfirmedBy" = ${o.gap.by}, "gapConfirmedAt" = ${o.gap.at}` : sql``;
  if (before)
    await runner.run(sql`
      UPDATE "Target" SET "value" = ${o.value}, "version" = "version" + 1, "setBy" = ${o.by}, "setAt" = ${o.at}${gap}
      WHERE "id" = ${before.id}`);
  else
    await runner.run(sql`
      INSERT INTO "Target" ("orgId", "period", "scopeKind", "scopeId", "metric", "value", "version", "setBy", "setAt",
        "gapConfirmedBy", "gapConfirmedAt")
      VALUES (${key.orgId}, ${key.period}, ${key.scopeKind}, ${key.scopeId}, ${key.metric}, ${o.value}, 1, ${o.by},
        ${o.at}, ${o.gap?.by ?? null}, ${o.gap?.at ?? null})`);
  await runner.run(sql`
    INSERT INTO "TargetChange" ("orgId", "period", "scopeKind", "scopeId", "metric", "oldValue", "newValue", "by", "at",
      "note")
    VALUES (${key.orgId}, ${key.period}, ${key.scopeKind}, ${key.scopeId}, ${key.metric}, ${before?.value ?? null},
      ${o.value}, ${o.by}, ${o.at}, ${o.note})`);
  return before?.value ?? null;
}

/** Sets targets (creating or changing each), recording every change with who and when; returns what changed. */
export async function saveTargets(
  db: DbLike,
  o: {
    orgId: number;
    period: string;
    metric: string;
    rows: { scope: Scope; value: number }[];
    by: string;
    at: Date;
    gapConfirmed?: boolean;
    note?: string;
  },
): Promise<TargetChangeMade[]> {
  const changes: TargetChangeMade[] = [];
  const gap = o.gapConfirmed ? { by: o.by, at: o.at } : null;
  for (const row of o.rows) {
    const key = {
      orgId: o.orgId,
      period: o.period,
      scopeKind: row.scope.kind,
      scopeId: row.scope.id,
      metric: o.metric,
    };
    const save = { value: row.value, by: o.by, at: o.at, gap, note: o.note ?? null };
    const before = await saveTarget(db, key, save, Boolean(o.gapConfirmed));
    if (before === false) continue;
    if (before !== row.value)
      changes.push({ scope: row.scope, period: o.period, oldValue: before, newValue: row.value });
  }
  return changes;
}

/** Adds to a person's month total for a metric (kept beside every actual, see ActualTotal). */
async function addToTotal(
  db: DbLike,
  orgId: number,
  personId: string,
  month: string,
  metric: string,
  delta: number,
): Promise<void> {
  await runnerOf(db).run(totalWrite(orgId, personId, month, metric, delta));
}

const totalWrite = (orgId: number, personId: string, month: string, metric: string, delta: number): Write =>
  asWrite(sql`
    INSERT INTO "ActualTotal" ("orgId", "personId", "month", "metric", "value") VALUES (${orgId}, ${personId}, ${month},
    ${metric}, ${delta})
    ON CONFLICT ("orgId", "metric", "month", "personId") DO UPDATE SET "value" = "ActualTotal"."value" +
    excluded."value"`);

/**
 * recordActual as writes to send with others (writeTogether), when nobody reads its id: the figure,
 * and its month's total (a total row is shared: no other write of the same call may add to it).
 */
export function actualWrites(a: NewActual): Write[] {
  const actual = asWrite(sql`
    INSERT INTO "Actual" ("orgId", "month", "personId", "marketCode", "account", "metric", "value", "source",
    "sourceRef", "createdBy", "createdAt")
    VALUES (${a.orgId}, ${a.month}, ${a.personId}, ${a.marketCode ?? ''}, ${a.account}, ${a.metric}, ${a.value},
    ${a.source}, ${a.sourceRef ?? null}, ${a.createdBy}, ${a.createdAt})`);
  return a.metric === 'share' ? [actual] : [actual, totalWrite(a.orgId, a.personId, a.month, a.metric, a.value)];
}

export interface NewActual {
  orgId: number;
  month: string;
  personId: string;
  marketCode?: string;
  account: string;
  metric: string;
  value: number;
  /** invoice and shipment: 銷售額 from the ledger (the org file's `orders: sales_from`) */
  source: 'manual' | 'contract' | 'visit' | 'deal' | 'invoice' | 'shipment';
  sourceRef?: string;
  createdBy: string;
  createdAt: Date;
}

export async function recordActual(db: DbLike, a: NewActual): Promise<number> {
  const rows = await runnerOf(db).all<{ id: number | bigint }>(sql`
    INSERT INTO "Actual" ("orgId", "month", "personId", "marketCode", "account", "metric", "value", "source",
    "sourceRef", "createdBy", "createdAt")
    VALUES (${a.orgId}, ${a.month}, ${a.personId}, ${a.marketCode ?? ''}, ${a.account}, ${a.metric}, ${a.value},
    ${a.source}, ${a.sourceRef ?? null}, ${a.createdBy}, ${a.createdAt})
    RETURNING "id"`);
  if (a.metric !== 'share') await addToTotal(db, a.orgId, a.personId, a.month, a.metric, a.value);
  return Number(rows[0].id);
}

/** What one source (a contract) still counts, per month, person, account and metric: what an undo takes back. */
type Counted = Pick<NewActual, 'month' | 'personId' | 'account' | 'metric' | 'value'>;

export async function countedBySource(db: DbLike, orgId: number, sourceRef: string): Promise<Counted[]> {
  const rows = await runnerOf(db).all<Counted>(sql`
    SELECT "month", "personId", "account", "metric", "value" FROM "Actual"
    WHERE "orgId" = ${orgId} AND "sourceRef" = ${sourceRef} ORDER BY "id"`);
  const sums = new Map<string, Counted>();
  for (const row of rows) {
    const key = JSON.stringify([row.month, row.personId, row.account, row.metric]);
    const sum = sums.get(key) ?? { ...row, value: 0 };
    sum.value += figureOf(row.value);
    sums.set(key, sum);
  }
  return [...sums.values()].filter((sum) => sum.value !== 0);
}

/** A split that falls short of its unchanged parent: who confirmed the gap, and when. */
export async function confirmTargetGap(
  db: DbLike,
  o: { orgId: number; period: string; metric: string; parent: Scope; by: string; at: Date },
): Promise<void> {
  const key = { orgId: o.orgId, period: o.period, metric: o.metric, scopeKind: o.parent.kind, scopeId: o.parent.id };
  await runnerOf(db).run(sql`
    UPDATE "Target" SET "gapConfirmedBy" = ${o.by}, "gapConfirmedAt" = ${o.at} WHERE ${sameTarget(key)}`);
}

/** A recorded figure, or null. */
export async function findActual(db: DbLike, id: number): Promise<Actual | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "Actual" WHERE "id" = ${id}`);
  return rows[0] ? actualFromRow(rows[0]) : null;
}

/** The figure already recorded from this source (a /sales modal's view), if any. */
export async function actualIdBySource(db: DbLike, orgId: number, sourceRef: string): Promise<number | null> {
  const rows = await runnerOf(db).all<{ id: number | bigint }>(sql`
    SELECT "id" FROM "Actual" WHERE "orgId" = ${orgId} AND "sourceRef" = ${sourceRef} ORDER BY "id" LIMIT 1`);
  return rows[0] ? Number(rows[0].id) : null;
}

/** Corrects a recorded figure; the old value stays in the corrections, the totals move by the difference. */
export async function correctActual(
  db: DbLike,
  o: { id: number; orgId: number; newValue: number; by: string; reason: string; at: Date },
): Promise<boolean> {
  const before = await findActual(db, o.id);
  if (!before || before.orgId !== o.orgId) return false;
  const runner = runnerOf(db);
  await runner.run(sql`UPDATE "Actual" SET "value" = ${o.newValue} WHERE "id" = ${o.id}`);
  await runner.run(sql`
    INSERT INTO "ActualCorrection" ("actualId", "oldValue", "newValue", "by", "reason", "at")
    VALUES (${o.id}, ${before.value}, ${o.newValue}, ${o.by}, ${o.reason}, ${o.at})`);
  if (before.metric !== 'share')
    await addToTotal(db, o.orgId, before.personId, before.month, before.metric, o.newValue - before.value);
  return true;
}

/** The latest market share entered for a market in the months, or null. */
export async function latestShare(
  db: DbLike,
  orgId: number,
  marketCode: string,
  months: string[],
): Promise<number | null> {
  if (months.length === 0) return null;
  const rows = await runnerOf(db).all<{ value: number }>(sql`
    SELECT "value" FROM "Actual"
    WHERE "orgId" = ${orgId} AND "metric" = 'share' AND "marketCode" = ${marketCode} AND "month" IN (${sqlList(months)})
    ORDER BY "month" DESC, "id" DESC LIMIT 1`);
  return rows[0] ? figureOf(rows[0].value) : null;
}

/** The latest figures of some people (one set, whatever its size), and those a recorder entered for anyone. */
export async function recentActuals(
  db: DbLike,
  orgId: number,
  personIds: string[],
  take = 20,
  createdBy?: string,
): Promise<Actual[]> {
  const byRecorder = createdBy ? sql` OR "createdBy" = ${createdBy}` : sql``;
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "Actual" WHERE "orgId" = ${orgId} AND ("personId" IN (${sqlSet(personIds)})${byRecorder})
    ORDER BY "id" DESC LIMIT ${take}`);
  return rows.map(actualFromRow);
}
