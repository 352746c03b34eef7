import type { PhoneCall } from '../../generated/sqlite/client.ts';
import { sql, sqlSet } from '../sql/sql-query.ts';
import { rowReader, runnerOf, toDate, type DbLike } from '../sql/sql-runner.ts';

export type { PhoneCall };

/** A call with its account, as the list and the summary show it. */
export type PhoneCallRow = PhoneCall & { code: string; name: string; kind: string; market: string };

const callFromRow = rowReader<PhoneCallRow>({
  numbers: ['id', 'orgId', 'accountId'],
  dates: ['loggedAt', 'createdAt'],
});

/** Active accounts with their grade: what the week's lists are built from. */
export async function activeAccountsForCalls(
  db: DbLike,
  orgId: number,
): Promise<{ accountId: number; code: string; name: string; kind: string; market: string; grade: string | null }[]> {
  const rows = await runnerOf(db).all<Record<string, unknown>>(sql`
    SELECT a."id", a."code", a."name", a."kind", a."market", c."grade"
    FROM "Account" a LEFT JOIN "AccountCredit" c ON c."accountId" = a."id"
    WHERE a."orgId" = ${orgId} AND a."status" = 'active'`);
  return rows.map((r) => ({
    accountId: Number(r.id),
    code: String(r.code),
    name: String(r.name),
    kind: String(r.kind),
    market: String(r.market),
    grade: (r.grade as string | null) ?? null,
  }));
}

/**
 * Since when each account was last in touch: approved brand visits by the name or code they were
 * filed under, and made calls by account. One GROUP BY each, joined by the caller.
 */
export async function lastContacts(
  db: DbLike,
  o: { orgId: number; since: Date },
): Promise<{ visits: Map<string, Date>; calls: Map<number, Date> }> {
  const runner = runnerOf(db);
  const visits = await runner.all<{ account: string; at: unknown }>(sql`
    SELECT "account", MAX("visitAt") AS "at" FROM "Visit"
    WHERE "orgId" = ${o.orgId} AND "kind" = 'brand' AND "status" = 'approved' AND "visitAt" >= ${o.since}
    GROUP BY "account"`);
  const calls = await runner.all<{ accountId: number | bigint; at: unknown }>(sql`
    SELECT "accountId", MAX("loggedAt") AS "at" FROM "PhoneCall"
    WHERE "orgId" = ${o.orgId} AND "status" = 'made' AND "loggedAt" >= ${o.since}
    GROUP BY "accountId"`);
  return {
    visits: new Map(visits.map((v) => [v.account, toDate(v.at)])),
    calls: new Map(calls.map((c) => [Number(c.accountId), toDate(c.at)])),
  };
}

/** Open issues per subject (an account's name or code), for the list's "open issue" reason. */
export async function openIssueSubjects(db: DbLike, orgId: number): Promise<Map<string, number>> {
  const rows = await runnerOf(db).all<{ subject: string; n: number | bigint }>(sql`
    SELECT "subject", COUNT(*) AS "n" FROM "IssueReport"
    WHERE "orgId" = ${orgId} AND "status" <> 'resolved' GROUP BY "subject"`);
  return new Map(rows.map((r) => [r.subject, Number(r.n)]));
}

/** Calls of earlier weeks never made: marked carried there, and returned to go on this week's list. */
export async function carryOverCalls(
  db: DbLike,
  o: { orgId: number; week: string },
): Promise<{ accountId: number; callerId: string; reasons: string }[]> {
  const runner = runnerOf(db);
  const rows = await runner.all<{ accountId: number | bigint; callerId: string; reasons: string }>(sql`
    UPDATE "PhoneCall" SET "status" = 'carried'
    WHERE "orgId" = ${o.orgId} AND "week" < ${o.week} AND "status" = 'planned'
    RETURNING "accountId", "callerId", "reasons"`);
  return rows.map((r) => ({ accountId: Number(r.accountId), callerId: r.callerId, reasons: r.reasons }));
}

/** Puts calls on a week's list, once per account and week: those already there are left as they are. */
export async function planWeekCalls(
  db: DbLike,
  o: { orgId: number; week: string; calls: { accountId: number; callerId: string; reasons: string }[]; now: Date },
): Promise<number> {
  let added = 0;
  for (const c of o.calls)
    added += await runnerOf(db).run(sql`
      INSERT INTO "PhoneCall" ("orgId", "week", "accountId", "callerId", "reasons", "status", "createdAt")
      VALUES (${o.orgId}, ${o.week}, ${c.accountId}, ${c.callerId}, ${c.reasons}, 'planned', ${o.now})
      ON CONFLICT ("orgId", "week", "accountId") DO NOTHING`);
  return added;
}

/** Whether a week's lists were made already. */
export async function weekPlanned(db: DbLike, orgId: number, week: string): Promise<boolean> {
  const rows = await runnerOf(db).all(
    sql`SELECT 1 AS "one" FROM "PhoneCall" WHERE "orgId" = ${orgId} AND "week" = ${week} LIMIT 1`,
  );
  return rows.length > 0;
}

/** The latest week with calls planned, up to a week (YYYY-MM-DD Monday); null when none. */
export async function latestCallWeek(db: DbLike, orgId: number, upTo: string): Promise<string | null> {
  const rows = await runnerOf(db).all<{ week: string | null }>(
    sql`SELECT MAX("week") AS "week" FROM "PhoneCall" WHERE "orgId" = ${orgId} AND "week" <= ${upTo}`,
  );
  return rows[0]?.week ?? null;
}

/** A week's calls with their accounts, of one caller or all; by caller, then urgency as planned (id). */
export async function callsOfWeek(
  db: DbLike,
  o: { orgId: number; week: string; callerIds?: string[] },
): Promise<PhoneCallRow[]> {
  const scope = o.callerIds ? sql` AND p."callerId" IN (${sqlSet(o.callerIds)})` : sql``;
  const rows = await runnerOf(db).all(sql`
    SELECT p.*, a."code", a."name", a."kind", a."market" FROM "PhoneCall" p JOIN "Account" a ON a."id" = p."accountId"
    WHERE p."orgId" = ${o.orgId} AND p."week" = ${o.week}${scope}
    ORDER BY p."callerId", p."id"`);
  return rows.map(callFromRow);
}

export async function findPhoneCall(db: DbLike, id: number): Promise<PhoneCallRow | null> {
  const rows = await runnerOf(db).all(sql`
    SELECT p.*, a."code", a."name", a."kind", a."market" FROM "PhoneCall" p JOIN "Account" a ON a."id" = p."accountId"
    WHERE p."id" = ${id}`);
  return rows[0] ? callFromRow(rows[0]) : null;
}

/** Logs a planned call once: a second submission changes nothing (false). */
export async function logPhoneCall(
  db: DbLike,
  o: { id: number; outcome: string; notes: string; nextStep: string; replenishment: string; by: string; now: Date },
): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "PhoneCall" SET "status" = 'made', "outcome" = ${o.outcome}, "notes" = ${o.notes},
      "nextStep" = ${o.nextStep}, "replenishment" = ${o.replenishment}, "loggedBy" = ${o.by}, "loggedAt" = ${o.now}
    WHERE "id" = ${o.id} AND "status" = 'planned'`);
  return changed === 1;
}

/** The newest calls made to an account, for its card. */
export async function lastCallsOf(db: DbLike, accountId: number, take: number): Promise<PhoneCallRow[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT p.*, a."code", a."name", a."kind", a."market" FROM "PhoneCall" p JOIN "Account" a ON a."id" = p."accountId"
    WHERE p."accountId" = ${accountId} AND p."status" = 'made' ORDER BY p."loggedAt" DESC LIMIT ${take}`);
  return rows.map(callFromRow);
}
