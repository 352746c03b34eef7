import { accountRefs, knownDocs, productPrices } from '../../db/erp/erp-lookup-repo.ts';
import { insertErpOrder, recordOrderChange } from '../../db/erp/erp-ledger-repo.ts';
import { moveExposure } from '../../db/orders/exposure-repo.ts';
import { valuesOf } from '../../domain/erp/erp-columns.ts';
import { checkOrderRows, ORDER_HEADINGS } from '../../domain/erp/order-rows.ts';
import { type ErpImporter, ssgOnly } from './erp-importer.ts';
import { writeDocuments } from './write-documents.ts';

/**
 * Orders from the ERP, one row per line grouped by order number: accepted there already, so
 * approved here with no credit check, and counted in the account's open orders.
 */
export const orderImporter: ErpImporter = {
  kind: 'orders',
  recognisedBy: ORDER_HEADINGS.number,
  mayImport: ssgOnly,
  async run(o) {
    const orgId = o.chart.data.orgId;
    const numbers = valuesOf(o.rows, ORDER_HEADINGS.number);
    const [accounts, prices, known] = await Promise.all([
      accountRefs(o.db, orgId),
      productPrices(o.db, orgId),
      knownDocs(o.db, orgId, 'Order', numbers),
    ]);
    const checked = checkOrderRows(o.rows, { accounts, prices, known });
    return writeDocuments(o, 'orders', checked, numbers.length, async (unit, doc, now) => {
      const orderId = await insertErpOrder(unit, {
        orgId,
        number: doc.number,
        accountId: doc.account.id,
        market: doc.account.market,
        ownerId: doc.account.ownerId,
        actorId: o.actorId,
        orderedAt: new Date(`${doc.orderedOn}T00:00:00Z`),
        requestedOn: doc.requestedOn,
        note: doc.note,
        totalCents: doc.totalCents,
        lines: doc.lines,
        now,
      });
      await recordOrderChange(unit, {
        orgId,
        orderId,
        from: '',
        to: 'approved',
        actorId: o.actorId,
        note: 'erp',
        at: now,
      });
      await moveExposure(unit, {
        orgId,
        accountId: doc.account.id,
        ordersCents: doc.totalCents,
        receivableCents: 0,
        now,
      });
    });
  },
};
