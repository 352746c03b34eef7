import { zonedInstant, zonedParts } from '../../lib/format-time.ts';

/** An organisation's working time: weekdays within office hours, less holidays, plus make-up days (調休). */
export interface WorkingCalendar {
  timeZone: string;
  /** Minutes after local midnight. */
  dayStartMinute: number;
  dayEndMinute: number;
  /** yyyy-MM-dd */
  holidays: ReadonlySet<string>;
  /** Weekend dates that are working days (調休). */
  makeUpDays: ReadonlySet<string>;
}

const pad = (n: number) => String(n).padStart(2, '0');
const key = (y: number, m: number, d: number) => `${y}-${pad(m + 1)}-${pad(d)}`;

export function isWorkingDay(calendar: WorkingCalendar, y: number, m: number, d: number): boolean {
  const date = key(y, m, d);
  if (calendar.makeUpDays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = new Date(Date.UTC(y, m, d)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The instant `hours` of working time after `from`; time outside working hours does not count. */
export function addWorkingHours(calendar: WorkingCalendar, from: Date, hours: number): Date {
  let remaining = Math.round(hours * 60);
  const p = zonedParts(from, calendar.timeZone);
  let [y, m, d] = [p.year, p.month, p.day];
  let minute = p.hour * 60 + p.minute;
  for (let guard = 0; guard < 3660; guard += 1) {
    if (isWorkingDay(calendar, y, m, d)) {
      const start = Math.max(minute, calendar.dayStartMinute);
      const available = Math.max(0, calendar.dayEndMinute - start);
      if (remaining <= available) {
        const at = start + remaining;
        return zonedInstant(y, m, d, Math.floor(at / 60), at % 60, calendar.timeZone);
      }
      remaining -= available;
    }
    const next = new Date(Date.UTC(y, m, d + 1));
    [y, m, d] = [next.getUTCFullYear(), next.getUTCMonth(), next.getUTCDate()];
    minute = 0;
  }
  throw new Error('no working time within ten years');
}

/** The first working day on or after a local date: "about the 6th" moves off weekends and holidays. */
export function nextWorkingDay(
  calendar: WorkingCalendar,
  y: number,
  m: number,
  d: number,
): { year: number; month: number; day: number } {
  for (let i = 0; i < 366; i += 1) {
    const date = new Date(Date.UTC(y, m, d + i));
    if (isWorkingDay(calendar, date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
      return { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate() };
  }
  throw new Error('no working day within a year');
}

export function parseDayList(value: string | undefined): Set<string> {
  return new Set(
    (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => /^\d{4}-\d{2}-\d{2}$/.test(s)),
  );
}
