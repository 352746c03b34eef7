import type { UnitRow } from '../../domain/deals/units-file.ts';
import type { UnitState } from '../../domain/deals/unit-states.ts';
import { sql, preparedSql } from '../sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from '../sql/sql-runner.ts';
import { asWrite, writeTogether } from '../sql/write-together.ts';

export interface Unit {
  id: number;
  orgId: number;
  building: string;
  number: string;
  floor: number;
  layout: string;
  areaCenti: number;
  listPriceCents: number;
  state: UnitState;
  dealId: number | null;
  stateChangedAt: Date;
}

const unitFromRow = rowReader<Unit>({
  numbers: ['id', 'orgId', 'floor', 'areaCenti', 'listPriceCents', 'dealId'],
  dates: ['stateChangedAt'],
});

const COLUMNS = sql`"id", "orgId", "building", "number", "floor", "layout", "areaCenti", "listPriceCents", "state",
  "dealId", "stateChangedAt"`;

export interface UnitFilter {
  building?: string;
  layout?: string;
  state?: UnitState;
}

/** The site's units in board order (building, floor from the top, number), filtered. */
export async function listUnits(db: DbLike, orgId: number, filter: UnitFilter = {}): Promise<Unit[]> {
  const building = filter.building === undefined ? sql`` : sql` AND "building" = ${filter.building}`;
  const layout = filter.layout === undefined ? sql`` : sql` AND "layout" = ${filter.layout}`;
  const state = filter.state === undefined ? sql`` : sql` AND "state" = ${filter.state}`;
  const rows = await runnerOf(db).all(sql`
    SELECT ${COLUMNS} FROM "Unit" WHERE "orgId" = ${orgId}${building}${layout}${state}
    ORDER BY "building", "floor" DESC, "number"`);
  return rows.map(unitFromRow);
}

export async function findUnitById(db: DbLike, orgId: number, id: number): Promise<Unit | null> {
  const rows = await runnerOf(db).all(
    preparedSql(sql`SELECT ${COLUMNS} FROM "Unit" WHERE "orgId" = ${orgId} AND "id" = ${id}`),
  );
  return rows[0] ? unitFromRow(rows[0]) : null;
}

export async function findUnitByName(
  db: DbLike,
  orgId: number,
  building: string,
  number: string,
): Promise<Unit | null> {
  const rows = await runnerOf(db).all(sql`
    SELECT ${COLUMNS} FROM "Unit" WHERE "orgId" = ${orgId} AND "building" = ${building} AND "number" = ${number}`);
  return rows[0] ? unitFromRow(rows[0]) : null;
}

/**
 * Adds the file's new units (available, at the file's price) and updates floor, layout and area of
 * known ones. Idempotent by building and unit; prices of known units change only by the PM.
 */
export async function importUnits(
  unit: DbLike,
  orgId: number,
  rows: UnitRow[],
  now: Date,
): Promise<{ added: number; updated: number }> {
  const runner = runnerOf(unit);
  const known = new Map((await listUnits(unit, orgId)).map((u) => [`${u.building}\u0000${u.number}`, u]));
  let added = 0;
  let updated = 0;
  for (const row of rows) {
    const before = known.get(`${row.building}\u0000${row.number}`);
    if (!before) {
      await runner.run(sql`
        INSERT INTO "Unit" ("orgId", "building", "number", "floor", "layout", "areaCenti", "listPriceCents",
          "state", "stateChangedAt", "createdAt", "updatedAt")
        VALUES (${orgId}, ${row.building}, ${row.number}, ${row.floor}, ${row.layout}, ${row.areaCenti},
          ${row.listPriceCents}, 'available', ${now}, ${now}, ${now})`);
      added += 1;
    } else if (before.floor !== row.floor || before.layout !== row.layout || before.areaCenti !== row.areaCenti) {
      await runner.run(sql`
        UPDATE "Unit" SET "floor" = ${row.floor}, "layout" = ${row.layout}, "areaCenti" = ${row.areaCenti},
          "updatedAt" = ${now}
        WHERE "id" = ${before.id}`);
      updated += 1;
    }
  }
  return { added, updated };
}

/** Moves a unit from the state the caller saw; false when another request moved it first. */
export async function moveUnitState(
  unit: DbLike,
  id: number,
  move: { from: UnitState; to: UnitState; dealId: number | null; now: Date },
): Promise<boolean> {
  const changed = await runnerOf(unit).run(sql`
    UPDATE "Unit" SET "state" = ${move.to}, "dealId" = ${move.dealId}, "stateChangedAt" = ${move.now},
      "updatedAt" = ${move.now}
    WHERE "id" = ${id} AND "state" = ${move.from}`);
  return changed === 1;
}

/** Sets a unit's list price from the one the caller saw; false when it changed meanwhile. */
export async function setUnitPrice(
  unit: DbLike,
  id: number,
  fromCents: number,
  toCents: number,
  now: Date,
): Promise<boolean> {
  const changed = await runnerOf(unit).run(sql`
    UPDATE "Unit" SET "listPriceCents" = ${toCents}, "updatedAt" = ${now}
    WHERE "id" = ${id} AND "listPriceCents" = ${fromCents}`);
  return changed === 1;
}

export interface UnitChange {
  orgId: number;
  unitId: number;
  kind: 'state' | 'price';
  fromValue: string;
  toValue: string;
  by: string;
  note?: string;
  at: Date;
}

/** Nobody reads it back in the unit: with the next statement or the COMMIT on PostgreSQL (writeTogether). */
export async function recordUnitChange(unit: DbLike, c: UnitChange): Promise<void> {
  await writeTogether(unit, [
    asWrite(sql`
    INSERT INTO "UnitChange" ("orgId", "unitId", "kind", "fromValue", "toValue", "by", "note", "at")
    VALUES (${c.orgId}, ${c.unitId}, ${c.kind}, ${c.fromValue}, ${c.toValue}, ${c.by}, ${c.note ?? null}, ${c.at})`),
  ]);
}

export async function unitHistory(db: DbLike, unitId: number): Promise<UnitChange[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT "orgId", "unitId", "kind", "fromValue", "toValue", "by", "note", "at" FROM "UnitChange"
    WHERE "unitId" = ${unitId} ORDER BY "id"`);
  return rows.map(rowReader<UnitChange>({ numbers: ['orgId', 'unitId'], dates: ['at'] }));
}
