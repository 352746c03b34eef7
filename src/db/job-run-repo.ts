import type { JobRun } from '../generated/sqlite/client.ts';
import { isUniqueViolation } from './database.ts';
import { sql, sqlList } from './sql/sql-query.ts';
import { rowReader, runnerOf, toDateOrNull, type DbLike } from './sql/sql-runner.ts';

/**
 * Whether this organisation's row exists, or a row from before runs were kept per organisation
 * (orgId 0): one of those counts as done for every organisation, so an upgrade runs nothing twice.
 */
const exists = async (db: DbLike, orgId: number, jobId: string, periodKey: string) =>
  (
    await runnerOf(db).all(sql`
      SELECT "id" FROM "JobRun" WHERE "orgId" IN (${orgId}, 0) AND "jobId" = ${jobId} AND "periodKey" = ${periodKey}
      LIMIT 1`)
  ).length > 0;

interface NewRun {
  orgId: number;
  jobId: string;
  periodKey: string;
  startedAt: Date;
  status: string;
  finishedAt?: Date | null;
  scheduledFor?: Date | null;
  attempts?: number;
  leaseUntil?: Date | null;
}

async function insertRun(db: DbLike, r: NewRun): Promise<void> {
  await runnerOf(db).run(sql`
    INSERT INTO "JobRun"
      ("orgId", "jobId", "periodKey", "startedAt", "finishedAt", "status", "scheduledFor", "attempts", "leaseUntil")
    VALUES (${r.orgId}, ${r.jobId}, ${r.periodKey}, ${r.startedAt}, ${r.finishedAt ?? null}, ${r.status},
      ${r.scheduledFor ?? null}, ${r.attempts ?? 0}, ${r.leaseUntil ?? null})`);
}

/** An insert that a row with the same key already made: false instead of an error. */
async function insertOnce(db: DbLike, run: NewRun): Promise<boolean> {
  try {
    await insertRun(db, run);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Claims a one-off piece of scheduled work (a reminder for one meeting, say): true only the first
 * time, on any instance. Looks first, so that inside a PostgreSQL transaction a repeat does not
 * abort it with a failed insert. orgId 0 is database-wide (the deployment marks).
 */
export async function claimOnce(db: DbLike, jobId: string, periodKey: string, now: Date, orgId = 0): Promise<boolean> {
  if (await exists(db, orgId, jobId, periodKey)) return false;
  return insertOnce(db, { orgId, jobId, periodKey, startedAt: now, finishedAt: now, status: 'done' });
}

export interface RunKey {
  /** The organisation served: several may share one database, each run is theirs. */
  orgId: number;
  jobId: string;
  periodKey: string;
}

/** Claims a scheduled run for this instance: false when its row exists already (here or on another instance). */
export interface RunClaim extends RunKey {
  scheduledFor: Date;
  now: Date;
  leaseUntil: Date;
  /** Missed longer ago than the catch-up window: recorded as skipped, not run. */
  skipped: boolean;
}

export async function claimRun(db: DbLike, run: RunClaim): Promise<boolean> {
  const { orgId, jobId, periodKey, scheduledFor, now, leaseUntil, skipped } = run;
  if (await exists(db, orgId, jobId, periodKey)) return false;
  const data = skipped
    ? { status: 'skipped', finishedAt: now }
    : { status: 'running', attempts: 1, leaseUntil: leaseUntil };
  return insertOnce(db, { orgId, jobId, periodKey, scheduledFor, startedAt: now, ...data });
}

/**
 * When each job's latest recorded run was due, for this organisation (and the rows from before runs
 * were kept per organisation): a scheduler catches up the occurrences after it.
 */
export async function lastScheduledRuns(db: DbLike, orgId: number, jobIds: string[]): Promise<Map<string, Date>> {
  if (jobIds.length === 0) return new Map();
  const rows = await runnerOf(db).all<{ jobId: string; last: unknown }>(sql`
    SELECT "jobId", MAX("scheduledFor") AS "last" FROM "JobRun"
    WHERE "orgId" IN (${orgId}, 0) AND "jobId" IN (${sqlList(jobIds)}) GROUP BY "jobId"`);
  const last = new Map<string, Date>();
  for (const row of rows) {
    const at = toDateOrNull(row.last);
    if (at) last.set(row.jobId, at);
  }
  return last;
}

/** A run abandoned by a dead instance (lease passed; none on rows from before leases), or one due for a retry. */
const takeable = (now: Date) => sql`(
  ("status" = 'running' AND ("leaseUntil" < ${now} OR "leaseUntil" IS NULL))
  OR ("status" = 'retrying' AND "nextAttemptAt" <= ${now}))`;

const jobRunFromRow = rowReader<JobRun>({
  numbers: ['id', 'orgId', 'attempts'],
  dates: ['startedAt', 'finishedAt', 'scheduledFor', 'leaseUntil', 'nextAttemptAt'],
});

/** Only this organisation's: an instance can run a job only for the chart it serves. */
export async function findTakeableRuns(db: DbLike, orgId: number, jobIds: string[], now: Date): Promise<JobRun[]> {
  if (jobIds.length === 0) return [];
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "JobRun" WHERE "orgId" = ${orgId} AND "jobId" IN (${sqlList(jobIds)}) AND ${takeable(now)}
    ORDER BY "id" ASC`);
  return rows.map(jobRunFromRow);
}

const sameKey = (key: RunKey) =>
  sql`"orgId" = ${key.orgId} AND "jobId" = ${key.jobId} AND "periodKey" = ${key.periodKey}`;

/**
 * Takes a run over: one conditional UPDATE, so of several instances trying at once exactly one
 * matches (PostgreSQL re-checks the condition on the row it waited for). Returns the attempt taken, or 0.
 */
export async function takeOverRun(db: DbLike, key: RunKey, attempts: number, now: Date, leaseUntil: Date) {
  const count = await runnerOf(db).run(sql`
    UPDATE "JobRun" SET "status" = 'running', "attempts" = ${attempts + 1}, "startedAt" = ${now},
      "leaseUntil" = ${leaseUntil}, "nextAttemptAt" = NULL
    WHERE ${sameKey(key)} AND "attempts" = ${attempts} AND ${takeable(now)}`);
  return count === 1 ? attempts + 1 : 0;
}

/** Only the holder of this attempt may renew or end the run: one whose lease passed and was taken over may not. */
const held = (key: RunKey, attempt: number) =>
  sql`${sameKey(key)} AND "attempts" = ${attempt} AND "status" = 'running'`;

export async function renewLease(db: DbLike, key: RunKey, attempt: number, leaseUntil: Date): Promise<boolean> {
  return (
    (await runnerOf(db).run(sql`UPDATE "JobRun" SET "leaseUntil" = ${leaseUntil} WHERE ${held(key, attempt)}`)) === 1
  );
}

export async function finishRun(db: DbLike, key: RunKey, attempt: number, now: Date): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "JobRun" SET "status" = 'done', "finishedAt" = ${now}, "leaseUntil" = NULL, "detail" = NULL
    WHERE ${held(key, attempt)}`);
  return changed === 1;
}

/** A failed attempt: retried from nextAttemptAt, or, with none, failed for good. */
export interface RunFailure {
  now: Date;
  detail: string;
  nextAttemptAt: Date | null;
}

export async function failRun(db: DbLike, key: RunKey, attempt: number, o: RunFailure): Promise<boolean> {
  const status = o.nextAttemptAt ? 'retrying' : 'failed';
  const changed = await runnerOf(db).run(sql`
    UPDATE "JobRun" SET "status" = ${status}, "finishedAt" = ${o.now}, "leaseUntil" = NULL,
      "nextAttemptAt" = ${o.nextAttemptAt}, "detail" = ${o.detail.slice(0, 500)}
    WHERE ${held(key, attempt)}`);
  return changed === 1;
}

/** A run abandoned or retrying past its catch-up window: failed for good, once. */
export async function giveUpRun(db: DbLike, key: RunKey, attempts: number, now: Date, detail: string) {
  const changed = await runnerOf(db).run(sql`
    UPDATE "JobRun" SET "status" = 'failed', "finishedAt" = ${now}, "leaseUntil" = NULL, "nextAttemptAt" = NULL,
      "detail" = ${detail.slice(0, 500)}
    WHERE ${sameKey(key)} AND "attempts" = ${attempts} AND ${takeable(now)}`);
  return changed === 1;
}

const countOf = async (db: DbLike, where: ReturnType<typeof sql>) =>
  Number(
    (await runnerOf(db).all<{ n: number | bigint }>(sql`SELECT COUNT(*) AS "n" FROM "JobRun" WHERE ${where}`))[0].n,
  );

/** Runs of a job failed for good since then, for this organisation. */
export async function countFailedSince(db: DbLike, orgId: number, jobId: string, since: Date): Promise<number> {
  return countOf(
    db,
    sql`"orgId" = ${orgId} AND "jobId" = ${jobId} AND "status" = 'failed' AND "finishedAt" >= ${since}`,
  );
}

/** For /healthz: runs in progress or waiting for a retry, and those failed for good since `since`. */
export async function jobRunHealth(db: DbLike, since: Date) {
  const [running, retrying, failed] = await Promise.all([
    countOf(db, sql`"status" = 'running'`),
    countOf(db, sql`"status" = 'retrying'`),
    countOf(db, sql`"status" = 'failed' AND "finishedAt" >= ${since}`),
  ]);
  return { running, retrying, failed };
}

/**
 * Inside the transaction that queues a job's messages: true the first time for this key, false when
 * an earlier run (one whose instance died before marking itself done) queued them already. Keeps a
 * job body safe to run twice. Two racing transactions: the loser's insert fails, and it is retried.
 */
export async function firstTimeInTx(tx: DbLike, orgId: number, what: string, key: string, now: Date): Promise<boolean> {
  const jobId = `sent:${what}`;
  if (await exists(tx, orgId, jobId, key)) return false;
  await insertRun(tx, { orgId, jobId, periodKey: key, startedAt: now, finishedAt: now, status: 'done' });
  return true;
}
