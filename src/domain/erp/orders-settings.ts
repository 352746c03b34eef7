import type { OrderSettings } from '../orders/order-settings.ts';

/**
 * Where 銷售額 actuals come from once the ledger is in use (the org file's `orders: sales_from`): each
 * invoice's amount on its issue date (default), or each shipment's value (its lines at the order's
 * prices) on its shipping date.
 */
export type SalesSource = 'invoices' | 'shipments';

export const salesSourceOf = (settings: OrderSettings | undefined): SalesSource => settings?.sales_from ?? 'invoices';
