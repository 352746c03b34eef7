import { z } from 'zod';

/**
 * A brand's `orders:` section of the org file. `sales_from` says where 銷售額 actuals come from once
 * the ledger is in use: each invoice's amount on its issue date (default), or each shipment's value
 * (its lines at the order's prices) on its shipping date.
 */
export const OrdersSettingsSchema = z.strictObject({
  sales_from: z.enum(['invoices', 'shipments']).optional(),
});
export type OrdersSettings = z.infer<typeof OrdersSettingsSchema>;

export type SalesSource = 'invoices' | 'shipments';

export const salesSourceOf = (settings: OrdersSettings | undefined): SalesSource => settings?.sales_from ?? 'invoices';
