import { recordAudit } from '../../db/audit-repo.ts';
import { knownNumbers } from '../../db/erp/erp-lookup-repo.ts';
import { upsertProducts } from '../../db/erp/product-catalogue-repo.ts';
import { transaction } from '../../db/unit-of-work.ts';
import { checkProductRows, PRODUCT_HEADINGS } from '../../domain/erp/product-rows.ts';
import { type ErpImporter, ssgOnly } from './erp-importer.ts';

/** The product catalogue (SKU, name, unit, pack size, list price, active), written by SKU. */
export const productImporter: ErpImporter = {
  kind: 'products',
  recognisedBy: PRODUCT_HEADINGS.sku,
  mayImport: ssgOnly,
  async run(o) {
    const checked = checkProductRows(o.rows);
    if (!checked.ok) return { ok: false, kind: 'products', problems: checked.problems };
    const { products } = checked;
    const orgId = o.chart.data.orgId;
    const known = await knownNumbers(
      o.db,
      orgId,
      'Product',
      products.map((p) => p.sku),
    );
    const now = o.clock.now();
    await transaction(o.db, async (unit) => {
      await upsertProducts(unit, { orgId, products, now });
      o.onProgress?.(products.length, products.length);
      const detail = { rows: products.length, added: products.length - known.size };
      await recordAudit(unit, {
        orgId,
        actor: o.actorId,
        action: 'erp.import.products',
        subject: o.fileName,
        detail,
        at: now,
      });
    });
    const added = products.length - known.size;
    return { ok: true, kind: 'products', total: products.length, added, updated: known.size, unchanged: 0 };
  },
};
