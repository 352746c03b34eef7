import { sql, sqlAssignments, sqlList } from '../sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from '../sql/sql-runner.ts';

export type ClaimStatus = 'pending' | 'returned' | 'approved' | 'paid';

/** An expense claim as the services see it: the amount an exact safe integer of cents. */
export interface Claim {
  id: number;
  orgId: number;
  number: number;
  claimantId: string;
  amountCents: number;
  category: string;
  spentOn: string;
  month: string;
  account: string;
  description: string;
  receipt: string;
  status: ClaimStatus;
  approvers: string[];
  step: number;
  overBudget: boolean;
  returnReason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  paidBy: string | null;
  paidAt: Date | null;
  version: number;
  sourceViewId: string;
  approvalOutboxId: number | null;
  /** The outbox ids of the claim's earlier cards (each level's before the next): they follow its decisions. */
  earlierCardIds: number[];
  createdAt: Date;
  updatedAt: Date;
}

type Row = Omit<Claim, 'approvers' | 'overBudget' | 'earlierCardIds'> & {
  approvers: string;
  overBudget: unknown;
  earlierCardIds: string;
};
const readRow = rowReader<Row>({
  numbers: ['id', 'orgId', 'number', 'amountCents', 'step', 'version', 'approvalOutboxId'],
  dates: ['decidedAt', 'paidAt', 'createdAt', 'updatedAt'],
});
const claimOf = (raw: Record<string, unknown>): Claim => {
  const row = readRow(raw);
  if (!Number.isSafeInteger(row.amountCents)) throw new Error(`claim amount out of range: ${raw.amountCents}`);
  return {
    ...row,
    approvers: JSON.parse(row.approvers) as string[],
    overBudget: Number(row.overBudget) === 1,
    earlierCardIds: JSON.parse(row.earlierCardIds || '[]') as number[],
  };
};

const COLUMNS = new Set([
  'amountCents',
  'category',
  'spentOn',
  'month',
  'account',
  'description',
  'receipt',
  'status',
  'approvers',
  'step',
  'overBudget',
  'returnReason',
  'decidedBy',
  'decidedAt',
  'paidBy',
  'paidAt',
  'version',
  'approvalOutboxId',
  'earlierCardIds',
  'updatedAt',
]);

export type NewClaim = Pick<
  Claim,
  | 'orgId'
  | 'claimantId'
  | 'amountCents'
  | 'category'
  | 'spentOn'
  | 'month'
  | 'account'
  | 'description'
  | 'receipt'
  | 'approvers'
  | 'overBudget'
  | 'sourceViewId'
  | 'createdAt'
>;

/** Files a claim with the organisation's next number (inside the filing transaction). */
export async function insertClaim(db: DbLike, c: NewClaim): Promise<Claim> {
  const run = runnerOf(db);
  // the counter's row lock (PostgreSQL) or the single writer (SQLite) serialises claimants; a rollback gives it back
  const [taken] = await run.all<{ last: number | bigint }>(sql`
    INSERT INTO "ExpenseClaimCounter" ("orgId", "last") VALUES (${c.orgId}, 1)
    ON CONFLICT ("orgId") DO UPDATE SET "last" = "ExpenseClaimCounter"."last" + 1
    RETURNING "last"`);
  const number = Number(taken.last);
  const rows = await run.all(sql`
    INSERT INTO "ExpenseClaim" ("orgId", "number", "claimantId", "amountCents", "category", "spentOn", "month",
      "account", "description", "receipt", "status", "approvers", "step", "overBudget", "version", "sourceViewId",
      "createdAt", "updatedAt")
    VALUES (${c.orgId}, ${number}, ${c.claimantId}, ${c.amountCents}, ${c.category}, ${c.spentOn}, ${c.month},
      ${c.account}, ${c.description}, ${c.receipt}, 'pending', ${JSON.stringify(c.approvers)}, 0,
      ${c.overBudget ? 1 : 0}, 1, ${c.sourceViewId}, ${c.createdAt}, ${c.createdAt})
    RETURNING *`);
  return claimOf(rows[0]);
}

export async function findClaim(db: DbLike, id: number): Promise<Claim | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "ExpenseClaim" WHERE "id" = ${id}`);
  return rows[0] ? claimOf(rows[0]) : null;
}

export async function findClaimByNumber(db: DbLike, orgId: number, number: number): Promise<Claim | null> {
  const rows = await runnerOf(db).all(
    sql`SELECT * FROM "ExpenseClaim" WHERE "orgId" = ${orgId} AND "number" = ${number}`,
  );
  return rows[0] ? claimOf(rows[0]) : null;
}

export async function findClaimBySourceView(db: DbLike, viewId: string): Promise<Claim | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "ExpenseClaim" WHERE "sourceViewId" = ${viewId}`);
  return rows[0] ? claimOf(rows[0]) : null;
}

/** The claim whose approval card is this message (a reply 通過 under it approves). */
export async function findClaimByApprovalMessage(db: DbLike, channel: string, ts: string): Promise<Claim | null> {
  const rows = await runnerOf(db).all(sql`
    SELECT c.* FROM "ExpenseClaim" c JOIN "OutboxMessage" m ON m."id" = c."approvalOutboxId"
    WHERE m."sentChannel" = ${channel} AND m."sentTs" = ${ts}`);
  return rows[0] ? claimOf(rows[0]) : null;
}

type ClaimChange = Partial<Omit<Claim, 'approvers' | 'overBudget' | 'earlierCardIds'>> & {
  approvers?: string[];
  overBudget?: boolean;
  earlierCardIds?: number[];
};

/**
 * Moves a claim on from the state (and approval step) it was read in. False when another click,
 * reply or instance got there first: a double approval acts once.
 */
export async function transitionClaim(
  db: DbLike,
  id: number,
  from: { status: ClaimStatus[]; step?: number },
  change: ClaimChange,
): Promise<Claim | null> {
  const values: Record<string, unknown> = { ...change };
  if (change.approvers) values.approvers = JSON.stringify(change.approvers);
  if (change.earlierCardIds) values.earlierCardIds = JSON.stringify(change.earlierCardIds);
  if (change.overBudget !== undefined) values.overBudget = change.overBudget ? 1 : 0;
  const step = from.step === undefined ? sql`` : sql` AND "step" = ${from.step}`;
  const rows = await runnerOf(db).all(sql`
    UPDATE "ExpenseClaim" SET ${sqlAssignments(values, COLUMNS)}
    WHERE "id" = ${id} AND "status" IN (${sqlList(from.status)})${step} RETURNING *`);
  return rows[0] ? claimOf(rows[0]) : null;
}

/**
 * Spend per person and category over some months: claims approved or paid, and with `committed`
 * also those still waiting (what a new claim is checked against its budget with).
 */
export async function spendByPerson(
  db: DbLike,
  orgId: number,
  months: string[],
  o: { committed?: boolean; exceptId?: number } = {},
): Promise<Map<string, Map<string, number>>> {
  const statuses = o.committed ? ['approved', 'paid', 'pending'] : ['approved', 'paid'];
  const rows = await runnerOf(db).all<{ claimantId: string; category: string; total: unknown }>(sql`
    SELECT "claimantId", "category", SUM("amountCents") AS "total" FROM "ExpenseClaim"
    WHERE "orgId" = ${orgId} AND "month" IN (${sqlList(months)}) AND "status" IN (${sqlList(statuses)})
      AND "id" <> ${o.exceptId ?? 0}
    GROUP BY "claimantId", "category"`);
  const out = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const perPerson = out.get(row.claimantId) ?? new Map<string, number>();
    perPerson.set(row.category, Number(row.total ?? 0));
    out.set(row.claimantId, perPerson);
  }
  return out;
}

/** A person's latest claims, and the organisation's claims in some months (for lists and the export). */
export async function claimsOf(db: DbLike, orgId: number, claimantId: string, take: number): Promise<Claim[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "ExpenseClaim" WHERE "orgId" = ${orgId} AND "claimantId" = ${claimantId}
    ORDER BY "id" DESC LIMIT ${take}`);
  return rows.map(claimOf);
}

export async function pendingClaims(db: DbLike, orgId: number): Promise<Claim[]> {
  const rows = await runnerOf(db).all(
    sql`SELECT * FROM "ExpenseClaim" WHERE "orgId" = ${orgId} AND "status" = 'pending' ORDER BY "id"`,
  );
  return rows.map(claimOf);
}

/** Approved claims not paid yet, oldest first: what a payer (SSG, finance; a site's 女專) has to pay. */
export async function claimsToPay(db: DbLike, orgId: number, limit: number): Promise<Claim[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "ExpenseClaim" WHERE "orgId" = ${orgId} AND "status" = 'approved' ORDER BY "id" LIMIT ${limit}`);
  return rows.map(claimOf);
}

export async function claimsInMonths(db: DbLike, orgId: number, months: string[]): Promise<Claim[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "ExpenseClaim" WHERE "orgId" = ${orgId} AND "month" IN (${sqlList(months)})
    ORDER BY "spentOn", "number"`);
  return rows.map(claimOf);
}
