import { preparedSql, sql, sqlList, sqlSet, type SqlQuery } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';
import { figureOf, type Scope, type Target } from './target-repo.ts';

// The kept totals (ActualTotal): each person's own sum per metric and month, read for reports.

/**
 * Each person's own totals per metric over consecutive months: one GROUP BY over the kept totals.
 * The people are picked out afterwards: a list of hundreds of ids in the query costs more to build
 * than the few extra rows cost to read.
 */
export async function ownTotals(
  db: DbLike,
  orgId: number,
  months: string[],
  personIds?: readonly string[],
  metric?: string,
): Promise<Map<string, Map<string, number>>> {
  const wanted = personIds ? new Set(personIds) : undefined;
  const out = new Map<string, Map<string, number>>();
  if (metric) {
    for (const [personId, total] of await ownTotalsOf(db, orgId, months, metric))
      if (!wanted || wanted.has(personId)) out.set(personId, new Map([[metric, total]]));
    return out;
  }
  const rows = await runnerOf(db).all<{ personId: string; metric: string; total: number | bigint | string | null }>(sql`
    SELECT "personId", "metric", SUM("value") AS "total" FROM "ActualTotal"
    WHERE "orgId" = ${orgId} AND "month" >= ${months[0]} AND "month" <= ${months.at(-1)}
    GROUP BY "personId", "metric"`);
  for (const row of rows) {
    if (wanted && !wanted.has(row.personId)) continue;
    const perPerson = out.get(row.personId) ?? new Map<string, number>();
    perPerson.set(row.metric, figureOf(row.total));
    out.set(row.personId, perPerson);
  }
  return out;
}

/** Each person's own total of one metric over consecutive months: ownTotals without a map per person. */
export async function ownTotalsOf(db: DbLike, orgId: number, months: string[], metric: string) {
  // with the metric known, the primary key (orgId, metric, month, personId) finds exactly the rows
  const rows = await runnerOf(db).all<{ personId: string; total: number | bigint | string | null }>(sql`
    SELECT "personId", SUM("value") AS "total" FROM "ActualTotal"
    WHERE "orgId" = ${orgId} AND "metric" = ${metric} AND "month" >= ${months[0]} AND "month" <= ${months.at(-1)}
    GROUP BY "personId"`);
  const out = new Map<string, number>();
  for (const row of rows) out.set(row.personId, figureOf(row.total));
  return out;
}

/** A few people are picked out in SQL (one parameter); a whole org is read and picked out here. */
const FEW_PEOPLE = 64;

export interface TargetsAndTotals {
  targets: Pick<Target, 'scopeKind' | 'scopeId' | 'metric' | 'value' | 'period'>[];
  /** Each person's own total per metric and month (none when read by groups). */
  totals: { personId: string; metric: string; month: string; total: number }[];
  /** With `groupOf`: each group's total per metric over the months. */
  groups: Map<number, Map<string, number>>;
  /** With `alongside`: its rows, by their "row" and "id" (another read sent in the same statement). */
  alongside: { row: string; id: string; value: number }[];
}

/**
 * The totals of groups of people over the months, added up in the database: a team of thousands
 * reads a row per group and metric, not one per person. `groupOf` is JSON ({"U…": 0, …}), one
 * parameter that json_each (SQLite and PostgreSQL alike) turns into rows.
 */
function groupedTotals(orgId: number, months: string[], ofMetric: SqlQuery): SqlQuery {
  return sql`
    SELECT 'group' AS "row", '' AS "kind", CAST(g."value" AS TEXT) AS "id", t."metric", SUM(t."value") AS "value",
    '' AS "period" FROM "ActualTotal" t JOIN "groups" g ON g."key" = t."personId"
    WHERE t."orgId" = ${orgId}${ofMetric} AND t."month" IN (${sqlList(months)})
    GROUP BY CAST(g."value" AS TEXT), t."metric"`;
}

/**
 * The targets of some scopes (with `groupOf`, its people's too) for some periods, and people's own
 * totals per month (or per group), in ONE statement
 * (a round trip is most of a `/targets` on PostgreSQL): the two reads of `targetsFor` and `ownTotals`
 * for every period the answer shows, as one UNION ALL.
 */
export async function targetsAndTotals(
  db: DbLike,
  orgId: number,
  o: {
    periods: string[];
    scopes: Scope[];
    months: string[];
    personIds?: readonly string[];
    metric?: string;
    groupOf?: string;
    /** Rows of the same columns (row, kind, id, metric, value, period), UNION ALL'd in: one round trip. */
    alongside?: SqlQuery;
  },
): Promise<TargetsAndTotals> {
  const kinds = [...new Set(o.scopes.map((s) => s.kind))];
  const ids = [...new Set(o.scopes.map((s) => s.id))];
  const few = o.personIds && o.personIds.length <= FEW_PEOPLE ? o.personIds : undefined;
  const ofPeople = few ? sql` AND "personId" IN (${sqlSet(few)})` : sql``;
  const ofMetric = o.metric ? sql` AND "metric" = ${o.metric}` : sql``;
  const totals = o.groupOf
    ? groupedTotals(orgId, o.months, o.metric ? sql` AND t."metric" = ${o.metric}` : sql``)
    : sql`
    SELECT 'total' AS "row", '' AS "kind", "personId" AS "id", "metric", SUM("value") AS "value", "month" AS "period"
    FROM "ActualTotal" WHERE "orgId" = ${orgId}${ofMetric} AND "month" IN (${sqlList(o.months)})${ofPeople}
    GROUP BY "personId", "metric", "month"`;
  // the people of the groups are person scopes too: their ids travel once, in groupOf
  const groupPeople = o.groupOf
    ? sql` OR ("scopeKind" = 'person' AND "scopeId" IN (SELECT "key" FROM "groups"))`
    : sql``;
  // the groups' JSON travels once, as a WITH both halves read
  const groups = o.groupOf ? sql`WITH "groups" AS (SELECT "key", "value" FROM json_each(${o.groupOf})) ` : sql``;
  const query =
    o.scopes.length === 0 || o.periods.length === 0
      ? totals
      : sql`
    SELECT 'target' AS "row", "scopeKind" AS "kind", "scopeId" AS "id", "metric", "value", "period" FROM "Target"
    WHERE "orgId" = ${orgId} AND "period" IN (${sqlList(o.periods)}) AND (("scopeKind" IN (${sqlList(kinds)})
    AND "scopeId" IN (${sqlSet(ids)}))${groupPeople})
    UNION ALL ${totals}`;
  const along = o.alongside ? sql` UNION ALL ${o.alongside}` : sql``;
  type Row = { row: string; kind: string; id: string; metric: string; value: number | null; period: string };
  const rows = await runnerOf(db).all<Row>(preparedSql(sql`${groups}${query}${along}`));
  const wantedScopes = new Set(o.scopes.map((s) => `${s.kind}:${s.id}`));
  const wantedPeople = o.personIds ? new Set(o.personIds) : undefined;
  const out: TargetsAndTotals = { targets: [], totals: [], groups: new Map(), alongside: [] };
  for (const r of rows) {
    const value = figureOf(r.value);
    if (r.row === 'group') {
      const group = out.groups.get(Number(r.id)) ?? new Map<string, number>();
      out.groups.set(Number(r.id), group.set(r.metric, value));
    } else if (r.row === 'target') {
      if (wantedScopes.has(`${r.kind}:${r.id}`) || (o.groupOf && r.kind === 'person'))
        out.targets.push({ scopeKind: r.kind, scopeId: r.id, metric: r.metric, value, period: r.period });
    } else if (r.row !== 'total') {
      out.alongside.push({ row: r.row, id: r.id, value });
    } else if (!wantedPeople || wantedPeople.has(r.id))
      out.totals.push({ personId: r.id, metric: r.metric, month: r.period, total: value });
  }
  return out;
}
