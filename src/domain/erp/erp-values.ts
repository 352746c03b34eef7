import { parseOpenedOn } from '../accounts/account-fields.ts';
import { CONTRACT_AMOUNT_MAX_CENTS, parseMoneyCents } from '../deals/money.ts';

/** What one field of an ERP row holds, checked: the value, or the reason it is refused. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string; value: string };

const refuse = <T>(reason: string, value: string): Checked<T> => ({ ok: false, reason, value });

/** A document number (訂單編號, 發票號碼…): letters, digits and - _ . / #, up to 40. */
export function docNumber(text: string | undefined, reason: string): Checked<string> {
  const value = (text ?? '').trim();
  return /^[A-Za-z0-9][A-Za-z0-9_.\-/#]{0,39}$/.test(value) ? { ok: true, value } : refuse(reason, value);
}

/** 2026-11-05, 2026/11/5 or 20261105 as YYYY-MM-DD. */
export function erpDate(text: string | undefined, reason: string): Checked<string> {
  const value = parseOpenedOn(text ?? '');
  return value ? { ok: true, value } : refuse(reason, text ?? '');
}

/** An amount in integer cents (commas and 元 allowed, at most two decimals), above zero. */
export function erpMoney(text: string | undefined, reason: string): Checked<number> {
  const parsed = parseMoneyCents(text ?? '', CONTRACT_AMOUNT_MAX_CENTS);
  return parsed.ok ? { ok: true, value: parsed.cents } : refuse(reason, text ?? '');
}

/** A whole number of units from 1 to 10,000,000 (an ERP may write 12.00). */
export function erpQuantity(text: string | undefined, reason: string): Checked<number> {
  const value = (text ?? '').replace(/[,\s]/g, '');
  const match = /^(\d{1,8})(?:\.0+)?$/.exec(value);
  const n = match ? Number(match[1]) : 0;
  return n >= 1 && n <= 10_000_000 ? { ok: true, value: n } : refuse(reason, text ?? '');
}

/** Payment terms in days: 60, 60天, 月結60天, Net 60 (0 to 365). */
export function erpTerms(text: string | undefined): Checked<number> {
  const match = /(\d{1,3})/.exec(text ?? '');
  const n = match ? Number(match[1]) : -1;
  return n >= 0 && n <= 365 ? { ok: true, value: n } : refuse('terms', text ?? '');
}

/** YYYY-MM-DD plus some days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const YES = new Set(['1', 'y', 'yes', 'true', 'active', '是', '啟用', '启用', '有效', '正常', '在售', '上架']);
const NO = new Set(['0', 'n', 'no', 'false', 'inactive', '否', '停用', '無效', '无效', '停售', '下架', '關閉', '关闭']);

/** Active or not; an empty cell is active. */
export function erpActive(text: string | undefined): Checked<boolean> {
  const value = (text ?? '').trim().toLowerCase();
  if (value === '' || YES.has(value)) return { ok: true, value: true };
  return NO.has(value) ? { ok: true, value: false } : refuse('active', text ?? '');
}

/** Every check of a row that failed, as the row's problems: an import reports all of a row's reasons. */
export function failuresOf(
  line: number,
  checks: (Checked<unknown> | undefined)[],
): { line: number; reason: string; value: string }[] {
  return checks.flatMap((c) => (c && !c.ok ? [{ line, reason: c.reason, value: c.value }] : []));
}
