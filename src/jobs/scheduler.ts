import cron, { type ScheduledTask } from 'node-cron';
import {
  claimRun,
  failRun,
  findTakeableRuns,
  finishRun,
  giveUpRun,
  lastScheduledRuns,
  renewLease,
  takeOverRun,
} from '../db/job-run-repo.ts';
import type { RunKey } from '../db/job-run-repo.ts';
import {
  lastOccurrence,
  nextOccurrence,
  occurrencesSince,
  type Occurrence,
} from '../domain/schedule/schedule-rules.ts';
import { failJobForGood, type FailJobForGoodOptions } from '../services/ops/fail-job-for-good.ts';
import type { JobContext, JobDefinition } from './job-definition.ts';

export interface TickResult {
  ran: string[];
  skipped: string[];
  /** Attempts that failed this pass (retried later, or failed for good). */
  failed: string[];
}

/** The first retry waits this long, each next one twice as long. */
const FIRST_RETRY_MS = 60_000;

/**
 * Runs each job at least once per period, and gives up loudly. Every minute (node-cron, in the
 * organisation's time zone) it finds the latest due occurrence of each job and claims its
 * (organisation, job, period) row (several organisations may share one database); the claim
 * holds a lease, renewed while the job runs. What that guarantees:
 * - one instance at a time runs a period: the claim and every takeover are single conditional writes;
 * - a run whose instance died (its lease passed) is taken over by any instance, so it runs again:
 *   job bodies must be safe to run twice;
 * - a failed attempt is retried with backoff (1, 2, 4… minutes) while inside JOB_CATCH_UP_HOURS
 *   of when it was due, up to JOB_MAX_ATTEMPTS; then it is failed for good, the leadership and
 *   admins get a DM, and /healthz says degraded.
 * Runs missed while every instance was down are caught up within the window; older ones are skipped.
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
    const logFailure = (error: unknown) => this.ctx.logger.error({ err: error }, 'scheduler pass failed');
    const tickLogged = () => void this.tick().catch(logFailure);
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
    const previous = this.ticking ?? Promise.resolve({ ran: [], skipped: [], failed: [] });
    const next = previous.then(() => this.runDue());
    this.ticking = next.catch(() => ({ ran: [], skipped: [], failed: [] }));
    return next;
  }

  /**
   * The next time something is scheduled after `after` (jobs that run every few minutes count only
   * through their own dates), so that a clock can be moved there and `tick()` run what is due.
   */
  async nextEvent(after: Date): Promise<{ at: Date; jobs: string[] } | undefined> {
    const timeZone = (await this.ctx.directory.current()).data.timezone;
    const found: { at: Date; job: string }[] = [];
    for (const job of this.jobs) {
      const rule = job.schedule(this.ctx.config);
      const at = rule.kind === 'every' ? await job.nextEvent?.(this.ctx, after) : nextOccurrence(rule, after, timeZone);
      if (at) found.push({ at, job: job.id });
    }
    const first = Math.min(...found.map((f) => f.at.getTime()));
    if (!Number.isFinite(first)) return undefined;
    return { at: new Date(first), jobs: found.filter((f) => f.at.getTime() === first).map((f) => f.job) };
  }

  private async runDue(): Promise<TickResult> {
    const result: TickResult = { ran: [], skipped: [], failed: [] };
    await this.claimDue(result);
    await this.takeOverAbandonedAndRetries(result);
    return result;
  }

  /**
   * Claims each job's due periods: the latest, and before it, for a job that acts for its own day
   * (catchUp 'each'), those missed since its last recorded run inside the catch-up window (oldest
   * first). A row exists already for a period that ran (or runs) anywhere.
   */
  private async claimDue(result: TickResult): Promise<void> {
    const { db, clock, config } = this.ctx;
    const chart = await this.ctx.directory.current();
    const now = clock.now();
    const orgId = chart.data.orgId;
    const eachDay = this.jobs.filter((job) => job.catchUp === 'each').map((job) => job.id);
    const lastRuns = await lastScheduledRuns(db, orgId, eachDay);
    const windowStart = new Date(now.getTime() - config.jobs.catchUpHours * 3_600_000);
    for (const job of this.jobs) {
      const rule = job.schedule(config);
      const latest = lastOccurrence(rule, now, chart.data.timezone);
      const last = lastRuns.get(job.id);
      // since its last run, those inside the window; a job that never ran here has missed nothing but the latest
      const since = last && (last > windowStart ? last : windowStart);
      const missed = since ? occurrencesSince(rule, since, now, chart.data.timezone) : [];
      const due = job.catchUp === 'each' && missed.length > 0 ? missed : [latest];
      for (const occurrence of due)
        await this.claim(job, { orgId, jobId: job.id, periodKey: occurrence.periodKey }, occurrence, result);
    }
  }

  private async claim(job: JobDefinition, key: RunKey, occurrence: Occurrence, result: TickResult): Promise<void> {
    const now = this.ctx.clock.now();
    const skipped = this.pastWindow(occurrence.scheduledFor, now);
    const claim = { ...key, scheduledFor: occurrence.scheduledFor, now, leaseUntil: this.leaseFrom(now), skipped };
    if (!(await claimRun(this.ctx.db, claim))) return;
    if (skipped) {
      this.ctx.logger.warn(key, 'missed run older than the catch-up window: skipped');
      result.skipped.push(`${job.id}@${occurrence.periodKey}`);
      return;
    }
    await this.attempt(job, key, occurrence, 1, result);
  }

  /** Runs whose instance died mid-way (lease passed) and failed runs due for a retry, on any instance. */
  private async takeOverAbandonedAndRetries(result: TickResult): Promise<void> {
    const { db, clock, logger } = this.ctx;
    const now = clock.now();
    const orgId = (await this.ctx.directory.current()).data.orgId;
    const rows = await findTakeableRuns(
      db,
      orgId,
      this.jobs.map((job) => job.id),
      now,
    );
    for (const row of rows) {
      const job = this.jobs.find((j) => j.id === row.jobId);
      if (!job) continue; // never: the runs found are of these jobs
      const key = { orgId, jobId: row.jobId, periodKey: row.periodKey };
      const occurrence = { periodKey: row.periodKey, scheduledFor: row.scheduledFor ?? row.startedAt };
      if (this.pastWindow(occurrence.scheduledFor, now) || row.attempts >= this.ctx.config.jobs.maxAttempts) {
        const reason = row.status === 'running' ? 'abandoned mid-run (its instance stopped)' : (row.detail ?? 'failed');
        await this.failForGood(key, row.attempts, reason, (tx) => giveUpRun(tx, key, row.attempts, now, reason));
        result.failed.push(`${row.jobId}@${row.periodKey}`);
        continue;
      }
      const attempt = await takeOverRun(db, key, row.attempts, now, this.leaseFrom(now));
      if (attempt === 0) continue; // another instance took it first
      if (row.status === 'running') logger.warn({ ...key, attempt }, 'took over a run abandoned mid-way');
      await this.attempt(job, key, occurrence, attempt, result);
    }
  }

  /** One attempt of a claimed run, its lease renewed while it works. */
  private async attempt(job: JobDefinition, key: RunKey, occurrence: Occurrence, attempt: number, result: TickResult) {
    const { db, clock, logger } = this.ctx;
    const leaseMs = this.ctx.config.jobs.leaseMs;
    const renewing = setInterval(
      () => {
        const renewed = renewLease(db, key, attempt, this.leaseFrom(clock.now()));
        renewed.catch((error: unknown) => logger.warn({ err: error, ...key }, 'could not renew a job lease'));
      },
      Math.max(leaseMs / 3, 100),
    );
    renewing.unref();
    try {
      await job.handler(this.ctx, occurrence);
      clearInterval(renewing);
      if (await finishRun(db, key, attempt, clock.now())) result.ran.push(`${job.id}@${occurrence.periodKey}`);
    } catch (error) {
      clearInterval(renewing);
      logger.error({ err: error, ...key, attempt }, 'scheduled job failed');
      result.failed.push(`${job.id}@${occurrence.periodKey}`);
      await this.afterFailure(key, occurrence, attempt, String((error as Error)?.message ?? error));
    }
  }

  private async afterFailure(key: RunKey, occurrence: Occurrence, attempt: number, reason: string): Promise<void> {
    const now = this.ctx.clock.now();
    const retryAt = new Date(now.getTime() + FIRST_RETRY_MS * 2 ** (attempt - 1));
    if (attempt < this.ctx.config.jobs.maxAttempts && !this.pastWindow(occurrence.scheduledFor, retryAt)) {
      await failRun(this.ctx.db, key, attempt, { now, detail: reason, nextAttemptAt: retryAt });
      return;
    }
    const failure = { now, detail: reason, nextAttemptAt: null };
    await this.failForGood(key, attempt, reason, (tx) => failRun(tx, key, attempt, failure));
  }

  private async failForGood(key: RunKey, attempts: number, reason: string, mark: FailJobForGoodOptions['mark']) {
    const { db, clock, logger, directory } = this.ctx;
    const chart = await directory.current();
    if (await failJobForGood({ db, chart, now: clock.now(), run: { ...key, attempts, reason }, mark })) {
      logger.error({ ...key, attempts, reason }, 'scheduled run failed for good; leadership and admins told');
    }
  }

  private leaseFrom(now: Date): Date {
    return new Date(now.getTime() + this.ctx.config.jobs.leaseMs);
  }

  private pastWindow(scheduledFor: Date, at: Date): boolean {
    return at.getTime() - scheduledFor.getTime() > this.ctx.config.jobs.catchUpHours * 3_600_000;
  }
}
