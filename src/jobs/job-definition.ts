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
  /** For a job that runs often but acts on its own dates: the next of those after `after`. */
  nextEvent?(ctx: JobContext, after: Date): Promise<Date | undefined>;
}
