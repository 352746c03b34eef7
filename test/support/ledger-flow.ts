import { moveExposure, readExposure, type Exposure } from '../../src/db/orders/exposure-repo.ts';
import { sql } from '../../src/db/sql/sql-query.ts';
import { runnerOf } from '../../src/db/sql/sql-runner.ts';
import type { Db } from '../../src/db/unit-of-work.ts';
import { answerText, type Harness } from './harness.ts';
import { waitFor } from './visit-flow.ts';

export interface OrderLineInput {
  sku: string;
  quantity: number;
  priceCents: number;
}

/**
 * An approved order as the order work would leave it (SO-…, its lines, its amount counted in the
 * account's open orders), for the ledger's tests; the order entry itself is not under test here.
 */
export async function insertApprovedOrder(
  db: Db,
  o: { accountCode: string; number: string; lines: OrderLineInput[]; now: Date; state?: string },
): Promise<number> {
  const runner = runnerOf(db);
  const [account] = await runner.all<{ id: number; orgId: number; market: string; ownerId: string }>(sql`
    SELECT "id", "orgId", "market", "ownerId" FROM "Account" WHERE "code" = ${o.accountCode}`);
  const accountId = Number(account.id);
  const orgId = Number(account.orgId);
  const total = o.lines.reduce((sum, l) => sum + l.quantity * l.priceCents, 0);
  const [order] = await runner.all<{ id: number | bigint }>(sql`
    INSERT INTO "Order" ("orgId", "number", "accountId", "market", "enteredById", "ownerId", "requestedOn",
      "totalCents", "state", "createdAt", "updatedAt")
    VALUES (${orgId}, ${o.number}, ${accountId}, ${account.market}, 'U0CSREP001', ${account.ownerId}, '2026-11-30',
      ${total}, ${o.state ?? 'approved'}, ${o.now}, ${o.now})
    RETURNING "id"`);
  const orderId = Number(order.id);
  for (const [i, line] of o.lines.entries())
    await runner.run(sql`
      INSERT INTO "OrderLine" ("orgId", "orderId", "lineNo", "sku", "quantity", "priceCents")
      VALUES (${orgId}, ${orderId}, ${i + 1}, ${line.sku}, ${line.quantity}, ${line.priceCents})`);
  await moveExposure(db, { orgId, accountId, ordersCents: total, receivableCents: 0, now: o.now });
  return orderId;
}

export async function exposureOf(db: Db, accountCode: string): Promise<Exposure> {
  const [account] = await runnerOf(db).all<{ id: number }>(
    sql`SELECT "id" FROM "Account" WHERE "code" = ${accountCode}`,
  );
  return readExposure(db, Number(account.id));
}

export async function orderState(db: Db, number: string): Promise<string> {
  const [row] = await runnerOf(db).all<{ state: string }>(sql`SELECT "state" FROM "Order" WHERE "number" = ${number}`);
  return row.state;
}

export async function openOf(db: Db, invoice: string): Promise<number> {
  const [row] = await runnerOf(db).all<{ openCents: number }>(sql`
    SELECT "openCents" FROM "Invoice" WHERE "number" = ${invoice}`);
  return Number(row.openCents);
}

/** The private answer to a slash command, whether in the ack or by response_url. */
export async function commandAnswer(h: Harness, userId: string, command: string, text: string): Promise<string> {
  const before = h.fake.callsTo('response_url').length;
  const response = await h.driver.command(userId, command, text);
  if (response.json && Object.keys(response.json).length > 0) return answerText(response.json);
  await waitFor(() => h.fake.callsTo('response_url').length > before, 'the answer');
  return answerText(h.fake.callsTo('response_url').at(-1)!.args);
}
