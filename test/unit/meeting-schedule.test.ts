import { describe, expect, it } from 'vitest';
import type { WorkingCalendar } from '../../src/domain/calendar/working-calendar.ts';
import { parseOrgFile } from '../../src/domain/org/parse-org-file.ts';
import { meetingsFor, nextMeeting } from '../../src/domain/rhythm/rhythm-rules.ts';
import { readFileSync } from 'node:fs';
import { BRAND_ORG } from '../support/harness.ts';

const calendar: WorkingCalendar = {
  timeZone: 'Asia/Shanghai',
  dayStartMinute: 540,
  dayEndMinute: 1080,
  holidays: new Set(),
  makeUpDays: new Set(),
};
const brand = readFileSync(BRAND_ORG, 'utf8');
const withMeetings = (yaml: string) => `${brand.trimEnd()}\nmeetings:\n${yaml}\n`;

describe('the standing meetings an organisation sets in its org file', () => {
  it("keeps DOMAIN.md's defaults when the file says nothing", () => {
    const slt = meetingsFor('brand-sales', {}).find((m) => m.id === 'slt')!;
    // Saturday 5 December 2026 moves to Monday the 7th, 10:00 local
    expect(nextMeeting(slt, calendar, new Date('2026-12-01T00:00:00Z'))).toEqual(new Date('2026-12-07T02:00:00Z'));
  });

  it('moves a monthly meeting to another day and time, and a weekly one to another weekday', () => {
    const meetings = meetingsFor('brand-sales', {
      slt: { day: 3, time: '09:30' },
      phone_visits: { weekday: 2, time: '10:00' },
    });
    expect(nextMeeting(meetings.find((m) => m.id === 'slt')!, calendar, new Date('2026-12-01T00:00:00Z'))).toEqual(
      new Date('2026-12-03T01:30:00Z'),
    );
    // Tuesday 1 December 2026, 10:00 local
    expect(
      nextMeeting(meetings.find((m) => m.id === 'phone_visits')!, calendar, new Date('2026-11-30T00:00:00Z')),
    ).toEqual(new Date('2026-12-01T02:00:00Z'));
  });

  it('drops a meeting switched off and holds one only in the months given', () => {
    const meetings = meetingsFor('brand-sales', { communication: { off: true }, ssg: { months: [3, 6, 9, 12] } });
    expect(meetings.map((m) => m.id)).not.toContain('communication');
    // the SSG meeting of the 8th: not in January, next in March (Monday 9 March 2026, the 8th being a Sunday)
    expect(nextMeeting(meetings.find((m) => m.id === 'ssg')!, calendar, new Date('2026-01-01T00:00:00Z'))).toEqual(
      new Date('2026-03-09T02:00:00Z'),
    );
  });

  it('loads a file with meeting changes, and refuses an unknown meeting or a day on a weekly one with the line', () => {
    const good = parseOrgFile(withMeetings('  slt: { day: 3, time: "09:30" }\n  osb: { off: true }'));
    expect(good.ok && good.org.meetings).toEqual({ slt: { day: 3, time: '09:30' }, osb: { off: true } });
    const text = withMeetings('  golf: { day: 3 }\n  phone_visits: { day: 2 }');
    const lines = text.split('\n');
    const bad = parseOrgFile(text);
    expect(bad.ok).toBe(false);
    const problems = bad.ok ? [] : bad.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        { line: lines.findIndex((l) => l.includes('golf')) + 1, reason: 'unknown_meeting', value: 'golf' },
        {
          line: lines.findIndex((l) => l.includes('phone_visits')) + 1,
          reason: 'meeting_field',
          value: 'phone_visits.day',
        },
      ]),
    );
    const badTime = withMeetings('  ssg: { time: "25:00" }');
    const refused = parseOrgFile(badTime);
    expect(refused.ok ? [] : refused.problems).toEqual([
      { line: badTime.split('\n').findIndex((l) => l.includes('25:00')) + 1, reason: 'field', value: 'time' },
    ]);
  });
});
