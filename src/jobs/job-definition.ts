import type { Config } from '../config.ts';
import type { Db } from '../db/unit-of-work.ts';
import type { ScheduleRule, Occurrence } from '../domain/schedule/schedule-rules.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import type { OrgDirectory } from '../services/org/org-directory.ts';

export interface JobContext {
  db: Db;
  clock: Clock;
  logger: Logger;
  directory: OrgDirectory;
  config: Config;
}

/** A scheduled job: what it is called, when it runs, and the service call it hands work to. */
export interface JobDefinition {
  id: string;
  schedule(config: Config): ScheduleRule;
  handler(ctx: JobContext, occurrence: Occurrence): Promise<void>;
  /**
   * Runs missed while the bot was down (within JOB_CATCH_UP_HOURS): 'each' for a job that acts for the
   * day it was due (the scorecards on the 3rd working day, an evening's summary), so every missed day
   * runs, oldest first, with its own `occurrence`; by default only the latest, for a job that acts on
   * the state as it is now (a digest of the last day, reminders still due), where an older run would
   * only repeat it.
   */
  catchUp?: 'each' | 'latest';
  /** For a job that runs often but acts on its own dates: the next of those after `after`. */
  nextEvent?(ctx: JobContext, after: Date): Promise<Date | undefined>;
}
