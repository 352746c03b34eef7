import type { DbOrTx } from '../database.ts';
import type { Actual, Target } from '../../generated/sqlite/client.ts';
import { sql, sqlList, sqlSet } from '../sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from '../sql/sql-runner.ts';

export type { Actual, Target };
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
    value: number;
    period: string;
  }>(sql`
    SELECT "scopeKind", "scopeId", "metric", "value", "period" FROM "Target"
    WHERE "orgId" = ${orgId} AND "period" IN (${sqlList(periods)}) AND "scopeKind" IN (${sqlList(kinds)}) AND "scopeId" IN (${sqlSet(ids)})`);
  const wanted = new Set(scopes.map((s) => `${s.kind}:${s.id}`));
  return rows.filter((r) => wanted.has(`${r.scopeKind}:${r.scopeId}`)).map((r) => ({ ...r, value: Number(r.value) }));
}

export interface TargetChangeMade {
  scope: Scope;
  period: string;
  oldValue: number | null;
  newValue: number;
}

/** Sets targets (creating or changing each), recording every change with who and when; returns what changed. */
export async function saveTargets(
  db: DbOrTx,
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
  for (const row of o.rows) {
    const key = {
      orgId: o.orgId,
      period: o.period,
      scopeKind: row.scope.kind,
      scopeId: row.scope.id,
      metric: o.metric,
    };
    const before = await db.target.findUnique({ where: { orgId_period_scopeKind_scopeId_metric: key } });
    if (before && before.value === row.value && !o.gapConfirmed) continue;
    const gap = o.gapConfirmed ? { gapConfirmedBy: o.by, gapConfirmedAt: o.at } : {};
    if (before)
      await db.target.update({
        where: { id: before.id },
        data: { value: row.value, version: { increment: 1 }, setBy: o.by, setAt: o.at, ...gap },
      });
    else await db.target.create({ data: { ...key, value: row.value, setBy: o.by, setAt: o.at, ...gap } });
    await db.targetChange.create({
      data: { ...key, oldValue: before?.value ?? null, newValue: row.value, by: o.by, at: o.at, note: o.note ?? null },
    });
    if (before?.value !== row.value)
      changes.push({ scope: row.scope, period: o.period, oldValue: before?.value ?? null, newValue: row.value });
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
  await runnerOf(db).run(sql`
    INSERT INTO "ActualTotal" ("orgId", "personId", "month", "metric", "value") VALUES (${orgId}, ${personId}, ${month}, ${metric}, ${delta})
    ON CONFLICT ("orgId", "metric", "month", "personId") DO UPDATE SET "value" = "ActualTotal"."value" + excluded."value"`);
}

export interface NewActual {
  orgId: number;
  month: string;
  personId: string;
  marketCode?: string;
  account: string;
  metric: string;
  value: number;
  source: 'manual' | 'contract' | 'visit';
  sourceRef?: string;
  createdBy: string;
  createdAt: Date;
}

export async function recordActual(db: DbLike, a: NewActual): Promise<number> {
  const rows = await runnerOf(db).all<{ id: number | bigint }>(sql`
    INSERT INTO "Actual" ("orgId", "month", "personId", "marketCode", "account", "metric", "value", "source", "sourceRef", "createdBy", "createdAt")
    VALUES (${a.orgId}, ${a.month}, ${a.personId}, ${a.marketCode ?? ''}, ${a.account}, ${a.metric}, ${a.value}, ${a.source}, ${a.sourceRef ?? null}, ${a.createdBy}, ${a.createdAt})
    RETURNING "id"`);
  if (a.metric !== 'share') await addToTotal(db, a.orgId, a.personId, a.month, a.metric, a.value);
  return Number(rows[0].id);
}

/** What one source (a contract) still counts, per month, person, account and metric: what an undo takes back. */
type Counted = Pick<NewActual, 'month' | 'personId' | 'account' | 'metric' | 'value'>;

export async function countedBySource(db: DbOrTx, orgId: number, sourceRef: string): Promise<Counted[]> {
  const select = { month: true, personId: true, account: true, metric: true, value: true };
  const rows = await db.actual.findMany({ where: { orgId, sourceRef }, select });
  const sums = new Map<string, Counted>();
  for (const row of rows) {
    const key = JSON.stringify([row.month, row.personId, row.account, row.metric]);
    const sum = sums.get(key) ?? { ...row, value: 0 };
    sum.value += row.value;
    sums.set(key, sum);
  }
  return [...sums.values()].filter((sum) => sum.value !== 0);
}

/** A split that falls short of its unchanged parent: who confirmed the gap, and when. */
export async function confirmTargetGap(
  db: DbOrTx,
  o: { orgId: number; period: string; metric: string; parent: Scope; by: string; at: Date },
): Promise<void> {
  const where = { orgId: o.orgId, period: o.period, metric: o.metric, scopeKind: o.parent.kind, scopeId: o.parent.id };
  await db.target.updateMany({ where, data: { gapConfirmedBy: o.by, gapConfirmedAt: o.at } });
}

/** A recorded figure, or null. */
export async function findActual(db: DbOrTx, id: number): Promise<Actual | null> {
  return db.actual.findUnique({ where: { id } });
}

/** The figure already recorded from this source (a /sales modal's view), if any. */
export async function actualIdBySource(db: DbOrTx, orgId: number, sourceRef: string): Promise<number | null> {
  const found = await db.actual.findFirst({ where: { orgId, sourceRef }, select: { id: true } });
  return found?.id ?? null;
}

/** Corrects a recorded figure; the old value stays in the corrections, the totals move by the difference. */
export async function correctActual(
  db: DbOrTx,
  o: { id: number; orgId: number; newValue: number; by: string; reason: string; at: Date },
): Promise<boolean> {
  const before = await db.actual.findUnique({ where: { id: o.id } });
  if (!before || before.orgId !== o.orgId) return false;
  await db.actual.update({ where: { id: o.id }, data: { value: o.newValue }, select: { id: true } });
  await db.actualCorrection.create({
    data: { actualId: o.id, oldValue: before.value, newValue: o.newValue, by: o.by, reason: o.reason, at: o.at },
  });
  if (before.metric !== 'share')
    await addToTotal(db, o.orgId, before.personId, before.month, before.metric, o.newValue - before.value);
  return true;
}

/**
 * Each person's own totals per metric over consecutive months: one GROUP BY over the kept totals.
 * The people are picked out afterwards: a list of hundreds of ids in the query costs more to build
 * than the few extra rows cost to read.
 */
export async function ownTotals(
  db: DbLike,
  orgId: number,
  months: string[],
  personIds?: string[],
  metric?: string,
): Promise<Map<string, Map<string, number>>> {
  const first = months[0];
  const last = months[months.length - 1];
  // with the metric known, the primary key (orgId, metric, month, personId) finds exactly the rows
  const rows = metric
    ? await runnerOf(db).all<{ personId: string; metric: string; total: number | null }>(sql`
        SELECT "personId", "metric", SUM("value") AS "total" FROM "ActualTotal"
        WHERE "orgId" = ${orgId} AND "metric" = ${metric} AND "month" >= ${first} AND "month" <= ${last}
        GROUP BY "personId", "metric"`)
    : await runnerOf(db).all<{ personId: string; metric: string; total: number | null }>(sql`
        SELECT "personId", "metric", SUM("value") AS "total" FROM "ActualTotal"
        WHERE "orgId" = ${orgId} AND "month" >= ${first} AND "month" <= ${last}
        GROUP BY "personId", "metric"`);
  const wanted = personIds ? new Set(personIds) : undefined;
  const out = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (wanted && !wanted.has(row.personId)) continue;
    const perPerson = out.get(row.personId) ?? new Map<string, number>();
    perPerson.set(row.metric, Number(row.total ?? 0));
    out.set(row.personId, perPerson);
  }
  return out;
}

/** A few people are picked out in SQL (one parameter); a whole org is read and picked out here. */
const FEW_PEOPLE = 64;

export interface TargetsAndTotals {
  targets: Pick<Target, 'scopeKind' | 'scopeId' | 'metric' | 'value' | 'period'>[];
  /** Each person's own total per metric and month. */
  totals: { personId: string; metric: string; month: string; total: number }[];
}

/**
 * The targets of some scopes for some periods, and people's own totals per month, in ONE statement
 * (a round trip is most of a `/targets` on PostgreSQL): the two reads of `targetsFor` and `ownTotals`
 * for every period the answer shows, as one UNION ALL.
 */
export async function targetsAndTotals(
  db: DbLike,
  orgId: number,
  o: { periods: string[]; scopes: Scope[]; months: string[]; personIds?: string[]; metric?: string },
): Promise<TargetsAndTotals> {
  const kinds = [...new Set(o.scopes.map((s) => s.kind))];
  const ids = [...new Set(o.scopes.map((s) => s.id))];
  const few = o.personIds && o.personIds.length <= FEW_PEOPLE ? o.personIds : undefined;
  const ofPeople = few ? sql` AND "personId" IN (${sqlSet(few)})` : sql``;
  const ofMetric = o.metric ? sql` AND "metric" = ${o.metric}` : sql``;
  const totals = sql`
    SELECT 'total' AS "row", '' AS "kind", "personId" AS "id", "metric", SUM("value") AS "value", "month" AS "period"
    FROM "ActualTotal" WHERE "orgId" = ${orgId}${ofMetric} AND "month" IN (${sqlList(o.months)})${ofPeople}
    GROUP BY "personId", "metric", "month"`;
  const query =
    o.scopes.length === 0 || o.periods.length === 0
      ? totals
      : sql`
    SELECT 'target' AS "row", "scopeKind" AS "kind", "scopeId" AS "id", "metric", "value", "period" FROM "Target"
    WHERE "orgId" = ${orgId} AND "period" IN (${sqlList(o.periods)}) AND "scopeKind" IN (${sqlList(kinds)})
    AND "scopeId" IN (${sqlSet(ids)})
    UNION ALL ${totals}`;
  type Row = { row: string; kind: string; id: string; metric: string; value: number | null; period: string };
  const rows = await runnerOf(db).all<Row>(query);
  const wantedScopes = new Set(o.scopes.map((s) => `${s.kind}:${s.id}`));
  const wantedPeople = o.personIds ? new Set(o.personIds) : undefined;
  const out: TargetsAndTotals = { targets: [], totals: [] };
  for (const r of rows) {
    const value = Number(r.value ?? 0);
    if (r.row === 'target') {
      if (wantedScopes.has(`${r.kind}:${r.id}`))
        out.targets.push({ scopeKind: r.kind, scopeId: r.id, metric: r.metric, value, period: r.period });
    } else if (!wantedPeople || wantedPeople.has(r.id))
      out.totals.push({ personId: r.id, metric: r.metric, month: r.period, total: value });
  }
  return out;
}

/** The latest market share entered for a market in the months, or null. */
export async function latestShare(
  db: DbOrTx,
  orgId: number,
  marketCode: string,
  months: string[],
): Promise<number | null> {
  const row = await db.actual.findFirst({
    where: { orgId, metric: 'share', marketCode, month: { in: months } },
    orderBy: [{ month: 'desc' }, { id: 'desc' }],
  });
  return row?.value ?? null;
}

const actualFromRow = rowReader<Actual>({ numbers: ['id', 'orgId', 'value'], dates: ['createdAt'] });

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
