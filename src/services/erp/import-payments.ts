import { accountRefs, invoiceAccounts, knownDocs, openInvoicesOf } from '../../db/erp/erp-lookup-repo.ts';
import { insertErpPayment, moveOrderState, paidOrdersOf, recordOrderChange } from '../../db/erp/erp-ledger-repo.ts';
import { moveExposure } from '../../db/orders/exposure-repo.ts';
import type { Unit } from '../../db/unit-of-work.ts';
import { listedValuesOf, valuesOf } from '../../domain/erp/erp-columns.ts';
import { checkPaymentRows, PAYMENT_HEADINGS, type PaymentDoc } from '../../domain/erp/payment-rows.ts';
import { settle } from '../../domain/receivables/settlement.ts';
import { type ErpImporter, type ErpImportInput, ssgOnly } from './erp-importer.ts';
import { writeDocuments } from './write-documents.ts';

/**
 * Writes one payment, settled (貨款結算) against the account's open invoices by the ledger's rule:
 * oldest first, or only the invoices it names. The whole amount leaves receivables (what is not
 * applied stays on the payment as unapplied); an order whose invoices are all paid becomes settled.
 */
async function writePayment(unit: Unit, o: ErpImportInput, doc: PaymentDoc, now: Date): Promise<void> {
  const orgId = o.chart.data.orgId;
  const accountId = doc.account.id;
  const open = await openInvoicesOf(unit, accountId);
  const idOf = new Map(open.map((i) => [i.number, i.id]));
  // named invoices already paid are no longer open: none left to settle means all of it stays unapplied
  const named = doc.invoiceNumbers.flatMap((n) => idOf.get(n) ?? [-1]);
  const settled = settle(doc.amountCents, open, doc.invoiceNumbers.length > 0 ? named : undefined);
  await insertErpPayment(unit, {
    orgId,
    number: doc.number,
    accountId,
    receivedOn: doc.receivedOn,
    amountCents: doc.amountCents,
    unappliedCents: settled.unappliedCents,
    actorId: o.actorId,
    allocations: settled.allocations,
    now,
  });
  await moveExposure(unit, { orgId, accountId, ordersCents: 0, receivableCents: -doc.amountCents, now });
  const paid = await paidOrdersOf(
    unit,
    settled.allocations.map((a) => a.invoiceId),
  );
  for (const orderId of paid) {
    const was = await moveOrderState(unit, { orderId, to: 'settled', from: ['invoiced'], now });
    if (was !== null)
      await recordOrderChange(unit, {
        orgId,
        orderId,
        from: was,
        to: 'settled',
        actorId: o.actorId,
        note: doc.number,
        at: now,
      });
  }
}

/** Payments from the ERP, one a row, settled in date order. */
export const paymentImporter: ErpImporter = {
  kind: 'payments',
  recognisedBy: PAYMENT_HEADINGS.number,
  mayImport: ssgOnly,
  async run(o) {
    const orgId = o.chart.data.orgId;
    const numbers = valuesOf(o.rows, PAYMENT_HEADINGS.number);
    const [accounts, invoices, known] = await Promise.all([
      accountRefs(o.db, orgId),
      invoiceAccounts(o.db, orgId, listedValuesOf(o.rows, PAYMENT_HEADINGS.invoices)),
      knownDocs(o.db, orgId, 'Payment', numbers),
    ]);
    const checked = checkPaymentRows(o.rows, { accounts, invoiceAccounts: invoices, known });
    return writeDocuments(o, 'payments', checked, numbers.length, (unit, doc, now) => writePayment(unit, o, doc, now));
  },
};
