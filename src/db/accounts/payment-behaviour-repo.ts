import { averageDaysLate, type PaymentBehaviour } from '../../domain/accounts/payment-behaviour.ts';
import { sql } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

type Sum = { accountId: number | bigint; total: number | bigint | string | null };

/**
 * Each account's payment behaviour from the ledger: invoiced and paid between `from` and `to`
 * (YYYY-MM-DD), days late of what it paid then, and what is past due on `today`. Accounts with
 * none of these are absent.
 */
export async function paymentBehaviours(
  db: DbLike,
  o: { orgId: number; from: string; to: string; today: string },
): Promise<Map<number, PaymentBehaviour>> {
  const runner = runnerOf(db);
  const [invoiced, paid, overdue, settled] = await Promise.all([
    runner.all<Sum>(sql`
      SELECT "accountId", SUM("amountCents") AS "total" FROM "Invoice"
      WHERE "orgId" = ${o.orgId} AND "issuedOn" >= ${o.from} AND "issuedOn" <= ${o.to} GROUP BY "accountId"`),
    runner.all<Sum>(sql`
      SELECT "accountId", SUM("amountCents") AS "total" FROM "Payment"
      WHERE "orgId" = ${o.orgId} AND "receivedOn" >= ${o.from} AND "receivedOn" <= ${o.to} GROUP BY "accountId"`),
    runner.all<Sum>(sql`
      SELECT "accountId", SUM("openCents") AS "total" FROM "Invoice"
      WHERE "orgId" = ${o.orgId} AND "openCents" > 0 AND "dueOn" < ${o.today} GROUP BY "accountId"`),
    runner.all<{ accountId: number | bigint; dueOn: string; receivedOn: string; amountCents: number | bigint }>(sql`
      SELECT p."accountId", i."dueOn", p."receivedOn", a."amountCents" FROM "PaymentAllocation" a
      JOIN "Payment" p ON p."id" = a."paymentId" JOIN "Invoice" i ON i."id" = a."invoiceId"
      WHERE a."orgId" = ${o.orgId} AND p."receivedOn" >= ${o.from} AND p."receivedOn" <= ${o.to}`),
  ]);
  const out = new Map<number, PaymentBehaviour>();
  const of = (id: number | bigint) => {
    const key = Number(id);
    const b = out.get(key) ?? { invoicedCents: 0, paidCents: 0, averageDaysLate: null, overdueCents: 0 };
    out.set(key, b);
    return b;
  };
  for (const r of invoiced) of(r.accountId).invoicedCents = Number(r.total ?? 0);
  for (const r of paid) of(r.accountId).paidCents = Number(r.total ?? 0);
  for (const r of overdue) of(r.accountId).overdueCents = Number(r.total ?? 0);
  const byAccount = new Map<number, { dueOn: string; receivedOn: string; amountCents: number }[]>();
  for (const r of settled) {
    const list = byAccount.get(Number(r.accountId)) ?? [];
    list.push({ dueOn: r.dueOn, receivedOn: r.receivedOn, amountCents: Number(r.amountCents) });
    byAccount.set(Number(r.accountId), list);
  }
  for (const [id, list] of byAccount) of(id).averageDaysLate = averageDaysLate(list);
  return out;
}
