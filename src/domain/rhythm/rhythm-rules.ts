import { nextWorkingDay, type WorkingCalendar } from '../calendar/working-calendar.ts';
import { zonedInstant, zonedParts } from '../../lib/format-time.ts';
import type { OrgChart } from '../org/org-chart.ts';
import type { MeetingOverride } from '../org/org-file-schema.ts';

/** ledger: a brand's sales, receivables over 60 days and held orders by market, from the ledger. */
/** phone_visits: the latest week's phone visits summed up (a brand's SSG meeting). */
export type AgendaPart = 'attainment' | 'ledger' | 'scorecards' | 'osb' | 'feedback' | 'visits' | 'phone_visits';

/** A standing meeting of DOMAIN.md's table: "about the 5th" moves to the next working day. */
export interface MeetingDefinition {
  id: string;
  /** monthly on a day (optionally only in some months), or weekly on a weekday */
  when:
    | { kind: 'monthly'; day: number; time: string; months?: number[] }
    | { kind: 'weekly'; weekday: number; time: string };
  attendees: (chart: OrgChart) => string[];
  agenda: AgendaPart[];
}

const leadership = (chart: OrgChart) => chart.people.filter((p) => chart.isLeadership(p.slackId)).map((p) => p.slackId);
const ssg = (chart: OrgChart) => chart.people.filter((p) => chart.isSsg(p.slackId)).map((p) => p.slackId);

export function defaultMeetings(template: 'property-site' | 'brand-sales'): MeetingDefinition[] {
  if (template === 'property-site') {
    return [
      {
        id: 'site',
        when: { kind: 'monthly', day: 5, time: '10:00' },
        attendees: (chart) =>
          chart.people
            .filter((p) => ['project_manager', 'deputy_manager', 'site_secretary', 'team_lead'].includes(p.role))
            .map((p) => p.slackId),
        agenda: ['visits', 'attainment', 'feedback'],
      },
    ];
  }
  return [
    {
      id: 'slt',
      when: { kind: 'monthly', day: 5, time: '10:00' },
      attendees: leadership,
      agenda: ['attainment', 'scorecards', 'ledger', 'osb', 'feedback'],
    },
    {
      id: 'quarterly',
      when: { kind: 'monthly', day: 5, time: '14:00', months: [1, 4, 7, 10] },
      attendees: leadership,
      agenda: ['attainment'],
    },
    {
      id: 'annual',
      when: { kind: 'monthly', day: 5, time: '16:00', months: [1] },
      attendees: leadership,
      agenda: ['attainment'],
    },
    {
      id: 'osb',
      when: { kind: 'monthly', day: 7, time: '14:00' },
      attendees: (chart) => [...leadership(chart), ...ssg(chart)],
      agenda: ['osb'],
    },
    {
      id: 'communication',
      when: { kind: 'monthly', day: 10, time: '14:00' },
      attendees: leadership,
      agenda: ['feedback', 'attainment'],
    },
    {
      id: 'ssg',
      when: { kind: 'monthly', day: 8, time: '10:00' },
      attendees: ssg,
      agenda: ['osb', 'phone_visits', 'attainment'],
    },
    { id: 'phone_visits', when: { kind: 'weekly', weekday: 1, time: '09:30' }, attendees: ssg, agenda: [] },
  ];
}

/**
 * The template's meetings with the organisation's changes applied (see MeetingOverride): another
 * day, time, weekday or months, or `off`.
 */
export function meetingsFor(
  template: 'property-site' | 'brand-sales',
  overrides: Record<string, MeetingOverride> = {},
): MeetingDefinition[] {
  return defaultMeetings(template).flatMap((meeting) => {
    const change = overrides[meeting.id];
    if (!change) return [meeting];
    if (change.off) return [];
    const when =
      meeting.when.kind === 'monthly'
        ? {
            ...meeting.when,
            day: change.day ?? meeting.when.day,
            time: change.time ?? meeting.when.time,
            months: change.months ?? meeting.when.months,
          }
        : {
            ...meeting.when,
            weekday: change.weekday === undefined ? meeting.when.weekday : change.weekday % 7,
            time: change.time ?? meeting.when.time,
          };
    return [{ ...meeting, when }];
  });
}

/** Which changes a template's meetings can take: a weekly meeting has no day, a monthly one no weekday. */
export function meetingOverrideProblems(
  template: 'property-site' | 'brand-sales',
  overrides: Record<string, MeetingOverride>,
): { id: string; field?: string }[] {
  const byId = new Map(defaultMeetings(template).map((m) => [m.id, m]));
  const problems: { id: string; field?: string }[] = [];
  for (const [id, change] of Object.entries(overrides)) {
    const meeting = byId.get(id);
    if (!meeting) problems.push({ id });
    else if (meeting.when.kind === 'weekly' && (change.day !== undefined || change.months !== undefined))
      problems.push({ id, field: change.day !== undefined ? 'day' : 'months' });
    else if (meeting.when.kind === 'monthly' && change.weekday !== undefined) problems.push({ id, field: 'weekday' });
  }
  return problems;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The next time the meeting happens at or after `from`, moved off weekends and holidays. */
export function nextMeeting(def: MeetingDefinition, calendar: WorkingCalendar, from: Date): Date {
  const tz = calendar.timeZone;
  const p = zonedParts(from, tz);
  const at = minutes(def.when.time);
  for (let step = 0; step < 400; step += 1) {
    let day: { year: number; month: number; day: number } | undefined;
    if (def.when.kind === 'monthly') {
      const monthIndex = p.month + step;
      const y = p.year + Math.floor(monthIndex / 12);
      const m = ((monthIndex % 12) + 12) % 12;
      if (def.when.months && !def.when.months.includes(m + 1)) continue;
      day = nextWorkingDay(calendar, y, m, def.when.day);
    } else {
      const date = new Date(Date.UTC(p.year, p.month, p.day + step));
      if (date.getUTCDay() !== def.when.weekday) continue;
      day = nextWorkingDay(calendar, date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
    }
    const instant = zonedInstant(day.year, day.month, day.day, Math.floor(at / 60), at % 60, tz);
    if (instant >= from) return instant;
  }
  throw new Error(`no next occurrence for ${def.id}`);
}

/** 09:00 on the working day before an instant: when the day-before reminders go out. */
export function workingDayBefore(calendar: WorkingCalendar, instant: Date, time = '09:00'): Date {
  const p = zonedParts(instant, calendar.timeZone);
  const at = minutes(time);
  for (let back = 1; back < 30; back += 1) {
    const date = new Date(Date.UTC(p.year, p.month, p.day - back));
    const day = nextWorkingDay(calendar, date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
    if (day.year === date.getUTCFullYear() && day.month === date.getUTCMonth() && day.day === date.getUTCDate()) {
      return zonedInstant(day.year, day.month, day.day, Math.floor(at / 60), at % 60, calendar.timeZone);
    }
  }
  throw new Error('no working day in the last month');
}

/** When a month's focus is published: the focus day (default the 6th) at a time, or the next working day. */
export function focusPublishInstant(
  calendar: WorkingCalendar,
  year: number,
  month1: number,
  day = 6,
  time = '09:00',
): Date {
  const d = nextWorkingDay(calendar, year, month1 - 1, day);
  const at = minutes(time);
  return zonedInstant(d.year, d.month, d.day, Math.floor(at / 60), at % 60, calendar.timeZone);
}

/** The instant `n` working days after `from` (same time of day). */
export function addWorkingDays(calendar: WorkingCalendar, from: Date, n: number): Date {
  const p = zonedParts(from, calendar.timeZone);
  let date = { year: p.year, month: p.month, day: p.day };
  for (let i = 0; i < n; i += 1) date = nextWorkingDay(calendar, date.year, date.month, date.day + 1);
  return zonedInstant(date.year, date.month, date.day, p.hour, p.minute, calendar.timeZone);
}
