import type { FixedClock } from '../lib/clock.ts';
import type { Scheduler, TickResult } from './scheduler.ts';

/**
 * Moves a clock forward to `to`, stopping at every scheduled event on the way and running what is
 * due there through the scheduler's own tick, as the real scheduler would have run it at that time.
 * The sandbox's clock control and the tests use it alike; no job has a second way of running.
 */
export async function advanceClock(o: {
  scheduler: Scheduler;
  clock: FixedClock;
  to: Date;
  maxStops?: number;
}): Promise<TickResult & { stops: number }> {
  const result = { ran: [] as string[], skipped: [] as string[], failed: [] as string[], stops: 0 };
  const collect = (tick: TickResult) => {
    result.ran.push(...tick.ran);
    result.skipped.push(...tick.skipped);
    result.failed.push(...tick.failed);
  };
  while (result.stops < (o.maxStops ?? 1000)) {
    const next = await o.scheduler.nextEvent(o.clock.now());
    if (!next || next.at > o.to) break;
    o.clock.set(next.at);
    collect(await o.scheduler.tick());
    result.stops += 1;
  }
  if (o.to > o.clock.now()) o.clock.set(o.to);
  collect(await o.scheduler.tick());
  return result;
}

/** Moves the clock to the next scheduled event and runs it; undefined when nothing is scheduled. */
export async function advanceToNextEvent(o: {
  scheduler: Scheduler;
  clock: FixedClock;
}): Promise<(TickResult & { stops: number; at: Date; jobs: string[] }) | undefined> {
  const next = await o.scheduler.nextEvent(o.clock.now());
  if (!next) return undefined;
  return { ...(await advanceClock({ ...o, to: next.at })), at: next.at, jobs: next.jobs };
}
