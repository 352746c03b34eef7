import { t } from '../i18n/index.ts';
import { advanceClock, advanceToNextEvent } from '../jobs/advance-clock.ts';
import type { Scheduler } from '../jobs/scheduler.ts';
import type { FixedClock } from '../lib/clock.ts';
import { zonedInstant } from '../lib/format-time.ts';
import { localeOf } from '../services/org/locale-of.ts';
import type { OrgDirectory } from '../services/org/org-directory.ts';

const HOUR = 3_600_000;

type Body = Record<string, unknown>;

export interface ClockControls {
  clock: FixedClock;
  scheduler: Scheduler;
  directory: OrgDirectory;
}

/** Moves the sandbox's clock forward: to the next event, to a time, or by hours and days. */
export async function moveClock(
  o: ClockControls,
  user: string,
  body: Body,
): Promise<{ status: number; body: unknown }> {
  const { clock, scheduler } = o;
  const locale = localeOf(await o.directory.current(), user);
  if (body.action === 'next') {
    const moved = await advanceToNextEvent({ clock, scheduler });
    if (!moved)
      return { status: 200, body: { now: clock.now().toISOString(), message: t(locale, 'sandbox.clock.nothing') } };
    return { status: 200, body: { now: clock.now().toISOString(), ran: moved.ran } };
  }
  const to =
    body.action === 'to'
      ? await instantOf(o, body)
      : new Date(clock.now().getTime() + (Number(body.hours ?? 0) + 24 * Number(body.days ?? 0)) * HOUR);
  if (Number.isNaN(to.getTime()) || to <= clock.now())
    return { status: 400, body: { error: t(locale, 'sandbox.clock.bad_time') } };
  const moved = await advanceClock({ clock, scheduler, to });
  return { status: 200, body: { now: clock.now().toISOString(), ran: moved.ran } };
}

/** A time to move to: an instant, or `local` (2026-12-07T09:00) in the organisation's time zone. */
async function instantOf(o: ClockControls, body: Body): Promise<Date> {
  const local = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(String(body.local ?? ''));
  if (!local) return new Date(String(body.to));
  const [year, month, day, hour, minute] = local.slice(1).map(Number);
  return zonedInstant(year, month - 1, day, hour, minute, (await o.directory.current()).data.timezone);
}
