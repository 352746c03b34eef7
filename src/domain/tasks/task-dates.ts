import { isWorkingDay, type WorkingCalendar } from '../calendar/working-calendar.ts';
import { formatDate, zonedInstant } from '../../lib/format-time.ts';

/** The escalation to the assigner comes this many working days after the due date unless the org file says. */
export const DEFAULT_ESCALATE_AFTER_DAYS = 2;

/** Reminders and notices go out at this local time on their working day. */
export const TASK_NOTICE_TIME = { hour: 9, minute: 0 };

export interface TaskMoments {
  /** 09:00 on the working day before the due date. */
  remindAt: Date;
  /** 09:00 on the first working day after the due date: overdue. */
  overdueAt: Date;
  /** 09:00 on the Nth working day after the due date: the assigner is told. */
  escalateAt: Date;
}

const parts = (day: string) => day.split('-').map(Number) as [number, number, number];

/** The working day `steps` working days away from a local date (negative: before). */
export function workingDaysFrom(calendar: WorkingCalendar, day: string, steps: number): [number, number, number] {
  const [y, m, d] = parts(day);
  let offset = 0;
  let left = Math.abs(steps);
  const direction = steps < 0 ? -1 : 1;
  for (let guard = 0; left > 0 && guard < 3660; guard += 1) {
    offset += direction;
    const date = new Date(Date.UTC(y, m - 1, d + offset));
    if (isWorkingDay(calendar, date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())) left -= 1;
  }
  const date = new Date(Date.UTC(y, m - 1, d + offset));
  return [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
}

/** When a task due on `dueDate` (yyyy-MM-dd, local) is reminded, overdue, and escalated. */
export function taskMoments(calendar: WorkingCalendar, dueDate: string, escalateAfterDays: number): TaskMoments {
  const at = ([y, m, d]: [number, number, number]) =>
    zonedInstant(y, m, d, TASK_NOTICE_TIME.hour, TASK_NOTICE_TIME.minute, calendar.timeZone);
  return {
    remindAt: at(workingDaysFrom(calendar, dueDate, -1)),
    overdueAt: at(workingDaysFrom(calendar, dueDate, 1)),
    escalateAt: at(workingDaysFrom(calendar, dueDate, Math.max(1, escalateAfterDays))),
  };
}

/** The first working day after a local date (yyyy-MM-dd): a new task's due date unless the assigner picks one. */
export function nextWorkingDay(calendar: WorkingCalendar, day: string): string {
  const [y, m, d] = workingDaysFrom(calendar, day, 1);
  return `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A local date, yyyy-MM-dd, of an instant. */
export function localDay(instant: Date, timeZone: string): string {
  return formatDate(instant, timeZone);
}

/** Open past its due date: the due date is behind us in the organisation's time zone. */
export function isLate(dueDate: string, now: Date, timeZone: string): boolean {
  return localDay(now, timeZone) > dueDate;
}
