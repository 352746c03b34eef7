import cron, { type ScheduledTask } from 'node-cron';
import { isUniqueViolation } from '../db/database.ts';
import { lastOccurrence } from '../domain/schedule/schedule-rules.ts';
import type { JobContext, JobDefinition } from './job-definition.ts';

export interface TickResult {
  ran: string[];
  skipped: string[];
}

/**
 * Runs each job once per period. Every minute (node-cron, in the organisation's time zone) it
 * looks for the latest due occurrence of each job; a (job, period) row claimed in the database
 * makes that run happen exactly once, across restarts and instances. Runs missed while the bot
 * was down are caught up within JOB_CATCH_UP_HOURS; older ones are recorded as skipped.
 */
export class Scheduler {
  private task?: ScheduledTask;
  private ticking?: Promise<TickResult>;

  constructor(
    private readonly ctx: JobContext,
    private readonly jobs: JobDefinition[],
  ) {}

  async start(timeZone: string, options: { everyMinute?: boolean } = {}): Promise<void> {
    await this.tick();
    if (options.everyMinute === false) return;
    // a failed pass (the database away, say) is logged; the next minute tries again
    const tickLogged = () => void this.tick().catch((error: unknown) => this.ctx.logger.error({ err: error }, 'scheduler pass failed'));
    this.task = cron.schedule('* * * * *', tickLogged, { timezone: timeZone });
  }

  /** Whether the minute timer runs (false when started with everyMinute: false). */
  get timed(): boolean {
    return this.task !== undefined;
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    await this.ticking;
  }

  /** One pass over the jobs; serialised, so a slow job never overlaps the next minute's pass. */
  async tick(): Promise<TickResult> {
    const previous = this.ticking ?? Promise.resolve({ ran: [], skipped: [] });
    const next = previous.then(() => this.runDue());
    this.ticking = next.catch(() => ({ ran: [], skipped: [] }));
    return next;
  }

  private async runDue(): Promise<TickResult> {
    const { db, clock, logger, config } = this.ctx;
    const chart = await this.ctx.directory.current();
    const now = clock.now();
    const result: TickResult = { ran: [], skipped: [] };
    for (const job of this.jobs) {
      const occurrence = lastOccurrence(job.schedule(config), now, chart.data.timezone);
      const late = now.getTime() - occurrence.scheduledFor.getTime() > config.jobs.catchUpHours * 3_600_000;
      try {
        await db.jobRun.create({ data: { jobId: job.id, periodKey: occurrence.periodKey, startedAt: now, status: late ? 'skipped' : 'running' } });
      } catch (error) {
        if (isUniqueViolation(error)) continue; // this period ran already, here or on another instance
        throw error;
      }
      if (late) {
        logger.warn({ job: job.id, period: occurrence.periodKey }, 'missed run older than the catch-up window: skipped');
        result.skipped.push(`${job.id}@${occurrence.periodKey}`);
        continue;
      }
      try {
        await job.handler(this.ctx, occurrence);
        await db.jobRun.update({ where: { jobId_periodKey: { jobId: job.id, periodKey: occurrence.periodKey } }, data: { status: 'done', finishedAt: clock.now() } });
        result.ran.push(`${job.id}@${occurrence.periodKey}`);
      } catch (error) {
        logger.error({ err: error, job: job.id, period: occurrence.periodKey }, 'scheduled job failed');
        await db.jobRun.update({ where: { jobId_periodKey: { jobId: job.id, periodKey: occurrence.periodKey } }, data: { status: 'failed', finishedAt: clock.now(), detail: String((error as Error).message).slice(0, 500) } });
      }
    }
    return result;
  }
}
