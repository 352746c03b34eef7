import { transaction, type Db } from '../../db/unit-of-work.ts';
import type { Config } from '../../config.ts';
import { claimOnce } from '../../db/job-run-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import {
  meetingsFor,
  nextMeeting,
  workingDayBefore,
  type MeetingDefinition,
} from '../../domain/rhythm/rhythm-rules.ts';
import { t, tFor } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { header, section } from '../../views/blocks.ts';
import { workingCalendarOf } from '../calendar/working-calendar-of.ts';
import { localeOf } from '../org/locale-of.ts';
import { buildAgenda } from './meeting-agenda.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { queueChart } from '../charts/queue-chart.ts';

/**
 * Reminds each meeting's attendees the working day before and an hour before, with an agenda from
 * the data. Each reminder is claimed once per meeting occurrence, so restarts and a second
 * instance send it once.
 */
export async function sendMeetingReminders(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  config: Pick<Config, 'calendar'>;
  meetings?: MeetingDefinition[];
}): Promise<string[]> {
  const { chart } = o;
  const now = o.clock.now();
  const calendar = workingCalendarOf(o.config, chart.data.timezone);
  const sent: string[] = [];
  for (const meeting of o.meetings ?? meetingsFor(chart.template, chart.data.meetings)) {
    const at = nextMeeting(meeting, calendar, now);
    const occurrence = at.toISOString();
    const due: ('day_before' | 'hour_before')[] = [];
    if (now >= workingDayBefore(calendar, at) && now < new Date(at.getTime() - 3_600_000)) due.push('day_before');
    if (now >= new Date(at.getTime() - 3_600_000)) due.push('hour_before');
    for (const kind of due) {
      const attendees = [...new Set(meeting.attendees(chart))];
      const agendas = new Map<string, Awaited<ReturnType<typeof buildAgenda>>>();
      // claimed in the transaction that queues the reminders: a crash in between neither loses nor doubles them
      const queued = await transaction(o.db, async (unit) => {
        if (!(await claimOnce(unit, `meeting.${meeting.id}.${kind}`, occurrence, now, chart.data.orgId))) return false;
        for (const person of attendees) {
          const locale = localeOf(chart, person);
          const agenda =
            agendas.get(locale) ?? (await buildAgenda({ db: unit, chart, parts: meeting.agenda, now, locale }));
          agendas.set(locale, agenda);
          const title = t(
            locale,
            kind === 'day_before' ? 'meeting.reminder.day_before' : 'meeting.reminder.hour_before',
            {
              time: formatDateTime(at, chart.data.timezone),
              meeting: tFor(locale, 'meeting', meeting.id),
            },
          );
          const { sections, charts } = agenda;
          const blocks = [
            header(title),
            ...(sections.length > 0
              ? [section(t(locale, 'meeting.agenda')), ...sections.map((part) => section(part))]
              : []),
          ];
          await queueDirectMessage(unit, person, { text: title, blocks }, now);
          // the agenda's charts beside it (the markets' scores), each with its text for anyone without the image
          for (const picture of charts) await queueChart(unit, person, picture, now);
        }
        return true;
      });
      if (queued) sent.push(`${meeting.id}:${kind}`);
    }
  }
  return sent;
}
