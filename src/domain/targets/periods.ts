import { zonedInstant, zonedParts } from '../../lib/format-time.ts';

/** A target period: a year (2026), a quarter (2026-Q3) or a month (2026-11). */
export type Period =
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'month'; year: number; month: number };

const pad = (n: number) => String(n).padStart(2, '0');

export function periodKey(p: Period): string {
  if (p.kind === 'year') return String(p.year);
  if (p.kind === 'quarter') return `${p.year}-Q${p.quarter}`;
  return `${p.year}-${pad(p.month)}`;
}

/** The months (yyyy-MM) a period covers. */
export function monthsOf(p: Period): string[] {
  if (p.kind === 'month') return [periodKey(p)];
  const first = p.kind === 'quarter' ? (p.quarter - 1) * 3 + 1 : 1;
  const count = p.kind === 'quarter' ? 3 : 12;
  return Array.from({ length: count }, (_, i) => `${p.year}-${pad(first + i)}`);
}

export function currentMonth(now: Date, timeZone: string): Period {
  const p = zonedParts(now, timeZone);
  return { kind: 'month', year: p.year, month: p.month + 1 };
}

export function currentQuarter(now: Date, timeZone: string): Period {
  const p = zonedParts(now, timeZone);
  return { kind: 'quarter', year: p.year, quarter: Math.floor(p.month / 3) + 1 };
}

/** The last `count` months (yyyy-MM), newest first, in the organisation's time zone. */
export function recentMonths(now: Date, timeZone: string, count = 3): string[] {
  const p = zonedParts(now, timeZone);
  return Array.from({ length: count }, (_, back) => {
    const index = p.year * 12 + p.month - back;
    return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
  });
}

/** Reads what people type: 2026-Q3, 2026Q3, 2026-11, 2026, 本月, 本季, 今年, this month… */
export function parsePeriod(text: string, now: Date, timeZone: string): Period | undefined {
  const value = text.trim().toLowerCase();
  if (['本月', '這個月', '这个月', 'this-month', 'month', 'thismonth'].includes(value))
    return currentMonth(now, timeZone);
  if (['本季', '這季', '本季度', 'this-quarter', 'quarter', 'thisquarter'].includes(value))
    return currentQuarter(now, timeZone);
  if (['今年', '本年', 'this-year', 'year'].includes(value))
    return { kind: 'year', year: zonedParts(now, timeZone).year };
  let m = /^(\d{4})-?q([1-4])$/.exec(value);
  if (m) return { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) };
  m = /^(\d{4})-(\d{1,2})$/.exec(value);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { kind: 'month', year: Number(m[1]), month: Number(m[2]) };
  m = /^(\d{4})$/.exec(value);
  if (m) return { kind: 'year', year: Number(m[1]) };
  return undefined;
}

export function parsePeriodKey(key: string): Period | undefined {
  return parsePeriod(key, new Date(0), 'UTC');
}

/** The period as instants [start, end): from local midnight on its first day to that after its last. */
export function periodBounds(p: Period, timeZone: string): { start: Date; end: Date } {
  const months = monthsOf(p);
  const [y0, m0] = months[0].split('-').map(Number);
  const [y1, m1] = months[months.length - 1].split('-').map(Number);
  return { start: zonedInstant(y0, m0 - 1, 1, 0, 0, timeZone), end: zonedInstant(y1, m1, 1, 0, 0, timeZone) };
}

/** How much of the period has gone by at `now`, from 0 to 1, in the organisation's time zone. */
export function elapsedFraction(p: Period, now: Date, timeZone: string): number {
  const bounds = periodBounds(p, timeZone);
  const start = bounds.start.getTime();
  const end = bounds.end.getTime();
  return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
}

/**
 * Text shaped like a period that names none (2026-13, 2026-Q5, 2026-00): worth saying the period is
 * wrong, rather than reading it as something else or showing the help.
 */
export function isMalformedPeriod(text: string): boolean {
  const value = text.trim().toLowerCase();
  return /^\d{4}(-\d+|-?q\d+)$/.test(value) && parsePeriodKey(value) === undefined;
}
