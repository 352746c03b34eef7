import type { ResearchResult } from '../../generated/sqlite/client.ts';
import { sql } from '../sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from '../sql/sql-runner.ts';

export type { ResearchResult };

const resultFromRow = rowReader<ResearchResult>({ numbers: ['id', 'orgId', 'taskId'], dates: ['createdAt'] });

export async function createResearchResult(db: DbLike, r: Omit<ResearchResult, 'id'>): Promise<ResearchResult> {
  const rows = await runnerOf(db).all<{ id: number | bigint }>(sql`
    INSERT INTO "ResearchResult" ("orgId", "taskId", "authorId", "competitor", "competitorKey", "location",
      "priceRange", "promotions", "salesSpeed", "customerProfile", "notes", "sourceViewId", "createdAt")
    VALUES (${r.orgId}, ${r.taskId}, ${r.authorId}, ${r.competitor}, ${r.competitorKey}, ${r.location}, ${r.priceRange},
      ${r.promotions}, ${r.salesSpeed}, ${r.customerProfile}, ${r.notes}, ${r.sourceViewId}, ${r.createdAt})
    RETURNING "id"`);
  return { ...r, id: Number(rows[0].id) };
}

export async function findResearchBySourceView(db: DbLike, viewId: string): Promise<ResearchResult | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "ResearchResult" WHERE "sourceViewId" = ${viewId}`);
  return rows[0] ? resultFromRow(rows[0]) : null;
}

/**
 * Results whose folded competitor name contains the folded query (all of them for ''), newest first,
 * with their task's assigner and title.
 */
export async function researchMatching(
  db: DbLike,
  orgId: number,
  key: string,
  take: number,
): Promise<(ResearchResult & { assignerId: string; taskTitle: string })[]> {
  const match = key ? sql` AND r."competitorKey" LIKE ${`%${key}%`}` : sql``;
  const rows = await runnerOf(db).all(sql`
    SELECT r.*, t."assignerId", t."title" AS "taskTitle" FROM "ResearchResult" r JOIN "Task" t ON t."id" = r."taskId"
    WHERE r."orgId" = ${orgId}${match}
    ORDER BY r."createdAt" DESC, r."id" DESC LIMIT ${take}`);
  return rows.map((row) => ({
    ...resultFromRow(row),
    assignerId: String(row.assignerId),
    taskTitle: String(row.taskTitle),
  }));
}

/** The organisation's results filed since an instant, oldest first (the month's price changes). */
export async function researchSince(db: DbLike, orgId: number, since: Date, take: number): Promise<ResearchResult[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "ResearchResult" WHERE "orgId" = ${orgId} AND "createdAt" >= ${since}
    ORDER BY "createdAt", "id" LIMIT ${take}`);
  return rows.map(resultFromRow);
}
