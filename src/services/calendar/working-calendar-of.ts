import type { Config } from '../../config.ts';

/** The organisation's working calendar (days, hours, holidays) in its time zone. */
export function workingCalendarOf(config: Pick<Config, 'calendar'>, timeZone: string) {
  return { timeZone, ...config.calendar };
}
