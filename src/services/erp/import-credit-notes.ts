import { accountRefs, knownDocs } from '../../db/erp/erp-lookup-repo.ts';
import { insertCreditNote } from '../../db/receivables/payment-repo.ts';
import type { Unit } from '../../db/unit-of-work.ts';
import { valuesOf } from '../../domain/erp/erp-columns.ts';
import { checkCreditNoteRows, CREDIT_NOTE_HEADINGS, type CreditNoteDoc } from '../../domain/erp/credit-note-rows.ts';
import { creditKindOf } from '../../domain/receivables/ledger-command.ts';
import { applyToInvoices } from '../receivables/settle-account.ts';
import { type ErpImporter, type ErpImportInput, ssgOnly } from './erp-importer.ts';
import { writeDocuments } from './write-documents.ts';

/**
 * Writes one rebate or credit note as `/order credit` does: it lowers the account's balance and
 * settles its open invoices oldest first; what is left stays on the note for a later invoice.
 */
async function writeCreditNote(unit: Unit, o: ErpImportInput, doc: CreditNoteDoc, now: Date): Promise<void> {
  const orgId = o.chart.data.orgId;
  const account = { ...doc.account, orgId, name: doc.account.code };
  const amountCents = doc.amountCents;
  const result = await applyToInvoices(unit, { chart: o.chart, actorId: o.actorId, account, amountCents, now });
  const invoiceId = result.applied.length === 1 ? result.applied[0].invoiceId : null;
  await insertCreditNote(unit, {
    orgId,
    number: doc.number,
    accountId: account.id,
    invoiceId,
    kind: creditKindOf(doc.reason),
    amountCents,
    reason: doc.reason,
    unappliedCents: result.unappliedCents,
    recordedById: o.actorId,
    now,
  });
}

/** Rebates and credit notes (返利、折讓) from the ERP, one a row, each with its reason. */
export const creditNoteImporter: ErpImporter = {
  kind: 'credit_notes',
  recognisedBy: CREDIT_NOTE_HEADINGS.number,
  mayImport: ssgOnly,
  async run(o) {
    const orgId = o.chart.data.orgId;
    const numbers = valuesOf(o.rows, CREDIT_NOTE_HEADINGS.number);
    const [accounts, known] = await Promise.all([
      accountRefs(o.db, orgId),
      knownDocs(o.db, orgId, 'CreditNote', numbers),
    ]);
    const checked = checkCreditNoteRows(o.rows, { accounts, known });
    return writeDocuments(o, 'credit_notes', checked, numbers.length, (unit, doc, now) =>
      writeCreditNote(unit, o, doc, now),
    );
  },
};
