import type { UnitState } from '../../domain/deals/unit-states.ts';
import { sql } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';
import type { UnitFilter } from './unit-repo.ts';

export interface StateTotal {
  state: UnitState;
  count: number;
  /** The deal's price for units in a deal, else the list price. */
  amountCents: number;
}

/** Counts and amounts per state over the units the filter keeps. */
export async function boardTotals(db: DbLike, orgId: number, filter: UnitFilter = {}): Promise<StateTotal[]> {
  const building = filter.building === undefined ? sql`` : sql` AND u."building" = ${filter.building}`;
  const layout = filter.layout === undefined ? sql`` : sql` AND u."layout" = ${filter.layout}`;
  const state = filter.state === undefined ? sql`` : sql` AND u."state" = ${filter.state}`;
  const rows = await runnerOf(db).all<{ state: UnitState; count: unknown; amount: unknown }>(sql`
    SELECT u."state" AS "state", COUNT(*) AS "count",
      SUM(COALESCE(d."totalCents", d."priceCents", u."listPriceCents")) AS "amount"
    FROM "Unit" u LEFT JOIN "Deal" d ON d."id" = u."dealId"
    WHERE u."orgId" = ${orgId}${building}${layout}${state}
    GROUP BY u."state"`);
  return rows.map((r) => ({ state: r.state, count: Number(r.count), amountCents: Number(r.amount ?? 0) }));
}

/** The site's buildings and layouts, for the filters. */
export async function boardDimensions(db: DbLike, orgId: number): Promise<{ buildings: string[]; layouts: string[] }> {
  const runner = runnerOf(db);
  const buildings = await runner.all<{ v: string }>(
    sql`SELECT DISTINCT "building" AS "v" FROM "Unit" WHERE "orgId" = ${orgId} ORDER BY "building"`,
  );
  const layouts = await runner.all<{ v: string }>(
    sql`SELECT DISTINCT "layout" AS "v" FROM "Unit" WHERE "orgId" = ${orgId} ORDER BY "layout"`,
  );
  return { buildings: buildings.map((r) => r.v), layouts: layouts.map((r) => r.v) };
}
