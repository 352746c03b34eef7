import { TZDate } from '@date-fns/tz';
import { remembered } from './remembered.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building one is the costly part, and messages format many times. */
function partsIn(date: Date, timeZone: string): Record<string, string> {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
}

/** Pure and asked again and again with the same minutes (now, a visit time): remember the answers. */
const REMEMBERED_ANSWERS = 10_000;

const formatted = new Map<string, string>();
const instants = new Map<string, number>();

/** Times are stored in UTC and shown in the organisation's (or the user's) time zone. */
export function formatDateTime(date: Date, timeZone: string): string {
  return remembered(
    formatted,
    `${Math.floor(date.getTime() / 60_000)}|${timeZone}`,
    () => {
      const p = partsIn(date, timeZone);
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
    },
    REMEMBERED_ANSWERS,
  );
}

export function formatDate(date: Date, timeZone: string): string {
  return formatDateTime(date, timeZone).slice(0, 10);
}

export function formatTime(date: Date, timeZone: string): string {
  return formatDateTime(date, timeZone).slice(11);
}

/** The UTC instant of a local wall-clock time in a zone: 2026-11-26 20:00 in Asia/Shanghai. */
export function zonedInstant(
  year: number,
  monthIndex: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): Date {
  const key = `${year}|${monthIndex}|${day}|${hour}|${minute}|${timeZone}`;
  return new Date(
    remembered(
      instants,
      key,
      () => new TZDate(year, monthIndex, day, hour, minute, 0, 0, timeZone).getTime(),
      REMEMBERED_ANSWERS,
    ),
  );
}

type ZonedParts = { year: number; month: number; day: number; hour: number; minute: number; weekday: number };

const zoned = new Map<string, ZonedParts>();

/** Local calendar parts of an instant in a zone (remembered by the minute: seconds never matter here). */
export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const parts = remembered(
    zoned,
    `${Math.floor(date.getTime() / 60_000)}|${timeZone}`,
    () => {
      const local = new TZDate(date, timeZone);
      return {
        year: local.getFullYear(),
        month: local.getMonth(),
        day: local.getDate(),
        hour: local.getHours(),
        minute: local.getMinutes(),
        weekday: local.getDay(),
      };
    },
    REMEMBERED_ANSWERS,
  );
  return { ...parts };
}
