import { isUniqueViolation, type DbOrTx } from './database.ts';

/**
 * Whether this organisation's row exists, or a row from before runs were kept per organisation
 * (orgId 0): one of those counts as done for every organisation, so an upgrade runs nothing twice.
 */
const exists = async (db: DbOrTx, orgId: number, jobId: string, periodKey: string) =>
  (await db.jobRun.findFirst({ where: { orgId: { in: [orgId, 0] }, jobId, periodKey }, select: { id: true } })) !==
  null;

/**
 * Claims a one-off piece of scheduled work (a reminder for one meeting, say): true only the first
 * time, on any instance. Looks first, so that inside a PostgreSQL transaction a repeat does not
 * abort it with a failed insert. orgId 0 is database-wide (the deployment marks).
 */
export async function claimOnce(db: DbOrTx, jobId: string, periodKey: string, now: Date, orgId = 0): Promise<boolean> {
  if (await exists(db, orgId, jobId, periodKey)) return false;
  try {
    const data = { orgId, jobId, periodKey, startedAt: now, finishedAt: now, status: 'done' };
    await db.jobRun.create({ data, select: { id: true } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
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

export async function claimRun(db: DbOrTx, run: RunClaim): Promise<boolean> {
  const { orgId, jobId, periodKey, scheduledFor, now, leaseUntil, skipped } = run;
  if (await exists(db, orgId, jobId, periodKey)) return false;
  try {
    const data = skipped ? { status: 'skipped', finishedAt: now } : { status: 'running', attempts: 1, leaseUntil };
    const row = { orgId, jobId, periodKey, scheduledFor, startedAt: now, ...data };
    await db.jobRun.create({ data: row, select: { id: true } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** A run abandoned by a dead instance (lease passed; none on rows from before leases), or one due for a retry. */
const takeable = (now: Date) => ({
  OR: [
    { status: 'running', OR: [{ leaseUntil: { lt: now } }, { leaseUntil: null }] },
    { status: 'retrying', nextAttemptAt: { lte: now } },
  ],
});

/** Only this organisation's: an instance can run a job only for the chart it serves. */
export async function findTakeableRuns(db: DbOrTx, orgId: number, jobIds: string[], now: Date) {
  return db.jobRun.findMany({ where: { orgId, jobId: { in: jobIds }, ...takeable(now) }, orderBy: { id: 'asc' } });
}

/**
 * Takes a run over: one conditional UPDATE, so of several instances trying at once exactly one
 * matches (PostgreSQL re-checks the condition on the row it waited for). Returns the attempt taken, or 0.
 */
export async function takeOverRun(db: DbOrTx, key: RunKey, attempts: number, now: Date, leaseUntil: Date) {
  const { count } = await db.jobRun.updateMany({
    where: { ...key, attempts, ...takeable(now) },
    data: { status: 'running', attempts: attempts + 1, startedAt: now, leaseUntil, nextAttemptAt: null },
  });
  return count === 1 ? attempts + 1 : 0;
}

/** Only the holder of this attempt may renew or end the run: one whose lease passed and was taken over may not. */
const held = (key: RunKey, attempt: number) => ({ ...key, attempts: attempt, status: 'running' });

export async function renewLease(db: DbOrTx, key: RunKey, attempt: number, leaseUntil: Date): Promise<boolean> {
  return (await db.jobRun.updateMany({ where: held(key, attempt), data: { leaseUntil } })).count === 1;
}

export async function finishRun(db: DbOrTx, key: RunKey, attempt: number, now: Date): Promise<boolean> {
  const data = { status: 'done', finishedAt: now, leaseUntil: null, detail: null };
  return (await db.jobRun.updateMany({ where: held(key, attempt), data })).count === 1;
}

/** A failed attempt: retried from nextAttemptAt, or, with none, failed for good. */
export interface RunFailure {
  now: Date;
  detail: string;
  nextAttemptAt: Date | null;
}

export async function failRun(db: DbOrTx, key: RunKey, attempt: number, o: RunFailure): Promise<boolean> {
  const status = o.nextAttemptAt ? 'retrying' : 'failed';
  const { now: finishedAt, nextAttemptAt } = o;
  const data = { status, finishedAt, leaseUntil: null, nextAttemptAt, detail: o.detail.slice(0, 500) };
  return (await db.jobRun.updateMany({ where: held(key, attempt), data })).count === 1;
}

/** A run abandoned or retrying past its catch-up window: failed for good, once. */
export async function giveUpRun(db: DbOrTx, key: RunKey, attempts: number, now: Date, detail: string) {
  const { count } = await db.jobRun.updateMany({
    where: { ...key, attempts, ...takeable(now) },
    data: { status: 'failed', finishedAt: now, leaseUntil: null, nextAttemptAt: null, detail: detail.slice(0, 500) },
  });
  return count === 1;
}

/** Runs of a job failed for good since then, for this organisation. */
export async function countFailedSince(db: DbOrTx, orgId: number, jobId: string, since: Date): Promise<number> {
  return db.jobRun.count({ where: { orgId, jobId, status: 'failed', finishedAt: { gte: since } } });
}

/** For /healthz: runs in progress or waiting for a retry, and those failed for good since `since`. */
export async function jobRunHealth(db: DbOrTx, since: Date) {
  const [running, retrying, failed] = await Promise.all([
    db.jobRun.count({ where: { status: 'running' } }),
    db.jobRun.count({ where: { status: 'retrying' } }),
    db.jobRun.count({ where: { status: 'failed', finishedAt: { gte: since } } }),
  ]);
  return { running, retrying, failed };
}

/**
 * Inside the transaction that queues a job's messages: true the first time for this key, false when
 * an earlier run (one whose instance died before marking itself done) queued them already. Keeps a
 * job body safe to run twice. Two racing transactions: the loser's insert fails, and it is retried.
 */
export async function firstTimeInTx(tx: DbOrTx, orgId: number, what: string, key: string, now: Date): Promise<boolean> {
  const jobId = `sent:${what}`;
  if (await exists(tx, orgId, jobId, key)) return false;
  await tx.jobRun.create({ data: { orgId, jobId, periodKey: key, startedAt: now, finishedAt: now, status: 'done' } });
  return true;
}
