import type { DbOrTx } from '../database.ts';
import type { FocusAck, FocusMarketRow, FocusPlan } from '../../generated/sqlite/client.ts';

export type { FocusAck, FocusPlan };

/** A month's work focus (yyyy-MM) of an organisation, in whatever state it is, or null. */
export async function findFocusPlan(db: DbOrTx, orgId: number, month: string): Promise<FocusPlan | null> {
  return db.focusPlan.findUnique({ where: { orgId_month: { orgId, month } } });
}

/** Drafts waiting for approval, by month. */
export async function focusDrafts(db: DbOrTx, orgId: number, take: number): Promise<FocusPlan[]> {
  return db.focusPlan.findMany({ where: { orgId, status: 'draft' }, orderBy: { month: 'asc' }, take });
}

/** Published focuses this person has not acknowledged yet, each with its plan. */
export async function unacknowledgedFocus(
  db: DbOrTx,
  orgId: number,
  personId: string,
  take: number,
): Promise<(FocusAck & { focus: FocusPlan })[]> {
  const where = { personId, ackedAt: null, focus: { orgId, status: 'published' } };
  return db.focusAck.findMany({ where, include: { focus: true }, take });
}

export type { FocusMarketRow };

/** A month's focus with its market rows (the draft form), or null. */
export async function focusPlanWithRows(
  db: DbOrTx,
  orgId: number,
  month: string,
): Promise<(FocusPlan & { rows: FocusMarketRow[] }) | null> {
  return db.focusPlan.findUnique({ where: { orgId_month: { orgId, month } }, include: { rows: true } });
}

/** A focus by id with its market rows; throws when there is none. */
export async function focusPlanContent(db: DbOrTx, id: number): Promise<FocusPlan & { rows: FocusMarketRow[] }> {
  return db.focusPlan.findUniqueOrThrow({ where: { id }, include: { rows: true } });
}

/** A month's focus with everyone's acknowledgement, or null. */
export async function focusPlanWithAcks(
  db: DbOrTx,
  orgId: number,
  month: string,
): Promise<(FocusPlan & { acks: FocusAck[] }) | null> {
  return db.focusPlan.findUnique({ where: { orgId_month: { orgId, month } }, include: { acks: true } });
}

/** A focus of this organisation by id, or null. */
export async function findFocusPlanById(db: DbOrTx, orgId: number, id: number): Promise<FocusPlan | null> {
  return db.focusPlan.findFirst({ where: { id, orgId } });
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
  db: DbOrTx,
  o: {
    orgId: number;
    month: string;
    existingId?: number;
    fields: FocusDraftFields;
    rows: { code: string; targets: string; focus: string }[];
  },
): Promise<FocusPlan> {
  const { main, secondary1, secondary2, draftedBy, at } = o.fields;
  const data = {
    main,
    secondary1,
    secondary2,
    status: 'draft',
    draftedBy,
    approvedBy: null,
    approvedAt: null,
    updatedAt: at,
  };
  const plan =
    o.existingId !== undefined
      ? await db.focusPlan.update({ where: { id: o.existingId }, data })
      : await db.focusPlan.create({ data: { orgId: o.orgId, month: o.month, createdAt: at, ...data } });
  await db.focusMarketRow.deleteMany({ where: { focusId: plan.id } });
  for (const row of o.rows) {
    const data = { focusId: plan.id, marketCode: row.code, targets: row.targets, focus_: row.focus };
    await db.focusMarketRow.create({ data });
  }
  return plan;
}

/** The leadership conversation's draft card, rewritten on each save. */
export async function setFocusDraftMessage(db: DbOrTx, id: number, outboxId: number): Promise<void> {
  await db.focusPlan.update({ where: { id }, data: { draftOutboxId: outboxId } });
}

/** Draft → approved, once: false when it was no longer a draft. */
export async function approveFocusPlan(
  db: DbOrTx,
  o: { id: number; orgId: number; by: string; at: Date },
): Promise<boolean> {
  const where = { id: o.id, orgId: o.orgId, status: 'draft' };
  const data = { status: 'approved', approvedBy: o.by, approvedAt: o.at, updatedAt: o.at };
  const { count } = await db.focusPlan.updateMany({ where, data });
  return count > 0;
}

/** Approved → published, once: false when it was not (or no longer) approved. */
export async function publishFocusPlan(db: DbOrTx, id: number, at: Date): Promise<boolean> {
  const data = { status: 'published', publishedAt: at, updatedAt: at };
  const { count } = await db.focusPlan.updateMany({ where: { id, status: 'approved' }, data });
  return count > 0;
}

/** The published focuses of these months. */
export async function publishedFocusOf(db: DbOrTx, orgId: number, months: string[]): Promise<FocusPlan[]> {
  return db.focusPlan.findMany({ where: { orgId, month: { in: months }, status: 'published' } });
}

/** A person's copy of a published focus and the message that carries it. */
export async function addFocusAck(
  db: DbOrTx,
  o: { focusId: number; personId: string; outboxId: number },
): Promise<void> {
  await db.focusAck.create({ data: o });
}

export async function findFocusAck(db: DbOrTx, focusId: number, personId: string): Promise<FocusAck | null> {
  return db.focusAck.findUnique({ where: { focusId_personId: { focusId, personId } } });
}

/** Copies neither acknowledged nor reminded yet. */
export async function unremindedFocusAcks(db: DbOrTx, focusId: number): Promise<FocusAck[]> {
  return db.focusAck.findMany({ where: { focusId, ackedAt: null, remindedAt: null } });
}

/** Marks a copy reminded, once: false when it was reminded already. */
export async function markFocusAckReminded(db: DbOrTx, focusId: number, personId: string, at: Date): Promise<boolean> {
  const where = { focusId, personId, remindedAt: null };
  const { count } = await db.focusAck.updateMany({ where, data: { remindedAt: at } });
  return count > 0;
}

/** Marks a copy acknowledged, once: false when it was acknowledged already. */
export async function acknowledgeFocusAck(db: DbOrTx, focusId: number, personId: string, at: Date): Promise<boolean> {
  const where = { focusId, personId, ackedAt: null };
  const { count } = await db.focusAck.updateMany({ where, data: { ackedAt: at } });
  return count > 0;
}
