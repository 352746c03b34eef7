import { describe, expect, it } from 'vitest';
import {
  lastOccurrence,
  localDayBounds,
  occurrencesSince,
  previousPeriod,
} from '../../src/domain/schedule/schedule-rules.ts';

const SH = 'Asia/Shanghai';

describe('lastOccurrence', () => {
  it("finds today's 20:00 after it passes and yesterday's before", () => {
    expect(lastOccurrence({ kind: 'daily', time: '20:00' }, new Date('2026-11-26T12:00:00Z'), SH)).toEqual({
      scheduledFor: new Date('2026-11-26T12:00:00Z'),
      periodKey: '2026-11-26',
    });
    expect(lastOccurrence({ kind: 'daily', time: '20:00' }, new Date('2026-11-26T11:59:59Z'), SH)).toEqual({
      scheduledFor: new Date('2026-11-25T12:00:00Z'),
      periodKey: '2026-11-25',
    });
  });

  it('counts the local day, not the UTC one', () => {
    // 01:00 local on the 27th is still the 26th in UTC
    expect(lastOccurrence({ kind: 'daily', time: '00:30' }, new Date('2026-11-26T17:00:00Z'), SH).periodKey).toBe(
      '2026-11-27',
    );
    expect(
      lastOccurrence({ kind: 'daily', time: '00:30' }, new Date('2026-11-26T17:00:00Z'), 'Europe/London').periodKey,
    ).toBe('2026-11-26');
  });

  it('finds Monday 09:00 across a month end', () => {
    expect(lastOccurrence({ kind: 'weekly', weekday: 1, time: '09:00' }, new Date('2026-12-02T00:00:00Z'), SH)).toEqual(
      { scheduledFor: new Date('2026-11-30T01:00:00Z'), periodKey: 'week-2026-11-30' },
    );
    expect(
      lastOccurrence({ kind: 'weekly', weekday: 1, time: '09:00' }, new Date('2026-11-30T00:59:00Z'), SH).periodKey,
    ).toBe('week-2026-11-23');
  });

  it('finds the 1st across a year end, and the last day for a day the month lacks', () => {
    expect(
      lastOccurrence({ kind: 'monthly', day: 1, time: '09:00' }, new Date('2027-01-01T00:00:00Z'), SH).periodKey,
    ).toBe('month-2026-12');
    expect(lastOccurrence({ kind: 'monthly', day: 31, time: '09:00' }, new Date('2028-03-01T00:00:00Z'), SH)).toEqual({
      scheduledFor: new Date('2028-02-29T01:00:00Z'),
      periodKey: 'month-2028-02',
    });
  });

  it('keeps wall-clock time across a daylight-saving change', () => {
    const before = lastOccurrence(
      { kind: 'daily', time: '09:00' },
      new Date('2026-03-28T14:00:00Z'),
      'America/New_York',
    );
    const after = lastOccurrence(
      { kind: 'daily', time: '09:00' },
      new Date('2026-03-09T18:00:00Z'),
      'America/New_York',
    );
    expect(before.scheduledFor.toISOString()).toBe('2026-03-28T13:00:00.000Z');
    expect(after.scheduledFor.toISOString()).toBe('2026-03-09T13:00:00.000Z');
    expect(
      lastOccurrence(
        { kind: 'daily', time: '09:00' },
        new Date('2026-03-07T18:00:00Z'),
        'America/New_York',
      ).scheduledFor.toISOString(),
    ).toBe('2026-03-07T14:00:00.000Z');
  });
});

describe('periods', () => {
  it('gives the local day, the week before and the month before', () => {
    expect(localDayBounds(new Date('2026-11-26T17:00:00Z'), SH)).toEqual({
      start: new Date('2026-11-26T16:00:00Z'),
      end: new Date('2026-11-27T16:00:00Z'),
    });
    expect(previousPeriod('week', new Date('2026-11-30T01:00:00Z'), SH)).toEqual({
      start: new Date('2026-11-22T16:00:00Z'),
      end: new Date('2026-11-29T16:00:00Z'),
    });
    expect(previousPeriod('month', new Date('2026-03-01T01:00:00Z'), SH)).toEqual({
      start: new Date('2026-01-31T16:00:00Z'),
      end: new Date('2026-02-28T16:00:00Z'),
    });
  });
});

describe('occurrencesSince', () => {
  const SH = 'Asia/Shanghai';
  it('lists each day missed since the last run, oldest first; of a job run every few minutes only its latest', () => {
    const daily = occurrencesSince(
      { kind: 'daily', time: '09:00' },
      new Date('2026-12-02T01:00:00Z'),
      new Date('2026-12-04T10:00:00Z'),
      SH,
    );
    expect(daily.map((o) => o.periodKey)).toEqual(['2026-12-03', '2026-12-04']);
    expect(daily[0].scheduledFor).toEqual(new Date('2026-12-03T01:00:00Z'));
    const every = occurrencesSince(
      { kind: 'every', minutes: 15 },
      new Date('2026-12-02T01:00:00Z'),
      new Date('2026-12-04T10:07:00Z'),
      SH,
    );
    expect(every.map((o) => o.scheduledFor)).toEqual([new Date('2026-12-04T10:00:00Z')]);
    expect(
      occurrencesSince(
        { kind: 'weekly', weekday: 1, time: '09:00' },
        new Date('2026-11-30T01:00:00Z'),
        new Date('2026-12-04T10:00:00Z'),
        SH,
      ),
    ).toEqual([]);
  });
});
