import { describe, expect, it } from 'vitest';
import { addWorkingHours, isWorkingDay, nextWorkingDay } from '../../src/domain/calendar/working-calendar.ts';

const calendar = {
  timeZone: 'Asia/Shanghai',
  dayStartMinute: 9 * 60,
  dayEndMinute: 18 * 60,
  holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05']),
  makeUpDays: new Set(['2026-10-10']),
};

describe('working calendar', () => {
  it('counts only office hours on working days', () => {
    // Thursday 10:00 + 2 h
    expect(addWorkingHours(calendar, new Date('2026-11-26T02:00:00Z'), 2).toISOString()).toBe(
      '2026-11-26T04:00:00.000Z',
    );
    // Thursday 17:00 + 2 h runs into Friday 10:00
    expect(addWorkingHours(calendar, new Date('2026-11-26T09:00:00Z'), 2).toISOString()).toBe(
      '2026-11-27T02:00:00.000Z',
    );
    // Friday 17:00 + 2 h skips the weekend to Monday 10:00
    expect(addWorkingHours(calendar, new Date('2026-11-27T09:00:00Z'), 2).toISOString()).toBe(
      '2026-11-30T02:00:00.000Z',
    );
    // Saturday night counts from Monday 09:00
    expect(addWorkingHours(calendar, new Date('2026-11-28T14:00:00Z'), 1).toISOString()).toBe(
      '2026-11-30T02:00:00.000Z',
    );
  });

  it('skips holidays and works on make-up days (調休)', () => {
    expect(isWorkingDay(calendar, 2026, 9, 1)).toBe(false);
    expect(isWorkingDay(calendar, 2026, 9, 10)).toBe(true); // a Saturday made a working day
    // Wednesday 30 Sep 17:00 + 2 h: 1 Oct and 2 Oct are holidays, 3–4 a weekend, 5 a holiday
    expect(addWorkingHours(calendar, new Date('2026-09-30T09:00:00Z'), 2).toISOString()).toBe(
      '2026-10-06T02:00:00.000Z',
    );
    expect(nextWorkingDay(calendar, 2026, 9, 1)).toEqual({ year: 2026, month: 9, day: 6 });
    expect(nextWorkingDay(calendar, 2026, 10, 6)).toEqual({ year: 2026, month: 10, day: 6 });
    expect(nextWorkingDay(calendar, 2026, 11, 6)).toEqual({ year: 2026, month: 11, day: 7 });
  });
});
