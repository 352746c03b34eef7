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
    /** what settled no invoice: applied to the account's next invoices */
    unappliedCents?: number;
    reason: string;
    recordedById: string;
    now: Date;
  },
): Promise<number> {
  const rows = await runnerOf(db).all<{ id: number | bigint }>(sql`
    INSERT INTO "CreditNote" ("orgId", "number", "accountId", "invoiceId", "kind", "amountCents", "unappliedCents",
      "reason", "recordedById", "createdAt")
    VALUES (${o.orgId}, ${o.number}, ${o.accountId}, ${o.invoiceId}, ${o.kind}, ${o.amountCents},
      ${o.unappliedCents ?? 0}, ${o.reason}, ${o.recordedById}, ${o.now})
    RETURNING "id"`);
  return Number(rows[0].id);
}

/** Money received or credited that settles no invoice yet: a payment or a credit note. */
export interface UnappliedCredit {
  kind: 'Payment' | 'CreditNote';
  id: number;
  unappliedCents: number;
}

/** The account's payments, then credit notes, with something unapplied, oldest first. */
export async function unappliedOf(db: DbLike, accountId: number): Promise<UnappliedCredit[]> {
  const runner = runnerOf(db);
  const payments = await runner.all<Record<string, unknown>>(sql`
    SELECT "id", "unappliedCents" FROM "Payment" WHERE "accountId" = ${accountId} AND "unappliedCents" > 0
    ORDER BY "receivedOn", "id"`);
  const notes = await runner.all<Record<string, unknown>>(sql`
    SELECT "id", "unappliedCents" FROM "CreditNote" WHERE "accountId" = ${accountId} AND "unappliedCents" > 0
    ORDER BY "createdAt", "id"`);
  const row = (kind: UnappliedCredit['kind']) => (r: Record<string, unknown>) => ({
    kind,
    id: Number(r.id),
    unappliedCents: Number(r.unappliedCents),
  });
  return [...payments.map(row('Payment')), ...notes.map(row('CreditNote'))];
}

/** Takes an amount off a payment's or credit note's unapplied rest: false when it has less left. */
export async function takeUnapplied(db: DbLike, credit: UnappliedCredit, cents: number): Promise<boolean> {
  const runner = runnerOf(db);
  const changed =
    credit.kind === 'Payment'
      ? await runner.run(sql`UPDATE "Payment" SET "unappliedCents" = "unappliedCents" - ${cents}
          WHERE "id" = ${credit.id} AND "unappliedCents" >= ${cents}`)
      : await runner.run(sql`UPDATE "CreditNote" SET "unappliedCents" = "unappliedCents" - ${cents}
          WHERE "id" = ${credit.id} AND "unappliedCents" >= ${cents}`);
  return changed === 1;
}
