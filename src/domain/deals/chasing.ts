import { isWorkingDay, type WorkingCalendar } from '../calendar/working-calendar.ts';

/** 0 nothing, 1 reminded the working day before, 2 overdue (owner and deputy), 3 escalated to the PM. */
export type ChaseLevel = 0 | 1 | 2 | 3;

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];
const shift = (date: string, days: number) => {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
const working = (calendar: WorkingCalendar, date: string) => {
  const [y, m, d] = parts(date);
  return isWorkingDay(calendar, y, m - 1, d);
};

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  let count = 0;
  for (let day = shift(from, 1); day <= to && count < 400; day = shift(day, 1)) if (working(calendar, day)) count += 1;
  return count;
}

/**
 * Which message a due item is owed today: the reminder on the last working day before its date,
 * overdue the day after, and the PM after `escalateAfter` working days overdue. Only a level above
 * what was already sent is owed, so each goes once.
 */
export function chaseLevel(o: {
  calendar: WorkingCalendar;
  dueDate: string;
  today: string;
  escalateAfter: number;
  alreadySent: number;
}): ChaseLevel {
  const { calendar, dueDate, today } = o;
  let level: ChaseLevel = 0;
  if (today > dueDate) level = workingDaysBetween(calendar, dueDate, today) >= o.escalateAfter ? 3 : 2;
  else if (today < dueDate && working(calendar, today) && workingDaysBetween(calendar, today, dueDate) <= 1) level = 1;
  return level > o.alreadySent ? level : 0;
}

/**
 * The one rule for days overdue, used by the notices, the escalation and `/deal arrears`: calendar days
 * after the due date, `today` being the site's date in its time zone (0 when not overdue).
 */
export function daysOverdue(dueDate: string, today: string): number {
  return today > dueDate ? Math.round((Date.parse(today) - Date.parse(dueDate)) / 86_400_000) : 0;
}
