import type { OrderSettings } from '../orders/order-settings.ts';

export type SalesSource = 'invoices' | 'shipments';

/**
 * Where 銷售額 actuals come from once the ledger is in use (the org file's
 * `orders: { sales_from: invoices | shipments }`): each invoice's amount on its issue date
 * (default), or each shipment's value (its lines at the order's prices) on its shipping date.
 */
export const salesSourceOf = (settings: Partial<OrderSettings> | undefined): SalesSource =>
  settings?.sales_from ?? 'invoices';
