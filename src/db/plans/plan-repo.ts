import type { SalesPlan, SalesPlanApproval, SalesPlanVersion } from '../../generated/sqlite/client.ts';
import { sql } from '../sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from '../sql/sql-runner.ts';

export type { SalesPlan, SalesPlanApproval, SalesPlanVersion };
export type PlanStatus = 'pending' | 'returned' | 'approved';

const planFromRow = rowReader<SalesPlan>({
  numbers: ['id', 'orgId', 'version', 'cardOutboxId'],
  dates: ['decidedAt', 'publishedAt', 'createdAt', 'updatedAt'],
});
const approvalFromRow = rowReader<SalesPlanApproval>({
  numbers: ['id', 'planId', 'version'],
  dates: ['createdAt'],
});
const versionFromRow = rowReader<SalesPlanVersion>({
  numbers: ['id', 'planId', 'version'],
  dates: ['createdAt'],
});

export async function findPlan(db: DbLike, id: number): Promise<SalesPlan | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "SalesPlan" WHERE "id" = ${id}`);
  return rows[0] ? planFromRow(rows[0]) : null;
}

export async function findPlanVersion(db: DbLike, planId: number, version: number): Promise<SalesPlanVersion | null> {
  const rows = await runnerOf(db).all(
    sql`SELECT * FROM "SalesPlanVersion" WHERE "planId" = ${planId} AND "version" = ${version}`,
  );
  return rows[0] ? versionFromRow(rows[0]) : null;
}

export async function findVersionBySourceView(db: DbLike, viewId: string): Promise<SalesPlanVersion | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "SalesPlanVersion" WHERE "sourceViewId" = ${viewId}`);
  return rows[0] ? versionFromRow(rows[0]) : null;
}

/** The plan whose approval card started this thread. */
export async function findPlanByCard(db: DbLike, channel: string, ts: string): Promise<SalesPlan | null> {
  const rows = await runnerOf(db).all(sql`
    SELECT p.* FROM "SalesPlan" p JOIN "OutboxMessage" m ON m."id" = p."cardOutboxId"
    WHERE m."sentChannel" = ${channel} AND m."sentTs" = ${ts}`);
  return rows[0] ? planFromRow(rows[0]) : null;
}

/** The newest approved plan of a kind whose months include `month`. */
export async function approvedPlanCovering(
  db: DbLike,
  orgId: number,
  kind: string,
  month: string,
): Promise<SalesPlan | null> {
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "SalesPlan" WHERE "orgId" = ${orgId} AND "kind" = ${kind} AND "status" = 'approved'
      AND "fromMonth" <= ${month} AND "toMonth" >= ${month}
    ORDER BY "decidedAt" DESC, "id" DESC LIMIT 1`);
  return rows[0] ? planFromRow(rows[0]) : null;
}

/** An author's plans, newest first. */
export async function plansBy(db: DbLike, orgId: number, authorId: string, take: number): Promise<SalesPlan[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "SalesPlan" WHERE "orgId" = ${orgId} AND "authorId" = ${authorId}
    ORDER BY "createdAt" DESC, "id" DESC LIMIT ${take}`);
  return rows.map(planFromRow);
}

export async function createPlan(
  db: DbLike,
  p: Pick<SalesPlan, 'orgId' | 'kind' | 'authorId' | 'fromMonth' | 'toMonth' | 'createdAt'>,
): Promise<SalesPlan> {
  const rows = await runnerOf(db).all(sql`
    INSERT INTO "SalesPlan" ("orgId", "kind", "authorId", "fromMonth", "toMonth", "status", "version",
      "createdAt", "updatedAt")
    VALUES (${p.orgId}, ${p.kind}, ${p.authorId}, ${p.fromMonth}, ${p.toMonth}, 'pending', 0, ${p.createdAt},
      ${p.createdAt})
    RETURNING *`);
  return planFromRow(rows[0]);
}

/**
 * The next version, made the plan's current one and put back to pending (to be published again once
 * approved), only if the plan is still at
 * `fromVersion` (two submissions at once make one version each, never the same number twice).
 */
export async function addPlanVersion(
  db: DbLike,
  plan: Pick<SalesPlan, 'id' | 'version'>,
  v: Pick<SalesPlanVersion, 'content' | 'authorId' | 'sourceViewId' | 'createdAt'> & {
    fromMonth: string;
    toMonth: string;
    publishOn: string | null;
  },
): Promise<SalesPlanVersion | null> {
  const version = plan.version + 1;
  const moved = await runnerOf(db).all(sql`
    UPDATE "SalesPlan" SET "version" = ${version}, "status" = 'pending', "fromMonth" = ${v.fromMonth},
      "toMonth" = ${v.toMonth}, "publishOn" = ${v.publishOn}, "publishedAt" = NULL, "returnReason" = NULL,
      "decidedBy" = NULL, "decidedAt" = NULL, "updatedAt" = ${v.createdAt}
    WHERE "id" = ${plan.id} AND "version" = ${plan.version} RETURNING "id"`);
  if (moved.length === 0) return null;
  const rows = await runnerOf(db).all(sql`
    INSERT INTO "SalesPlanVersion" ("planId", "version", "content", "authorId", "sourceViewId", "createdAt")
    VALUES (${plan.id}, ${version}, ${v.content}, ${v.authorId}, ${v.sourceViewId}, ${v.createdAt})
    RETURNING *`);
  return versionFromRow(rows[0]);
}

export async function setPlanCard(db: DbLike, id: number, outboxId: number): Promise<void> {
  await runnerOf(db).run(sql`UPDATE "SalesPlan" SET "cardOutboxId" = ${outboxId} WHERE "id" = ${id}`);
}

/** Approves or returns the version that was read; false when someone else decided first or a new version came. */
export async function decidePlan(
  db: DbLike,
  plan: Pick<SalesPlan, 'id' | 'version'>,
  d: { status: 'approved' | 'returned'; by: string; at: Date; reason: string | null; publish?: boolean },
): Promise<boolean> {
  const published = d.publish ? sql`, "publishedAt" = ${d.at}` : sql``;
  const rows = await runnerOf(db).all(sql`
    UPDATE "SalesPlan" SET "status" = ${d.status}, "decidedBy" = ${d.by}, "decidedAt" = ${d.at},
      "returnReason" = ${d.reason}, "updatedAt" = ${d.at}${published}
    WHERE "id" = ${plan.id} AND "version" = ${plan.version} AND "status" = 'pending' RETURNING "id"`);
  return rows.length > 0;
}

/** Marks an approved plan published, once: false when it already was (another run got there first). */
export async function markPlanPublished(db: DbLike, id: number, at: Date): Promise<boolean> {
  const rows = await runnerOf(db).all(sql`
    UPDATE "SalesPlan" SET "publishedAt" = ${at}
    WHERE "id" = ${id} AND "status" = 'approved' AND "publishedAt" IS NULL RETURNING "id"`);
  return rows.length > 0;
}

/** Approved plans not yet published whose publication day (yyyy-MM-dd) has come. */
export async function plansToPublish(db: DbLike, orgId: number, today: string): Promise<SalesPlan[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "SalesPlan" WHERE "orgId" = ${orgId} AND "status" = 'approved' AND "publishedAt" IS NULL
      AND "publishOn" IS NOT NULL AND "publishOn" <= ${today} ORDER BY "id" LIMIT 100`);
  return rows.map(planFromRow);
}

/** One approver's approval of a version, for the role or person they stand for; false if given already. */
export async function addPlanApproval(
  db: DbLike,
  a: Pick<SalesPlanApproval, 'planId' | 'version' | 'approverKey' | 'approverId' | 'createdAt'>,
): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    INSERT INTO "SalesPlanApproval" ("planId", "version", "approverKey", "approverId", "createdAt")
    VALUES (${a.planId}, ${a.version}, ${a.approverKey}, ${a.approverId}, ${a.createdAt})
    ON CONFLICT ("planId", "version", "approverKey") DO NOTHING`);
  return changed === 1;
}

/** The approvals a version has so far. */
export async function planApprovals(db: DbLike, planId: number, version: number): Promise<SalesPlanApproval[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "SalesPlanApproval" WHERE "planId" = ${planId} AND "version" = ${version} ORDER BY "id"`);
  return rows.map(approvalFromRow);
}

/** Holds a pending plan's row for this transaction (PostgreSQL locks it); false once it moved on. */
export async function holdPendingPlan(db: DbLike, plan: Pick<SalesPlan, 'id' | 'version'>, at: Date) {
  const rows = await runnerOf(db).all(sql`
    UPDATE "SalesPlan" SET "updatedAt" = ${at}
    WHERE "id" = ${plan.id} AND "version" = ${plan.version} AND "status" = 'pending' RETURNING "id"`);
  return rows.length > 0;
}
