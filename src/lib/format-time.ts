import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** Times are stored in UTC and shown in the organisation's (or the user's) time zone. */
export function formatDateTime(date: Date, timeZone: string): string {
  return format(new TZDate(date, timeZone), 'yyyy-MM-dd HH:mm');
}

export function formatDate(date: Date, timeZone: string): string {
  return format(new TZDate(date, timeZone), 'yyyy-MM-dd');
}

export function formatTime(date: Date, timeZone: string): string {
  return format(new TZDate(date, timeZone), 'HH:mm');
}

/** The UTC instant of a local wall-clock time in a zone: 2026-11-26 20:00 in Asia/Shanghai. */
export function zonedInstant(year: number, monthIndex: number, day: number, hour: number, minute: number, timeZone: string): Date {
  return new Date(new TZDate(year, monthIndex, day, hour, minute, 0, 0, timeZone).getTime());
}

/** Local calendar parts of an instant in a zone. */
export function zonedParts(date: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; weekday: number } {
  const local = new TZDate(date, timeZone);
  return { year: local.getFullYear(), month: local.getMonth(), day: local.getDate(), hour: local.getHours(), minute: local.getMinutes(), weekday: local.getDay() };
}
