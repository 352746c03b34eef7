import { zonedInstant } from '../../lib/format-time.ts';

/** An outlet is active (covered) with an approved visit or a made call in this many days. */
export const COVERAGE_DAYS = 90;

/** Coverage (覆蓋率) in whole percent: active outlets over registered ones; null with none registered. */
export function coveragePercent(c: { active: number; registered: number }): number | null {
  return c.registered > 0 ? Math.round((c.active * 100) / c.registered) : null;
}

/**
 * The days coverage is counted over for a period: the COVERAGE_DAYS before its end, or before now
 * while it is under way. `lastMonth` is the period's last month, YYYY-MM.
 */
export function coverageWindow(lastMonth: string, now: Date, timeZone: string): { since: Date; until: Date } {
  const [year, month] = lastMonth.split('-').map(Number);
  const end = zonedInstant(year, month, 1, 0, 0, timeZone);
  const until = end < now ? end : now;
  return { since: new Date(until.getTime() - COVERAGE_DAYS * 86_400_000), until };
}
