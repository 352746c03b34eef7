import { zonedInstant, zonedParts } from '../../lib/format-time.ts';

/** When a job runs, in the organisation's local time. */
export type ScheduleRule =
  | { kind: 'daily'; time: string }
  | { kind: 'weekly'; weekday: number; time: string }
  | { kind: 'monthly'; day: number; time: string }
  | { kind: 'every'; minutes: number };

export interface Occurrence {
  /** The instant the run was due. */
  scheduledFor: Date;
  /** One key per period: a period runs once. */
  periodKey: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateKey = (y: number, m: number, d: number) => `${y}-${pad(m + 1)}-${pad(d)}`;

/** The latest occurrence of a rule at or before `now`. Pure, so it is tested across month ends and zones. */
export function lastOccurrence(rule: ScheduleRule, now: Date, timeZone: string): Occurrence {
  if (rule.kind === 'every') {
    const step = rule.minutes * 60_000;
    const scheduledFor = new Date(Math.floor(now.getTime() / step) * step);
    return { scheduledFor, periodKey: `every-${scheduledFor.toISOString().slice(0, 16)}` };
  }
  const [hour, minute] = rule.time.split(':').map(Number);
  const local = zonedParts(now, timeZone);
  const at = (y: number, m: number, d: number) => zonedInstant(y, m, d, hour, minute, timeZone);
  if (rule.kind === 'daily') {
    let when = at(local.year, local.month, local.day);
    if (when > now) when = at(local.year, local.month, local.day - 1);
    const p = zonedParts(when, timeZone);
    return { scheduledFor: when, periodKey: dateKey(p.year, p.month, p.day) };
  }
  if (rule.kind === 'weekly') {
    const back = (local.weekday - rule.weekday + 7) % 7;
    let when = at(local.year, local.month, local.day - back);
    if (when > now) when = at(local.year, local.month, local.day - back - 7);
    const p = zonedParts(when, timeZone);
    return { scheduledFor: when, periodKey: `week-${dateKey(p.year, p.month, p.day)}` };
  }
  const dayIn = (y: number, m: number) => Math.min(rule.day, new Date(Date.UTC(y, m + 1, 0)).getUTCDate());
  let when = at(local.year, local.month, dayIn(local.year, local.month));
  if (when > now) when = at(local.year, local.month - 1, dayIn(local.year, local.month - 1));
  const p = zonedParts(when, timeZone);
  return { scheduledFor: when, periodKey: `month-${p.year}-${pad(p.month + 1)}` };
}

/** The local day [start, end) that contains an instant. */
export function localDayBounds(instant: Date, timeZone: string): { start: Date; end: Date } {
  const p = zonedParts(instant, timeZone);
  return {
    start: zonedInstant(p.year, p.month, p.day, 0, 0, timeZone),
    end: zonedInstant(p.year, p.month, p.day + 1, 0, 0, timeZone),
  };
}

/** The week (Monday to Sunday) or calendar month before the one that contains `instant`. */
export function previousPeriod(kind: 'week' | 'month', instant: Date, timeZone: string): { start: Date; end: Date } {
  const p = zonedParts(instant, timeZone);
  if (kind === 'month')
    return {
      start: zonedInstant(p.year, p.month - 1, 1, 0, 0, timeZone),
      end: zonedInstant(p.year, p.month, 1, 0, 0, timeZone),
    };
  const sinceMonday = (p.weekday + 6) % 7;
  return {
    start: zonedInstant(p.year, p.month, p.day - sinceMonday - 7, 0, 0, timeZone),
    end: zonedInstant(p.year, p.month, p.day - sinceMonday, 0, 0, timeZone),
  };
}

/**
 * The first occurrence strictly after `after`, found by looking ahead twelve hours at a time (a month
 * at most): occurrences are never closer than a day less a DST hour, so no window holds two.
 */
export function nextOccurrence(rule: Exclude<ScheduleRule, { kind: 'every' }>, after: Date, timeZone: string): Date {
  const STEP = 12 * 3_600_000;
  for (let ahead = STEP; ahead <= 64 * STEP; ahead += STEP) {
    const found = lastOccurrence(rule, new Date(after.getTime() + ahead), timeZone).scheduledFor;
    if (found > after) return found;
  }
  throw new Error(`no occurrence of ${rule.kind} within a month`);
}

/**
 * The occurrences of a dated rule after `after` and at or before `now`, oldest first: the runs a
 * scheduler that last ran at `after` has missed (each acts for its own day). A rule that runs every
 * few minutes has only its latest: its slots are not days to act for.
 */
export function occurrencesSince(rule: ScheduleRule, after: Date, now: Date, timeZone: string): Occurrence[] {
  const found: Occurrence[] = [];
  let at = now;
  for (;;) {
    const occurrence = lastOccurrence(rule, at, timeZone);
    if (occurrence.scheduledFor <= after) break;
    found.unshift(occurrence);
    if (rule.kind === 'every') break;
    at = new Date(occurrence.scheduledFor.getTime() - 1);
  }
  return found;
}
