import { sendDigests } from '../services/rhythm/send-digests.ts';
import { sendMeetingReminders } from '../services/rhythm/meeting-reminders.ts';
import { runFocusRhythm } from '../services/rhythm/publish-focus.ts';
import { nextFocusEvent, nextMeetingEvent } from '../services/rhythm/next-rhythm-event.ts';
import type { JobDefinition } from './job-definition.ts';

export const focusJob: JobDefinition = {
  id: 'rhythm.focus',
  schedule: () => ({ kind: 'every', minutes: 15 }),
  handler: async (ctx) => {
    await runFocusRhythm({ db: ctx.db, clock: ctx.clock, chart: await ctx.directory.current(), config: ctx.config });
  },
  nextEvent: async (ctx, after) =>
    nextFocusEvent({ db: ctx.db, chart: await ctx.directory.current(), config: ctx.config, after }),
};

export const meetingRemindersJob: JobDefinition = {
  id: 'rhythm.meeting-reminders',
  schedule: () => ({ kind: 'every', minutes: 15 }),
  handler: async (ctx) => {
    await sendMeetingReminders({
      db: ctx.db,
      clock: ctx.clock,
      chart: await ctx.directory.current(),
      config: ctx.config,
    });
  },
  nextEvent: async (ctx, after) =>
    nextMeetingEvent({ chart: await ctx.directory.current(), config: ctx.config, after }),
};

const digestJob = (frequency: 'daily' | 'weekly' | 'monthly'): JobDefinition => ({
  id: `rhythm.digest-${frequency}`,
  schedule: () =>
    frequency === 'daily'
      ? { kind: 'daily', time: '08:30' }
      : frequency === 'weekly'
        ? { kind: 'weekly', weekday: 1, time: '08:30' }
        : { kind: 'monthly', day: 1, time: '08:30' },
  handler: async (ctx, occurrence) => {
    await sendDigests({
      db: ctx.db,
      clock: ctx.clock,
      chart: await ctx.directory.current(),
      frequency,
      periodKey: occurrence.periodKey,
    });
  },
});

export const RHYTHM_JOBS: JobDefinition[] = [
  focusJob,
  meetingRemindersJob,
  digestJob('daily'),
  digestJob('weekly'),
  digestJob('monthly'),
];
