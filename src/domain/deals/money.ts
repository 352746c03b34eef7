/**
 * Money typed by people: exact, in integer cents (分), never a float. Commas, spaces and a trailing
 * 元 are allowed, as people write them; at most two decimals. A Chinese input method's full-width
 * digits, comma, period and minus (１２００，２，０００．５０) read as their ASCII forms.
 */
export type MoneyError = 'required' | 'format' | 'not_positive' | 'too_large';

/** A contract above 100億 is a typo, not a sale: refused with the bound named. */
export const CONTRACT_AMOUNT_MAX_CENTS = 10_000_000_000 * 100;

export type MoneyResult = { ok: true; cents: number } | { ok: false; error: MoneyError };

/** Full-width digits, period and minus (U+FF10–FF19, U+FF0E, U+FF0D) as ASCII; anything else unchanged. */
export const halfWidthDigits = (text: string): string =>
  text.replace(/[\uFF10-\uFF19\uFF0E\uFF0D]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

export function parseMoneyCents(raw: string | number | null | undefined, maxCents: number): MoneyResult {
  const text = halfWidthDigits(String(raw ?? '')).replace(/[\s,，元]/g, '');
  if (!text) return { ok: false, error: 'required' };
  // a minus sign before a sound amount is a negative amount: say it must be positive, not that it is unreadable
  if (/^[-−]\d+(?:\.\d{1,2})?$/.test(text)) return { ok: false, error: 'not_positive' };
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return { ok: false, error: 'format' };
  const whole = match[1].replace(/^0+(?=\d)/, '');
  // compare as text first, so no digit string too long for a double is ever turned into one
  if (whole.length > String(Math.floor(maxCents / 100)).length) return { ok: false, error: 'too_large' };
  const cents = Number(whole) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (cents <= 0) return { ok: false, error: 'not_positive' };
  if (cents > maxCents) return { ok: false, error: 'too_large' };
  return { ok: true, cents };
}

/** An optional amount left blank or typed as zero (0, 0.00, ０): nothing, not an amount to refuse. */
export function isNoAmount(raw: string | number | null | undefined): boolean {
  const text = halfWidthDigits(String(raw ?? '')).replace(/[\s,，元]/g, '');
  return /^(?:0*(?:\.0{0,2})?)$/.test(text);
}

/** Cents as the decimal text people read: 1234567 → "12,345.67", 500 → "5". */
export function formatCents(cents: number): string {
  const whole = Math.floor(cents / 100).toLocaleString('en-US');
  const rest = cents % 100;
  return rest === 0 ? whole : `${whole}.${String(rest).padStart(2, '0')}`;
}

/** Cents as exact decimal text, "12345.67", for Intl (which reads a string without a float in between). */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Building an Intl.NumberFormat costs far more than using one: one per locale, currency and cents shown. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(locale: string, currency: string, withCents: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${withCents}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-Hant', {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: withCents ? 2 : 0,
      maximumFractionDigits: 2,
    });
    moneyFormats.set(key, format);
  }
  return format;
}

/** An amount in the organisation's currency, as the reader's locale writes it: ¥3,280,000.50. */
export function formatMoney(cents: number, currency: string, locale: string): string {
  const format = moneyFormat(locale, currency, cents % 100 !== 0);
  // a decimal string is formatted exactly (Intl.NumberFormat v3); the type still names number
  return format.format(centsToDecimal(cents) as unknown as number);
}
