import { isUniqueViolation, type DbOrTx } from './database.ts';

/** Claims a one-off piece of scheduled work (a reminder for one meeting, say): true only the first time, on any instance. */
export async function claimOnce(db: DbOrTx, jobId: string, periodKey: string, now: Date): Promise<boolean> {
  try {
    await db.jobRun.create({ data: { jobId, periodKey, startedAt: now, finishedAt: now, status: 'done' }, select: { id: true } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
