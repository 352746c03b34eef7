import { knownDocs, orderRefs } from '../../db/erp/erp-lookup-repo.ts';
import { insertErpShipment, moveOrderState, recordOrderChange } from '../../db/erp/erp-ledger-repo.ts';
import { valuesOf } from '../../domain/erp/erp-columns.ts';
import { checkShipmentRows, SHIPMENT_HEADINGS } from '../../domain/erp/shipment-rows.ts';
import { countLedgerSale } from '../targets/ledger-sales.ts';
import { type ErpImporter, ssgOnly } from './erp-importer.ts';
import { writeDocuments } from './write-documents.ts';

/**
 * Shipments from the ERP against the ledger's approved orders, one row per line grouped by shipment
 * number; never more than ordered. The order becomes partly shipped or shipped. A shipment changes
 * no exposure (the order counts until it is invoiced); it counts in 銷售額 when the org file says
 * `sales_from: shipments`.
 */
export const shipmentImporter: ErpImporter = {
  kind: 'shipments',
  recognisedBy: SHIPMENT_HEADINGS.number,
  mayImport: ssgOnly,
  async run(o) {
    const orgId = o.chart.data.orgId;
    const numbers = valuesOf(o.rows, SHIPMENT_HEADINGS.number);
    const [orders, known] = await Promise.all([
      orderRefs(o.db, orgId, valuesOf(o.rows, SHIPMENT_HEADINGS.order)),
      knownDocs(o.db, orgId, 'Shipment', numbers),
    ]);
    const checked = checkShipmentRows(o.rows, { orders, known });
    return writeDocuments(o, 'shipments', checked, numbers.length, async (unit, doc, now) => {
      const { order } = doc;
      const shipment = await insertErpShipment(unit, {
        orgId,
        orderId: order.id,
        number: doc.number,
        shippedOn: doc.shippedOn,
        carrier: doc.carrier,
        waybill: doc.waybill,
        actorId: o.actorId,
        lines: doc.lines,
        now,
      });
      const from = ['approved', 'partly_shipped'];
      const was = await moveOrderState(unit, { orderId: order.id, to: shipment.state, from, now });
      if (was !== null)
        await recordOrderChange(unit, {
          orgId,
          orderId: order.id,
          from: was,
          to: shipment.state,
          actorId: o.actorId,
          note: doc.number,
          at: now,
        });
      const amountCents = doc.lines.reduce((sum, l) => sum + l.quantity * l.priceCents, 0);
      const sale = { kind: 'shipment' as const, id: shipment.id, accountCode: order.accountCode, day: doc.shippedOn };
      await countLedgerSale(unit, {
        chart: o.chart,
        sale: { ...sale, ownerId: order.ownerId, market: order.market, amountCents },
        actorId: o.actorId,
        now,
      });
    });
  },
};
