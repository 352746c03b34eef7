import type { ProductInput } from '../../domain/erp/product-rows.ts';
import { sql } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

/** Writes products by SKU: new ones added, known ones updated, so an import run twice is the same catalogue. */
export async function upsertProducts(
  db: DbLike,
  o: { orgId: number; products: ProductInput[]; now: Date },
): Promise<void> {
  const runner = runnerOf(db);
  for (const p of o.products)
    await runner.run(sql`
      INSERT INTO "Product" ("orgId", "sku", "name", "unit", "packSize", "listPriceCents", "active", "updatedAt")
      VALUES (${o.orgId}, ${p.sku}, ${p.name}, ${p.unit}, ${p.packSize}, ${p.listPriceCents}, ${p.active}, ${o.now})
      ON CONFLICT ("orgId", "sku") DO UPDATE SET "name" = excluded."name", "unit" = excluded."unit",
        "packSize" = excluded."packSize", "listPriceCents" = excluded."listPriceCents", "active" = excluded."active",
        "updatedAt" = excluded."updatedAt"`);
}
