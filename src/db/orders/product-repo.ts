import type { ProductInput } from '../../domain/orders/check-products.ts';
import { preparedSql, sql, sqlList } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

/** A product of the catalogue, money in integer cents. */
export interface Product extends ProductInput {
  id: number;
}

type Row = { id: unknown; sku: string; name: string; unit: string; packSize: unknown; listPriceCents: unknown };
const productOf = (row: Row & { active: unknown }): Product => ({
  id: Number(row.id),
  sku: row.sku,
  name: row.name,
  unit: row.unit,
  packSize: Number(row.packSize),
  listPriceCents: Number(row.listPriceCents),
  // SQLite keeps 0/1, PostgreSQL true/false
  active: row.active === true || Number(row.active) === 1,
});

/**
 * Writes the catalogue by SKU: new ones are added, known ones take the file's values (a file imported
 * twice changes nothing the second time). SKUs missing from the file are left as they are.
 */
export async function upsertProducts(
  db: DbLike,
  o: { orgId: number; products: ProductInput[]; now: Date },
): Promise<{ added: number; updated: number }> {
  const runner = runnerOf(db);
  const known = new Set(
    (await runner.all<{ sku: string }>(sql`SELECT "sku" FROM "Product" WHERE "orgId" = ${o.orgId}`)).map((r) => r.sku),
  );
  for (const p of o.products)
    await runner.run(sql`
      INSERT INTO "Product" ("orgId", "sku", "name", "unit", "packSize", "listPriceCents", "active", "updatedAt")
      VALUES (${o.orgId}, ${p.sku}, ${p.name}, ${p.unit}, ${p.packSize}, ${p.listPriceCents}, ${p.active ? 1 : 0},
        ${o.now})
      ON CONFLICT ("orgId", "sku") DO UPDATE SET "name" = excluded."name", "unit" = excluded."unit",
        "packSize" = excluded."packSize", "listPriceCents" = excluded."listPriceCents", "active" = excluded."active",
        "updatedAt" = excluded."updatedAt"`);
  const added = o.products.filter((p) => !known.has(p.sku)).length;
  return { added, updated: o.products.length - added };
}

/** The products of these SKUs (upper case), by SKU. */
export async function findProducts(db: DbLike, orgId: number, skus: string[]): Promise<Map<string, Product>> {
  if (skus.length === 0) return new Map();
  const list = [...new Set(skus)];
  const rows = await runnerOf(db).all<Row & { active: unknown }>(
    preparedSql(sql`SELECT * FROM "Product" WHERE "orgId" = ${orgId} AND "sku" IN (${sqlList(list)})`),
  );
  return new Map(rows.map((r) => [r.sku, productOf(r)]));
}

/** How many products the organisation's catalogue holds. */
export async function countProducts(db: DbLike, orgId: number): Promise<number> {
  const rows = await runnerOf(db).all<{ n: unknown }>(
    sql`SELECT COUNT(*) AS "n" FROM "Product" WHERE "orgId" = ${orgId}`,
  );
  return Number(rows[0]?.n ?? 0);
}
