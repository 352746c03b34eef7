import { recordAudit } from '../../db/audit-repo.ts';
import { upsertProducts } from '../../db/orders/product-repo.ts';
import { transaction } from '../../db/unit-of-work.ts';
import { SKU_HEADINGS } from '../../domain/erp/ledger-lookups.ts';
import { checkProducts } from '../../domain/orders/check-products.ts';
import { type ErpImporter, ssgOnly } from './erp-importer.ts';

/**
 * The product catalogue (SKU, name, unit, pack size, list price, active) uploaded as an ERP export:
 * the same rules and writer as the catalogue the org file names (domain/orders/check-products.ts),
 * written by SKU, so importing it again changes nothing.
 */
export const productImporter: ErpImporter = {
  kind: 'products',
  recognisedBy: SKU_HEADINGS,
  mayImport: ssgOnly,
  async run(o) {
    const checked = checkProducts(o.rows);
    if (!checked.ok) return { ok: false, kind: 'products', problems: checked.problems };
    const { products } = checked;
    const orgId = o.chart.data.orgId;
    const now = o.clock.now();
    const counts = await transaction(o.db, async (unit) => {
      const written = await upsertProducts(unit, { orgId, products, now });
      o.onProgress?.(products.length, products.length);
      const detail = { rows: products.length, ...written };
      await recordAudit(unit, {
        orgId,
        actor: o.actorId,
        action: 'erp.import.products',
        subject: o.fileName,
        detail,
        at: now,
      });
      return written;
    });
    return { ok: true, kind: 'products', total: products.length, ...counts, unchanged: 0 };
  },
};
