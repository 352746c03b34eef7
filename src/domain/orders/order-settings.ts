import { z } from 'zod';

/**
 * A brand's order settings in the org file (`orders:`), all optional: the lowest price each role may
 * enter, in percent of the list price, and the excess over the credit limit above which a held order
 * goes on from the SSG leader to the sales director (yuan), and where 銷售額 actuals come from
 * (`sales_from: invoices | shipments`).
 */
export const OrderSettingsSchema = z.strictObject({
  price_floor: z.record(z.string(), z.number().min(0).max(100)).default({}),
  director_threshold: z.number().min(0).max(1_000_000_000).default(50_000),
  /** Where 銷售額 actuals come from once the ledger is in use: invoices (default) or shipments. */
  sales_from: z.enum(['invoices', 'shipments']).default('invoices'),
});

export type OrderSettingsInput = z.input<typeof OrderSettingsSchema>;
export type OrderSettings = z.output<typeof OrderSettingsSchema>;

/** Percent of list a role may go down to when the file names none: the SSG and managers 85, the field 95. */
export const DEFAULT_PRICE_FLOOR: Record<string, number> = {
  key_account_manager: 90,
  sales_rep: 95,
};
const FALLBACK_FLOOR = 85;

export const DEFAULT_ORDER_SETTINGS: OrderSettings = OrderSettingsSchema.parse({});

/** Reads the stored JSON, falling back to the defaults for anything missing or unreadable. */
export function orderSettingsOf(json: string | undefined | null): OrderSettings {
  try {
    const parsed = OrderSettingsSchema.safeParse(JSON.parse(json || '{}'));
    return parsed.success ? parsed.data : DEFAULT_ORDER_SETTINGS;
  } catch {
    return DEFAULT_ORDER_SETTINGS;
  }
}

/** The role's floor in percent of list: the file's (`rep` also names sales_rep), else the default. */
export function priceFloorPercent(settings: OrderSettings, role: string): number {
  const floors = settings.price_floor;
  const alias = role === 'sales_rep' ? floors.rep : undefined;
  return floors[role] ?? alias ?? DEFAULT_PRICE_FLOOR[role] ?? FALLBACK_FLOOR;
}

/** The lowest price in cents the role may enter for this list price (rounded up to the cent). */
export function floorPriceCents(settings: OrderSettings, role: string, listPriceCents: number): number {
  const basisPoints = Math.round(priceFloorPercent(settings, role) * 100);
  return Math.ceil((listPriceCents * basisPoints) / 10_000);
}

/** The director threshold in integer cents. */
export const directorThresholdCents = (settings: OrderSettings): number =>
  Math.round(settings.director_threshold * 100);
