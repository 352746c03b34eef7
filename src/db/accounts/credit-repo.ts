import type { CreditLine } from '../../domain/accounts/credit.ts';
import type { CreditReview } from '../../generated/sqlite/client.ts';
import { sql, sqlSet } from '../sql/sql-query.ts';
import { rowReader, runnerOf, toDate, toNumberOrNull, type DbLike } from '../sql/sql-runner.ts';

export type { CreditReview };

export interface CreditRow {
  accountId: number;
  code: string;
  name: string;
  market: string;
  ownerId: string;
  grade: string | null;
  limitCents: number | null;
  termsDays: number | null;
  updatedAt: Date | null;
}

const reviewFromRow = rowReader<CreditReview>({
  numbers: ['id', 'orgId', 'outboxId'],
  dates: ['decidedAt', 'createdAt'],
});

/** The credit-rating table: every distributor not closed, with its grade if it has one, by market and code. */
export async function creditTable(db: DbLike, o: { orgId: number; markets?: string[] }): Promise<CreditRow[]> {
  const scope = o.markets ? sql` AND a."market" IN (${sqlSet(o.markets)})` : sql``;
  const rows = await runnerOf(db).all<Record<string, unknown>>(sql`
    SELECT a."id" AS "accountId", a."code", a."name", a."market", a."ownerId",
      c."grade", c."limitCents", c."termsDays", c."updatedAt"
    FROM "Account" a LEFT JOIN "AccountCredit" c ON c."accountId" = a."id"
    WHERE a."orgId" = ${o.orgId} AND a."kind" = 'distributor' AND a."status" <> 'closed'${scope}
    ORDER BY a."market", a."code"`);
  return rows.map((r) => ({
    accountId: Number(r.accountId),
    code: String(r.code),
    name: String(r.name),
    market: String(r.market),
    ownerId: String(r.ownerId),
    grade: (r.grade as string | null) ?? null,
    limitCents: toNumberOrNull(r.limitCents),
    termsDays: toNumberOrNull(r.termsDays),
    updatedAt: r.updatedAt ? toDate(r.updatedAt) : null,
  }));
}

/** The month's review, created once whoever asks first; null when it existed already. */
export async function openCreditReview(
  db: DbLike,
  o: { orgId: number; month: string; now: Date },
): Promise<number | null> {
  const rows = await runnerOf(db).all<{ id: number | bigint }>(sql`
    INSERT INTO "CreditReview" ("orgId", "month", "status", "proposal", "createdAt")
    VALUES (${o.orgId}, ${o.month}, 'open', '[]', ${o.now})
    ON CONFLICT ("orgId", "month") DO NOTHING RETURNING "id"`);
  return rows[0] ? Number(rows[0].id) : null;
}

export async function findCreditReview(db: DbLike, id: number): Promise<CreditReview | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "CreditReview" WHERE "id" = ${id}`);
  return rows[0] ? reviewFromRow(rows[0]) : null;
}

export async function findCreditReviewByMessage(db: DbLike, channel: string, ts: string): Promise<CreditReview | null> {
  const rows = await runnerOf(db).all(sql`
    SELECT r.* FROM "CreditReview" r JOIN "OutboxMessage" m ON m."id" = r."outboxId"
    WHERE m."sentChannel" = ${channel} AND m."sentTs" = ${ts}`);
  return rows[0] ? reviewFromRow(rows[0]) : null;
}

/** Stores the proposal while the review is open (or proposed and not yet approved: a new one replaces it). */
export async function proposeCreditReview(
  db: DbLike,
  o: { id: number; proposal: CreditLine[]; proposerId: string; approverId: string },
): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "CreditReview" SET "status" = 'proposed', "proposal" = ${JSON.stringify(o.proposal)},
      "proposerId" = ${o.proposerId}, "approverId" = ${o.approverId}
    WHERE "id" = ${o.id} AND "status" IN ('open', 'proposed')`);
  return changed === 1;
}

export async function setCreditReviewCard(db: DbLike, id: number, outboxId: number): Promise<void> {
  await runnerOf(db).run(sql`UPDATE "CreditReview" SET "outboxId" = ${outboxId} WHERE "id" = ${id}`);
}

/** Approves once: a second click or reply changes nothing. */
export async function approveCreditReview(db: DbLike, o: { id: number; by: string; now: Date }): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "CreditReview" SET "status" = 'approved', "decidedBy" = ${o.by}, "decidedAt" = ${o.now}
    WHERE "id" = ${o.id} AND "status" = 'proposed'`);
  return changed === 1;
}

/** Writes approved lines into the table, each with its history row (what it was, what it is now). */
export async function applyCreditLines(
  db: DbLike,
  o: {
    orgId: number;
    lines: (CreditLine & { accountId: number })[];
    reviewId: number;
    proposedBy: string;
    approvedBy: string;
    now: Date;
  },
): Promise<void> {
  const runner = runnerOf(db);
  for (const line of o.lines) {
    const before = (
      await runner.all<Record<string, unknown>>(sql`
        SELECT "grade", "limitCents", "termsDays" FROM "AccountCredit" WHERE "accountId" = ${line.accountId}`)
    )[0];
    await runner.run(sql`
      INSERT INTO "AccountCredit" ("accountId", "orgId", "grade", "limitCents", "termsDays", "updatedAt")
      VALUES (${line.accountId}, ${o.orgId}, ${line.grade}, ${line.limitCents}, ${line.termsDays}, ${o.now})
      ON CONFLICT ("accountId") DO UPDATE SET "grade" = excluded."grade", "limitCents" = excluded."limitCents",
        "termsDays" = excluded."termsDays", "updatedAt" = excluded."updatedAt"`);
    await runner.run(sql`
      INSERT INTO "AccountCreditChange" ("orgId", "accountId", "fromGrade", "toGrade", "fromLimitCents", "toLimitCents",
        "fromTermsDays", "toTermsDays", "reviewId", "proposedBy", "approvedBy", "at")
      VALUES (${o.orgId}, ${line.accountId}, ${before?.grade ?? null}, ${line.grade},
        ${toNumberOrNull(before?.limitCents)},
        ${line.limitCents}, ${toNumberOrNull(before?.termsDays)}, ${line.termsDays}, ${o.reviewId}, ${o.proposedBy},
        ${o.approvedBy}, ${o.now})`);
  }
}

/** One account's line of the table, if it is rated. */
export async function creditOf(
  db: DbLike,
  accountId: number,
): Promise<{ grade: string; limitCents: number; termsDays: number } | null> {
  const rows = await runnerOf(db).all<Record<string, unknown>>(sql`
    SELECT "grade", "limitCents", "termsDays" FROM "AccountCredit" WHERE "accountId" = ${accountId}`);
  const row = rows[0];
  return row
    ? { grade: String(row.grade), limitCents: Number(row.limitCents), termsDays: Number(row.termsDays) }
    : null;
}
