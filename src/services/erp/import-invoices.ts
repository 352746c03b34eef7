import { accountRefs, docRefs, knownDocs } from '../../db/erp/erp-lookup-repo.ts';
import {
  insertErpInvoice,
  moveOrderState,
  orderInvoicing,
  paidOrdersOf,
  recordOrderChange,
} from '../../db/erp/erp-ledger-repo.ts';
import { moveExposure } from '../../db/orders/exposure-repo.ts';
import type { Unit } from '../../db/unit-of-work.ts';
import { valuesOf } from '../../domain/erp/erp-columns.ts';
import { checkInvoiceRows, INVOICE_HEADINGS, type InvoiceDoc } from '../../domain/erp/invoice-rows.ts';
import { applyUnapplied } from '../receivables/apply-unapplied.ts';
import { countLedgerSale } from '../targets/ledger-sales.ts';
import { type ErpImporter, type ErpImportInput, ssgOnly } from './erp-importer.ts';
import { writeDocuments } from './write-documents.ts';

const INVOICEABLE = ['approved', 'partly_shipped', 'shipped', 'delivered'];

/**
 * Writes one invoice: it adds to the account's receivables and moves what it covers of its order
 * (at most what is not invoiced yet) out of open orders; a fully invoiced order becomes invoiced.
 * Its amount counts in 銷售額 in the same unit of work (when the org file counts invoices).
 */
async function writeInvoice(unit: Unit, o: ErpImportInput, doc: InvoiceDoc, now: Date): Promise<void> {
  const orgId = o.chart.data.orgId;
  let released = 0;
  let fully = false;
  if (doc.orderId !== null) {
    const { totalCents, invoicedCents } = await orderInvoicing(unit, doc.orderId);
    released = Math.max(0, Math.min(doc.amountCents, totalCents - invoicedCents));
    fully = invoicedCents + doc.amountCents >= totalCents;
  }
  const id = await insertErpInvoice(unit, {
    orgId,
    number: doc.number,
    accountId: doc.account.id,
    market: doc.account.market,
    orderId: doc.orderId,
    shipmentId: doc.shipmentId,
    issuedOn: doc.issuedOn,
    dueOn: doc.dueOn,
    amountCents: doc.amountCents,
    now,
  });
  const accountId = doc.account.id;
  await moveExposure(unit, { orgId, accountId, ordersCents: -released, receivableCents: doc.amountCents, now });
  if (doc.orderId !== null && fully) {
    const was = await moveOrderState(unit, { orderId: doc.orderId, to: 'invoiced', from: INVOICEABLE, now });
    if (was !== null)
      await recordOrderChange(unit, {
        orgId,
        orderId: doc.orderId,
        from: was,
        to: 'invoiced',
        actorId: o.actorId,
        note: doc.number,
        at: now,
      });
  }
  await settleEarlierMoney(unit, o, accountId, doc.number, now);
  const { code: accountCode, ownerId, market } = doc.account;
  const sale = { kind: 'invoice' as const, id, accountCode, ownerId, market, day: doc.issuedOn };
  await countLedgerSale(unit, {
    chart: o.chart,
    sale: { ...sale, amountCents: doc.amountCents },
    actorId: o.actorId,
    now,
  });
}

/** Money received or credited before this invoice settles it now; orders all paid become settled. */
async function settleEarlierMoney(unit: Unit, o: ErpImportInput, accountId: number, note: string, now: Date) {
  const orgId = o.chart.data.orgId;
  const touched = await applyUnapplied(unit, { orgId, accountId });
  for (const orderId of await paidOrdersOf(unit, touched.invoiceIds)) {
    const was = await moveOrderState(unit, { orderId, to: 'settled', from: ['invoiced'], now });
    if (was !== null)
      await recordOrderChange(unit, { orgId, orderId, from: was, to: 'settled', actorId: o.actorId, note, at: now });
  }
}

/** Invoices from the ERP, one a row: receivables, due by the row's date or terms, else the account's terms. */
export const invoiceImporter: ErpImporter = {
  kind: 'invoices',
  recognisedBy: INVOICE_HEADINGS.number,
  mayImport: ssgOnly,
  async run(o) {
    const orgId = o.chart.data.orgId;
    const numbers = valuesOf(o.rows, INVOICE_HEADINGS.number);
    const [accounts, orders, shipments, known] = await Promise.all([
      accountRefs(o.db, orgId),
      docRefs(o.db, orgId, 'Order', valuesOf(o.rows, INVOICE_HEADINGS.order)),
      docRefs(o.db, orgId, 'Shipment', valuesOf(o.rows, INVOICE_HEADINGS.shipment)),
      knownDocs(o.db, orgId, 'Invoice', numbers),
    ]);
    const checked = checkInvoiceRows(o.rows, { accounts, orders, shipments, known });
    return writeDocuments(o, 'invoices', checked, numbers.length, (unit, doc, now) => writeInvoice(unit, o, doc, now));
  },
};
