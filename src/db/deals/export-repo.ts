import { sql } from '../sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from '../sql/sql-runner.ts';
import { DEAL_SELECT, dealFromRow, type Deal } from './deal-repo.ts';

/** A deal as the export writes it: the deal, when it was contracted, and what stands paid (refunds are negative). */
export interface ExportedDeal extends Deal {
  contractedAt: Date | null;
  paidCents: number;
}

/**
 * Whether anything happened to deal `d` in the period: reserved in [from, to) (instants), any move or step
 * of its history then (contracted, sold, cancelled, a discount decided, …), or a payment or refund received
 * on a day in [fromDay, toDay] (yyyy-MM-dd), the payments sheet's rule, so every payment's deal is listed.
 */
function happenedIn(p: { from: Date; to: Date; fromDay: string; toDay: string }) {
  return sql`((d."createdAt" >= ${p.from} AND d."createdAt" < ${p.to})
    OR EXISTS (SELECT 1 FROM "DealChange" c
      WHERE c."dealId" = d."id" AND c."at" >= ${p.from} AND c."at" < ${p.to})
    OR EXISTS (SELECT 1 FROM "DealPayment" p WHERE p."dealId" = d."id" AND p."undoneAt" IS NULL
      AND p."receivedOn" >= ${p.fromDay} AND p."receivedOn" <= ${p.toDay}))`;
}

/** The deals something happened to in the period (`happenedIn`), oldest first, with what stands paid. */
export async function dealsForExport(
  db: DbLike,
  orgId: number,
  period: { from: Date; to: Date; fromDay: string; toDay: string },
): Promise<ExportedDeal[]> {
  const runner = runnerOf(db);
  const rows = await runner.all(sql`${DEAL_SELECT}
    WHERE d."orgId" = ${orgId} AND ${happenedIn(period)}
    ORDER BY d."id"`);
  const deals = rows.map(dealFromRow);
  if (deals.length === 0) return [];
  const extra = await runner.all<{ id: unknown; contractedAt: unknown; paid: unknown }>(sql`
    SELECT d."id" AS "id", d."contractedAt" AS "contractedAt",
      (SELECT COALESCE(SUM(p."amountCents"), 0)
        FROM "DealPayment" p WHERE p."dealId" = d."id" AND p."undoneAt" IS NULL) AS "paid"
    FROM "Deal" d
    WHERE d."orgId" = ${orgId} AND ${happenedIn(period)}`);
  const read = rowReader<{ id: number; contractedAt: Date | null; paid: number }>({
    numbers: ['id', 'paid'],
    dates: ['contractedAt'],
  });
  const byId = new Map(extra.map((row) => read(row)).map((row) => [row.id, row]));
  return deals.map((d) => ({
    ...d,
    contractedAt: byId.get(d.id)?.contractedAt ?? null,
    paidCents: byId.get(d.id)?.paid ?? 0,
  }));
}

export interface ExportedPayment {
  id: number;
  dealId: number;
  kind: string;
  payer: string;
  amountCents: number;
  receivedOn: string;
  by: string;
  note: string | null;
  ownerId: string;
  building: string;
  unitNumber: string;
  customerName: string;
  contractNo: string | null;
}

/** Payments and refunds received in [from, to] (yyyy-MM-dd), undone ones left out, in the order received. */
export async function paymentsForExport(
  db: DbLike,
  orgId: number,
  from: string,
  to: string,
): Promise<ExportedPayment[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT p."id" AS "id", p."dealId" AS "dealId", p."kind" AS "kind", p."payer" AS "payer",
      p."amountCents" AS "amountCents", p."receivedOn" AS "receivedOn", p."by" AS "by", p."note" AS "note",
      d."ownerId" AS "ownerId", u."building" AS "building", u."number" AS "unitNumber",
      c."name" AS "customerName", d."contractNo" AS "contractNo"
    FROM "DealPayment" p JOIN "Deal" d ON d."id" = p."dealId" JOIN "Unit" u ON u."id" = d."unitId"
      JOIN "Customer" c ON c."id" = d."customerId"
    WHERE p."orgId" = ${orgId} AND p."undoneAt" IS NULL AND p."receivedOn" >= ${from} AND p."receivedOn" <= ${to}
    ORDER BY p."receivedOn", p."id"`);
  return rows.map(rowReader<ExportedPayment>({ numbers: ['id', 'dealId', 'amountCents'], dates: [] }));
}
