import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { recordAudit } from '../../db/audit-repo.ts';
import { upsertProducts } from '../../db/orders/product-repo.ts';
import type { Db } from '../../db/unit-of-work.ts';
import { transaction } from '../../db/unit-of-work.ts';
import { checkProducts, type ProductProblem } from '../../domain/orders/check-products.ts';
import type { Clock } from '../../lib/clock.ts';
import { fileKindOf, readAccountFile } from '../accounts/read-account-file.ts';

export type ProductImportResult = (
  | { ok: true; added: number; updated: number; total: number }
  | { ok: false; problems: ProductProblem[] }
) & { file: string };

/**
 * The catalogue the org file names (`products: products-brand.csv`, beside it): every row is checked
 * first and a file with any bad row changes nothing; a good one is written by SKU in one transaction,
 * so importing it again changes nothing. Read at start and by `/org reload`.
 */
export async function importProductsFile(o: {
  db: Db;
  clock: Clock;
  orgId: number;
  path: string;
  actorId: string;
}): Promise<ProductImportResult> {
  const file = basename(o.path);
  const kind = fileKindOf(file);
  if (!kind) return { ok: false, problems: [{ line: 0, reason: 'file_type', value: file }], file };
  let rows: string[][];
  try {
    rows = await readAccountFile(kind, await readFile(o.path));
  } catch {
    return { ok: false, problems: [{ line: 0, reason: 'unreadable', value: file }], file };
  }
  const checked = checkProducts(rows);
  if (!checked.ok) return { ...checked, file };
  const now = o.clock.now();
  const written = await transaction(o.db, async (unit) => {
    const counts = await upsertProducts(unit, { orgId: o.orgId, products: checked.products, now });
    await recordAudit(unit, {
      orgId: o.orgId,
      actor: o.actorId,
      action: 'products.import',
      subject: file,
      detail: counts,
      at: now,
    });
    return counts;
  });
  return { ok: true, ...written, total: checked.products.length, file };
}
