import { CONTRACT_AMOUNT_MAX_CENTS, parseMoneyCents, type MoneyError } from './money.ts';

/** What the 認購 modal gives, as typed. */
export interface RawReservation {
  price?: string | null;
  discount?: string | null;
  deposit?: string | null;
  depositDate?: string | null;
  signBy?: string | null;
}

export interface Reservation {
  priceCents: number;
  discountCents: number;
  depositCents: number;
  depositDate: string;
  signByDate: string;
}

/** Field → a catalogue key under deal.error. */
export type ReservationErrors = Partial<Record<keyof RawReservation, string>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function money(text: string | null | undefined, optional: boolean): { cents?: number; error?: MoneyError } {
  const trimmed = String(text ?? '').trim();
  if (optional && (trimmed === '' || /^0+(\.0+)?$/.test(trimmed.replace(/[\s,，元]/g, '')))) return { cents: 0 };
  const parsed = parseMoneyCents(trimmed, CONTRACT_AMOUNT_MAX_CENTS);
  return parsed.ok ? { cents: parsed.cents } : { error: parsed.error };
}

/**
 * Price and discount go together: the deal price is the list price less the discount. Either may
 * be given (the other follows); both must agree. The deposit is part of the price, paid by
 * its date, on or before the sign-by date; the sign-by date is on or after today.
 */
export function validateReservation(
  raw: RawReservation,
  listPriceCents: number,
  today: string,
): { ok: true; value: Reservation } | { ok: false; errors: ReservationErrors } {
  const errors: ReservationErrors = {};
  const price = money(raw.price, true);
  const discount = money(raw.discount, true);
  const deposit = money(raw.deposit, false);
  if (price.error) errors.price = `money.${price.error}`;
  if (discount.error) errors.discount = `money.${discount.error}`;
  if (deposit.error) errors.deposit = `money.${deposit.error}`;
  let priceCents = price.cents || listPriceCents - (discount.cents ?? 0);
  let discountCents = discount.cents || listPriceCents - priceCents;
  if (!price.cents && !discount.cents) [priceCents, discountCents] = [listPriceCents, 0];
  if (!errors.price && !errors.discount) {
    if (priceCents + discountCents !== listPriceCents) errors.discount = 'price_discount_mismatch';
    else if (discountCents < 0) errors.price = 'above_list';
    else if (priceCents <= 0) errors.discount = 'discount_too_large';
  }
  if (!errors.deposit && !errors.price && (deposit.cents ?? 0) > priceCents) errors.deposit = 'deposit_above_price';
  const depositDate = String(raw.depositDate ?? '');
  const signByDate = String(raw.signBy ?? '');
  if (!DATE.test(depositDate)) errors.depositDate = 'date';
  if (!DATE.test(signByDate)) errors.signBy = 'date';
  else if (signByDate < today) errors.signBy = 'sign_by_past';
  // the deposit comes before the contract: due on or before the sign-by date
  else if (!errors.depositDate && depositDate > signByDate) errors.depositDate = 'deposit_after_sign_by';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { priceCents, discountCents, depositCents: deposit.cents ?? 0, depositDate, signByDate },
  };
}

/** yyyy-MM-dd plus days, on the calendar (no time zone: the dates are the site's own). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
