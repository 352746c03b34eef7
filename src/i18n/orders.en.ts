import type { ordersZhHant } from './orders.zh-hant.ts';

export const ordersEn: Record<keyof typeof ordersZhHant, string> = {
  'order.products.done': 'Product catalogue {file} imported: {total} SKUs, {added} added, {updated} updated.',
  'order.products.refused':
    'Product catalogue {file} was not imported; nothing changed. Fix these and reload:\n{problems}',
  'order.products.line': 'Line {line}: {reason}',
  'order.products.more': '…and {count} more problems',
  'order.products.reason.missing_column': 'Missing column: {value}',
  'order.products.reason.sku': 'SKU "{value}" is not valid (letters, digits, - _ ., at most 32)',
  'order.products.reason.name': 'A product name is required, at most 80 characters',
  'order.products.reason.unit': 'A unit is required, at most 10 characters',
  'order.products.reason.pack': 'Pack size "{value}" must be a whole number of 1 or more',
  'order.products.reason.price': 'List price "{value}" is not valid (above 0, at most two decimals)',
  'order.products.reason.active': 'Status "{value}" is not valid: active or inactive',
  'order.products.reason.duplicate': 'SKU twice: {value}',
  'order.products.reason.empty': 'The file holds no products',
  'order.products.reason.file_type': '"{value}" is not a CSV or XLSX file',
  'order.products.reason.unreadable': 'Cannot read the file "{value}"',
};
