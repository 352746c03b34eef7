import { sql } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

export async function insertPayment(
  db: DbLike,
  o: {
    orgId: number;
    number: string;
    accountId: number;
    receivedOn: string;
    amountCents: number;
    unappliedCents: number;
    recordedById: string;
    now: Date;
  },
): Promise<number> {
  const rows = await runnerOf(db).all<{ id: number | bigint }>(sql`
    INSERT INTO "Payment" ("orgId", "number", "accountId", "receivedOn", "amountCents", "unappliedCents",
      "recordedById", "createdAt")
    VALUES (${o.orgId}, ${o.number}, ${o.accountId}, ${o.receivedOn}, ${o.amountCents}, ${o.unappliedCents},
      ${o.recordedById}, ${o.now})
    RETURNING "id"`);
  return Number(rows[0].id);
}

export async function insertAllocation(
  db: DbLike,
  o: { orgId: number; paymentId: number; invoiceId: number; amountCents: number },
): Promise<void> {
  await runnerOf(db).run(sql`
    INSERT INTO "PaymentAllocation" ("orgId", "paymentId", "invoiceId", "amountCents")
    VALUES (${o.orgId}, ${o.paymentId}, ${o.invoiceId}, ${o.amountCents})`);
}

export async function insertCreditNote(
  db: DbLike,
  o: {
    orgId: number;
    number: string;
    accountId: number;
    invoiceId: number | null;
    kind: 'rebate' | 'credit_note';
    amountCents: number;
    reason: string;
    recordedById: string;
    now: Date;
  },
): Promise<number> {
  const rows = await runnerOf(db).all<{ id: number | bigint }>(sql`
    INSERT INTO "CreditNote" ("orgId", "number", "accountId", "invoiceId", "kind", "amountCents", "reason",
      "recordedById", "createdAt")
    VALUES (${o.orgId}, ${o.number}, ${o.accountId}, ${o.invoiceId}, ${o.kind}, ${o.amountCents}, ${o.reason},
      ${o.recordedById}, ${o.now})
    RETURNING "id"`);
  return Number(rows[0].id);
}
