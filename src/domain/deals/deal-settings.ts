import { z } from 'zod';

/**
 * The property site's deal settings in the org file (`deals:`), all optional:
 * currency, the days a reservation has to sign, the discount each role may give on its own,
 * and the working days an overdue item waits before it goes to the PM.
 */
export const DealSettingsSchema = z.strictObject({
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'currency')
    .default('CNY'),
  sign_by_days: z.number().int().min(1).max(90).default(7),
  escalate_after_days: z.number().int().min(1).max(30).default(3),
  /** Percent of the list price a role may discount without the PM (e.g. salesperson: 1). */
  discount_authority: z.record(z.string(), z.number().min(0).max(100)).default({}),
});

export type DealSettingsInput = z.input<typeof DealSettingsSchema>;
export type DealSettings = z.output<typeof DealSettingsSchema>;

export const DEFAULT_DEAL_SETTINGS: DealSettings = DealSettingsSchema.parse({});

/** Reads the stored JSON, falling back to the defaults for anything missing or unreadable. */
export function dealSettingsOf(json: string | undefined | null): DealSettings {
  try {
    const parsed = DealSettingsSchema.safeParse(JSON.parse(json || '{}'));
    return parsed.success ? parsed.data : DEFAULT_DEAL_SETTINGS;
  } catch {
    return DEFAULT_DEAL_SETTINGS;
  }
}

/** The PM approves every discount; other roles up to their authority (none unless the file says). */
export function discountNeedsApproval(
  settings: DealSettings,
  role: string,
  listPriceCents: number,
  discountCents: number,
): boolean {
  if (discountCents <= 0 || role === 'project_manager') return false;
  const percent = settings.discount_authority[role] ?? 0;
  // basis points, compared in integers: discount / list ≤ bp / 10000
  const basisPoints = Math.round(percent * 100);
  return discountCents * 10_000 > basisPoints * listPriceCents;
}
