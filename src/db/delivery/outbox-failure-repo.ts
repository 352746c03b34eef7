import type { MessageOrigin } from './outbox-repo.ts';
import { sql, sqlList } from '../sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from '../sql/sql-runner.ts';

/** A message the sender gave up on, as the failure notices need it. */
export interface FailedDelivery {
  id: number;
  channel: string;
  lastError: string | null;
  origin: MessageOrigin | null;
}

type FailedRow = { id: number; channel: string; lastError: string | null; origin: string | null };
const failedFromRow = rowReader<FailedRow>({ numbers: ['id'], dates: [] });

/** Failures nobody has been told of yet, oldest first. */
export async function findUnreportedFailures(db: DbLike, limit: number): Promise<FailedDelivery[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT "id", "channel", "lastError", "origin" FROM "OutboxMessage"
    WHERE "status" = 'failed' AND "failureReportedAt" IS NULL ORDER BY "id" LIMIT ${limit}`);
  return rows.map(failedFromRow).map((row) => ({
    ...row,
    origin: row.origin ? (JSON.parse(row.origin) as MessageOrigin) : null,
  }));
}

/** Takes the telling of a failure: false when another instance took it first. */
export async function markFailureReported(db: DbLike, id: number, now: Date): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "OutboxMessage" SET "failureReportedAt" = ${now} WHERE "id" = ${id} AND "failureReportedAt" IS NULL`);
  return changed === 1;
}

/** Every failed message back to the queue, as if new (its replies and updates wait for it again). */
export async function requeueFailed(db: DbLike, now: Date): Promise<number> {
  return runnerOf(db).run(sql`
    UPDATE "OutboxMessage" SET "status" = 'pending', "attempts" = 0, "nextAttemptAt" = ${now}, "claimedAt" = NULL,
      "failingSince" = NULL, "failureReportedAt" = NULL
    WHERE "status" = 'failed'`);
}

/** Messages waiting because Slack refused the token (their last error is one of `reasons`). */
export async function countWaitingFor(db: DbLike, reasons: readonly string[]): Promise<number> {
  const rows = await runnerOf(db).all<{ n: number | bigint }>(sql`
    SELECT COUNT(*) AS "n" FROM "OutboxMessage" WHERE "status" = 'pending' AND "lastError" IN (${sqlList(reasons)})`);
  return Number(rows[0]?.n ?? 0);
}
