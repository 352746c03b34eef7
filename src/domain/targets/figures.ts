import { formatCents, formatMoney, parseMoneyCents } from '../deals/money.ts';
import { FIGURE_MAX, isPercent } from './metrics.ts';

/**
 * Target and actual figures are exact integers, never floats: an amount in cents (分), a market
 * share in hundredths of a point, a count (volume, outlets, visits, contracts) as a count.
 */
export const figureScale = (metric: string): 1 | 100 =>
  metric === 'amount' || metric === 'collections' || metric === 'share' || metric.startsWith('expense:') ? 100 : 1;

/** The largest figure, in a metric's stored units (FIGURE_MAX as people type it). */
export const maxUnits = (metric: string): number => FIGURE_MAX * figureScale(metric);

/**
 * A typed figure in a metric's stored units: 0 to FIGURE_MAX, at most two decimals for an amount or
 * a share, whole for a count; commas and spaces allowed. Undefined when empty or not such a number.
 */
export function readFigure(raw: unknown, metric: string): number | undefined {
  const text = String(raw ?? '').replace(/[\s,，]/g, '');
  if (text === '') return undefined;
  if (figureScale(metric) === 100) {
    if (/^0+(\.0{1,2})?$/.test(text)) return 0;
    const money = parseMoneyCents(text, maxUnits(metric));
    return money.ok ? money.cents : undefined;
  }
  const whole = /^(\d{1,13})(?:\.0*)?$/.exec(text);
  if (!whole) return undefined;
  const value = Number(whole[1]);
  return value <= FIGURE_MAX ? value : undefined;
}

/** A figure as people read it, from its stored units: 145000150 cents → "1,450,001.50", 8 contracts → "8". */
export function formatFigure(metric: string, units: number): string {
  const sign = units < 0 ? '-' : '';
  const abs = Math.abs(Math.round(units));
  if (figureScale(metric) === 1) return sign + abs.toLocaleString('en-US');
  return sign + formatCents(abs);
}

/** A figure as a number input's initial value: plain digits, a point and two decimals when needed. */
export function figureInput(metric: string, units: number): string {
  const abs = Math.abs(Math.round(units));
  if (figureScale(metric) === 1) return String(abs);
  const rest = abs % 100;
  const whole = String((abs - rest) / 100);
  return rest === 0 ? whole : `${whole}.${String(rest).padStart(2, '0')}`;
}

/** Whether a metric is money (cents): a sales amount, collections, an expense budget. */
export const isMoneyMetric = (metric: string): boolean =>
  metric === 'amount' || metric === 'collections' || metric.startsWith('expense:');

/**
 * A figure as a reader sees it: money in the organisation's currency with the one money format
 * (formatMoney, as every card prints it), anything else as formatFigure prints it.
 */
export function formatMetric(metric: string, units: number, o: { currency: string; locale: string }): string {
  return isMoneyMetric(metric) ? formatMoney(Math.round(units), o.currency, o.locale) : formatFigure(metric, units);
}

/**
 * What a split's rows make, to compare with the parent: their sum, or for a percentage (coverage,
 * share) their mean, rounded, as a leader's target of it is read (see targetOfPerson).
 */
export function splitTotal(metric: string, values: readonly number[]): number {
  const sum = values.reduce((acc, v) => acc + (Number.isFinite(v) ? v : 0), 0);
  if (!isPercent(metric)) return sum;
  return values.length === 0 ? 0 : Math.round(sum / values.length);
}
