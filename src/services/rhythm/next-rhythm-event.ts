import type { Config } from '../../config.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import { findFocusPlan } from '../../db/rhythm/focus-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import {
  addWorkingDays,
  focusPublishInstant,
  meetingsFor,
  nextMeeting,
  workingDayBefore,
} from '../../domain/rhythm/rhythm-rules.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { workingCalendarOf } from '../calendar/working-calendar-of.ts';

/**
 * The next instant after `after` at which the focus job has something to do: the reminder the
 * working day before publishing, publishing, and the acknowledgement reminder two working days on.
 * The job itself runs every few minutes; this only tells a clock where to stop.
 */
export async function nextFocusEvent(o: {
  db: DbLike;
  chart: OrgChart;
  config: Pick<Config, 'calendar'>;
  after: Date;
}): Promise<Date | undefined> {
  const tz = o.chart.data.timezone;
  const calendar = workingCalendarOf(o.config, tz);
  const [year, month] = formatDateTime(o.after, tz).slice(0, 7).split('-').map(Number);
  const candidates: Date[] = [];
  for (const [y, m] of [[year, month], month === 12 ? [year + 1, 1] : [year, month + 1]]) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    const publishAt = focusPublishInstant(calendar, y, m, 6, '09:00');
    const plan = await findFocusPlan(o.db, o.chart.data.orgId, key);
    candidates.push(
      workingDayBefore(calendar, publishAt),
      publishAt,
      addWorkingDays(calendar, plan?.publishedAt ?? publishAt, 2),
    );
  }
  return candidates.filter((at) => at > o.after).sort((a, b) => a.getTime() - b.getTime())[0];
}

/** The next reminder instant of any meeting after `after`: the working day before, and an hour before. */
export function nextMeetingEvent(o: {
  chart: OrgChart;
  config: Pick<Config, 'calendar'>;
  after: Date;
}): Date | undefined {
  const calendar = workingCalendarOf(o.config, o.chart.data.timezone);
  const candidates: Date[] = [];
  for (const meeting of meetingsFor(o.chart.template, o.chart.data.meetings)) {
    const first = nextMeeting(meeting, calendar, o.after);
    // the one after too: this one's reminders may both be past already
    for (const at of [first, nextMeeting(meeting, calendar, new Date(first.getTime() + 60_000))]) {
      candidates.push(workingDayBefore(calendar, at), new Date(at.getTime() - 3_600_000));
    }
  }
  return candidates.filter((at) => at > o.after).sort((a, b) => a.getTime() - b.getTime())[0];
}
