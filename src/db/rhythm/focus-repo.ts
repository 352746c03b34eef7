import type { FocusAck, FocusMarketRow, FocusPlan } from '../../generated/sqlite/client.ts';
import { sql, sqlList, type SqlQuery } from '../sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from '../sql/sql-runner.ts';

export type { FocusAck, FocusPlan };
export type { FocusMarketRow };

const planFromRow = rowReader<FocusPlan>({
  numbers: ['id', 'orgId', 'draftOutboxId'],
  dates: ['approvedAt', 'publishedAt', 'createdAt', 'updatedAt'],
});
const ackFromRow = rowReader<FocusAck>({ numbers: ['focusId', 'outboxId'], dates: ['ackedAt', 'remindedAt'] });

async function plans(db: DbLike, where: SqlQuery, tail: SqlQuery = sql``): Promise<FocusPlan[]> {
  return (await runnerOf(db).all(sql`SELECT * FROM "FocusPlan" WHERE ${where}${tail}`)).map(planFromRow);
}

const thisMonth = (orgId: number, month: string) => sql`"orgId" = ${orgId} AND "month" = ${month}`;

/** A month's work focus (yyyy-MM) of an organisation, in whatever state it is, or null. */
export async function findFocusPlan(db: DbLike, orgId: number, month: string): Promise<FocusPlan | null> {
  return (await plans(db, thisMonth(orgId, month)))[0] ?? null;
}

/** Drafts waiting for approval, by month. */
/** The plan whose draft card is this message (a reply 通過 in its thread approves it). */
export async function findFocusPlanByMessage(db: DbLike, channel: string, ts: string): Promise<FocusPlan | null> {
  const rows = await runnerOf(db).all(sql`
    SELECT f.* FROM "FocusPlan" f JOIN "OutboxMessage" m ON m."id" = f."draftOutboxId"
    WHERE m."sentChannel" = ${channel} AND m."sentTs" = ${ts}`);
  return rows[0] ? planFromRow(rows[0]) : null;
}

export async function focusDrafts(db: DbLike, orgId: number, take: number): Promise<FocusPlan[]> {
  return plans(db, sql`"orgId" = ${orgId} AND "status" = 'draft'`, sql` ORDER BY "month" ASC LIMIT ${take}`);
}

/** Published focuses this person has not acknowledged yet, each with its plan. */
export async function unacknowledgedFocus(
  db: DbLike,
  orgId: number,
  personId: string,
  take: number,
): Promise<(FocusAck & { focus: FocusPlan })[]> {
  const acks = (
    await runnerOf(db).all(sql`
      SELECT a.* FROM "FocusAck" a JOIN "FocusPlan" p ON p."id" = a."focusId"
      WHERE a."personId" = ${personId} AND a."ackedAt" IS NULL AND p."orgId" = ${orgId} AND p."status" = 'published'
      ORDER BY a."focusId" LIMIT ${take}`)
  ).map(ackFromRow);
  const out: (FocusAck & { focus: FocusPlan })[] = [];
  for (const ack of acks) out.push({ ...ack, focus: (await plans(db, sql`"id" = ${ack.focusId}`))[0] });
  return out;
}

async function rowsOf(db: DbLike, focusId: number): Promise<FocusMarketRow[]> {
  const rows = await runnerOf(db).all<{
    focusId: number | bigint;
    marketCode: string;
    targets: string;
    focus_: string;
  }>(
    sql`SELECT "focusId", "marketCode", "targets", "focusText" AS "focus_" FROM "FocusMarketRow"
      WHERE "focusId" = ${focusId} ORDER BY "marketCode"`,
  );
  return rows.map((row) => ({ ...row, focusId: Number(row.focusId) }));
}

async function acksOf(db: DbLike, focusId: number, where: SqlQuery = sql``): Promise<FocusAck[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "FocusAck" WHERE "focusId" = ${focusId}${where} ORDER BY "personId"`);
  return rows.map(ackFromRow);
}

/** A month's focus with its market rows (the draft form), or null. */
export async function focusPlanWithRows(
  db: DbLike,
  orgId: number,
  month: string,
): Promise<(FocusPlan & { rows: FocusMarketRow[] }) | null> {
  const plan = await findFocusPlan(db, orgId, month);
  return plan ? { ...plan, rows: await rowsOf(db, plan.id) } : null;
}

/** A focus by id with its market rows; throws when there is none. */
export async function focusPlanContent(db: DbLike, id: number): Promise<FocusPlan & { rows: FocusMarketRow[] }> {
  const plan = (await plans(db, sql`"id" = ${id}`))[0];
  if (!plan) throw new Error(`no focus plan ${id}`);
  return { ...plan, rows: await rowsOf(db, plan.id) };
}

/** A month's focus with everyone's acknowledgement, or null. */
export async function focusPlanWithAcks(
  db: DbLike,
  orgId: number,
  month: string,
): Promise<(FocusPlan & { acks: FocusAck[] }) | null> {
  const plan = await findFocusPlan(db, orgId, month);
  return plan ? { ...plan, acks: await acksOf(db, plan.id) } : null;
}

/** A focus of this organisation by id, or null. */
export async function findFocusPlanById(db: DbLike, orgId: number, id: number): Promise<FocusPlan | null> {
  return (await plans(db, sql`"id" = ${id} AND "orgId" = ${orgId}`))[0] ?? null;
}

export interface FocusDraftFields {
  main: string;
  secondary1: string;
  secondary2: string;
  draftedBy: string;
  at: Date;
}

/** Saves a month's draft (new, or over an unpublished one, which goes back to draft) and its rows. */
export async function saveFocusDraft(
  db: DbLike,
  o: {
    orgId: number;
    month: string;
    existingId?: number;
    fields: FocusDraftFields;
    rows: { code: string; targets: string; focus: string }[];
  },
): Promise<FocusPlan> {
  const { main, secondary1, secondary2, draftedBy, at } = o.fields;
  const runner = runnerOf(db);
  const saved =
    o.existingId !== undefined
      ? await runner.all(sql`
          UPDATE "FocusPlan" SET "main" = ${main}, "secondary1" = ${secondary1}, "secondary2" = ${secondary2},
            "status" = 'draft', "draftedBy" = ${draftedBy}, "approvedBy" = NULL, "approvedAt" = NULL,
            "updatedAt" = ${at}
          WHERE "id" = ${o.existingId} RETURNING *`)
      : await runner.all(sql`
          INSERT INTO "FocusPlan" ("orgId", "month", "main", "secondary1", "secondary2", "status", "draftedBy",
            "createdAt", "updatedAt")
          VALUES (${o.orgId}, ${o.month}, ${main}, ${secondary1}, ${secondary2}, 'draft', ${draftedBy}, ${at}, ${at})
          RETURNING *`);
  if (!saved[0]) throw new Error(`no focus plan ${o.existingId}`);
  const plan = planFromRow(saved[0]);
  await runner.run(sql`DELETE FROM "FocusMarketRow" WHERE "focusId" = ${plan.id}`);
  for (const row of o.rows)
    await runner.run(sql`
      INSERT INTO "FocusMarketRow" ("focusId", "marketCode", "targets", "focusText")
      VALUES (${plan.id}, ${row.code}, ${row.targets}, ${row.focus})`);
  return plan;
}

/** The leadership conversation's draft card, rewritten on each save. */
export async function setFocusDraftMessage(db: DbLike, id: number, outboxId: number): Promise<void> {
  await runnerOf(db).run(sql`UPDATE "FocusPlan" SET "draftOutboxId" = ${outboxId} WHERE "id" = ${id}`);
}

/** Draft → approved, once: false when it was no longer a draft. */
export async function approveFocusPlan(
  db: DbLike,
  o: { id: number; orgId: number; by: string; at: Date },
): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "FocusPlan" SET "status" = 'approved', "approvedBy" = ${o.by}, "approvedAt" = ${o.at}, "updatedAt" = ${o.at}
    WHERE "id" = ${o.id} AND "orgId" = ${o.orgId} AND "status" = 'draft'`);
  return changed > 0;
}

/** Approved → published, once: false when it was not (or no longer) approved. */
export async function publishFocusPlan(db: DbLike, id: number, at: Date): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "FocusPlan" SET "status" = 'published', "publishedAt" = ${at}, "updatedAt" = ${at}
    WHERE "id" = ${id} AND "status" = 'approved'`);
  return changed > 0;
}

/** The published focuses of these months. */
export async function publishedFocusOf(db: DbLike, orgId: number, months: string[]): Promise<FocusPlan[]> {
  if (months.length === 0) return [];
  const where = sql`"orgId" = ${orgId} AND "month" IN (${sqlList(months)}) AND "status" = 'published'`;
  return plans(db, where, sql` ORDER BY "id"`);
}

/** A person's copy of a published focus and the message that carries it. */
export async function addFocusAck(
  db: DbLike,
  o: { focusId: number; personId: string; outboxId: number },
): Promise<void> {
  await runnerOf(db).run(sql`
    INSERT INTO "FocusAck" ("focusId", "personId", "outboxId") VALUES (${o.focusId}, ${o.personId}, ${o.outboxId})`);
}

export async function findFocusAck(db: DbLike, focusId: number, personId: string): Promise<FocusAck | null> {
  return (await acksOf(db, focusId, sql` AND "personId" = ${personId}`))[0] ?? null;
}

/** Copies neither acknowledged nor reminded yet. */
export async function unremindedFocusAcks(db: DbLike, focusId: number): Promise<FocusAck[]> {
  return acksOf(db, focusId, sql` AND "ackedAt" IS NULL AND "remindedAt" IS NULL`);
}

/** Marks a copy reminded, once: false when it was reminded already. */
export async function markFocusAckReminded(db: DbLike, focusId: number, personId: string, at: Date): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "FocusAck" SET "remindedAt" = ${at}
    WHERE "focusId" = ${focusId} AND "personId" = ${personId} AND "remindedAt" IS NULL`);
  return changed > 0;
}

/** Marks a copy acknowledged, once: false when it was acknowledged already. */
export async function acknowledgeFocusAck(db: DbLike, focusId: number, personId: string, at: Date): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "FocusAck" SET "ackedAt" = ${at}
    WHERE "focusId" = ${focusId} AND "personId" = ${personId} AND "ackedAt" IS NULL`);
  return changed > 0;
}
