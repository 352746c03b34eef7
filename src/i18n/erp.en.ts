/** ERP imports: accounts, products, orders, shipments, invoices, payments. */
export const erpEn = {
  'erp.import.started': 'Importing {file}…',
  'erp.import.progress': 'Importing {what} {file}: {done} of {total} written',
  'erp.import.done_docs':
    '{what} {file} imported: {total} documents, {added} added, {unchanged} imported before (unchanged).',
  'erp.import.done_products': '{what} {file} imported: {total} products, {added} added, {updated} updated.',
  'erp.import.refused': '{what} {file} was not imported; nothing changed. Fix these and upload it again:\n{problems}',
  'erp.import.not_export':
    '"{name}" was not imported: only CSV or XLSX exports from the ERP are taken' +
    ' (accounts, products, orders, shipments, invoices, payments, credit notes).',
  'erp.import.forbidden':
    'Only the SSG may import ERP exports (accounts, products, orders, shipments, invoices, payments, credit notes).',
  'erp.kind.unknown': 'File',
  'erp.kind.accounts': 'Account register',
  'erp.kind.products': 'Product catalogue',
  'erp.kind.orders': 'Orders',
  'erp.kind.shipments': 'Shipments',
  'erp.kind.invoices': 'Invoices',
  'erp.kind.payments': 'Payments',
  'erp.reason.unknown_export':
    'not an export I know: the heading needs one of customer code, SKU, order number, shipment number, ' +
    'invoice number or payment number',
  'erp.reason.doc_changed':
    'document {value} is already imported with another amount or account (a second import never changes it)',
  'erp.reason.doc_changed_units':
    'document {value} is already imported with other quantities (a second import never changes it)',
  'erp.kind.credit_notes': 'rebates and credit notes',
  'erp.reason.credit_note_number': 'credit note number "{value}" is not valid',
  'erp.reason.no_reason': 'a rebate or credit note needs a reason',
  'erp.reason.doc_twice': 'the same as line {value}',
  'erp.reason.doc_differs': 'the same number as line {value} with another account, date or note',
  'erp.reason.price': 'price "{value}" is not an amount above 0 with at most two decimals',
  'erp.reason.order_number': 'order number "{value}" is not valid',
  'erp.reason.shipment_number': 'shipment number "{value}" is not valid',
  'erp.reason.invoice_number': 'invoice number "{value}" is not valid',
  'erp.reason.payment_number': 'payment number "{value}" is not valid',
  'erp.reason.date': 'date "{value}" is not a date like 2026-11-05',
  'erp.reason.unknown_account': 'customer code "{value}" is not in the account register',
  'erp.reason.unknown_sku': 'SKU "{value}" is not in the product catalogue',
  'erp.reason.quantity': 'quantity "{value}" is not a whole number from 1',
  'erp.reason.unknown_order': 'order "{value}" is not in the ledger (import the orders first)',
  'erp.reason.order_not_shippable': 'order {value} is not approved, or is shipped or cancelled: it cannot ship',
  'erp.reason.sku_not_on_order': 'SKU "{value}" is not on this order',
  'erp.reason.over_shipped': 'SKU "{value}" ships more than the order has left to ship',
  'erp.reason.amount': 'amount "{value}" is not an amount above 0 with at most two decimals',
  'erp.reason.due_before_issue': 'due date "{value}" is before the issue date',
  'erp.reason.terms': 'terms "{value}" are not 0 to 365 days',
  'erp.reason.no_terms': 'no due date or terms, and account {value} has no terms in the credit table',
  'erp.reason.other_account': '"{value}" belongs to another account',
  'erp.reason.unknown_shipment': 'shipment "{value}" is not in the ledger (import the shipments first)',
  'erp.reason.unknown_invoice': 'invoice "{value}" is not in the ledger (import the invoices first)',
} as const;
