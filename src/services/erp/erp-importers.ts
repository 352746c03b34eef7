import { HEADINGS as ACCOUNT_HEADINGS } from '../../domain/accounts/check-import.ts';
import { importAccountRows, mayImportAccounts } from '../accounts/import-accounts.ts';
import type { ErpImporter } from './erp-importer.ts';
import { creditNoteImporter } from './import-credit-notes.ts';
import { invoiceImporter } from './import-invoices.ts';
import { orderImporter } from './import-orders.ts';
import { paymentImporter } from './import-payments.ts';
import { productImporter } from './import-products.ts';
import { shipmentImporter } from './import-shipments.ts';

/** The account register, as it was imported before the ledger: one entry like the others. */
const accountImporter: ErpImporter = {
  kind: 'accounts',
  recognisedBy: ACCOUNT_HEADINGS.code,
  mayImport: mayImportAccounts,
  async run(o) {
    const result = await importAccountRows(o);
    if (!result.ok) return { ok: false, kind: 'accounts', problems: result.problems };
    const { total, added, updated, unchanged, creditsSet, creditsLeft } = result;
    return { ok: true, kind: 'accounts', total, added, updated, unchanged, creditsSet, creditsLeft };
  },
};

/**
 * Every ERP export the SSG may upload, in the order their headings are tried: a file is the first
 * kind whose own document column is in its heading. A payment names invoices, an invoice orders and
 * shipments, a shipment its order, an order its account and SKUs: so the documents that name others
 * come first (a credit note may name an invoice in its memo, so it is tried first of all), and the
 * account register (whose code column every ledger file has) last.
 */
export const ERP_IMPORTERS: readonly ErpImporter[] = [
  creditNoteImporter,
  paymentImporter,
  invoiceImporter,
  shipmentImporter,
  orderImporter,
  productImporter,
  accountImporter,
];
