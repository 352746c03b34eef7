import { sql, sqlSet } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

// The ledger's documents as an ERP import writes them, inside the import's unit of work.

const idOf = (rows: { id: number | bigint }[]) => Number(rows[0].id);

export async function recordOrderChange(
  db: DbLike,
  o: { orgId: number; orderId: number; from: string; to: string; actorId: string; note: string; at: Date },
): Promise<void> {
  await runnerOf(db).run(sql`
    INSERT INTO "OrderChange" ("orgId", "orderId", "fromState", "toState", "actorId", "note", "at")
    VALUES (${o.orgId}, ${o.orderId}, ${o.from}, ${o.to}, ${o.actorId}, ${o.note}, ${o.at})`);
}

/** An order accepted in the ERP: approved, with its lines. */
export async function insertErpOrder(
  db: DbLike,
  o: {
    orgId: number;
    number: string;
    accountId: number;
    market: string;
    ownerId: string;
    actorId: string;
    orderedAt: Date;
    requestedOn: string;
    note: string;
    totalCents: number;
    lines: { sku: string; quantity: number; priceCents: number }[];
    now: Date;
  },
): Promise<number> {
  const runner = runnerOf(db);
  const id = idOf(
    await runner.all<{ id: number }>(sql`
      INSERT INTO "Order" ("orgId", "number", "accountId", "market", "enteredById", "ownerId", "requestedOn", "note",
        "totalCents", "state", "source", "createdAt", "updatedAt")
      VALUES (${o.orgId}, ${o.number}, ${o.accountId}, ${o.market}, ${o.actorId}, ${o.ownerId}, ${o.requestedOn},
        ${o.note}, ${o.totalCents}, 'approved', 'erp', ${o.orderedAt}, ${o.now})
      RETURNING "id"`),
  );
  for (const [index, line] of o.lines.entries())
    await runner.run(sql`
      INSERT INTO "OrderLine" ("orgId", "orderId", "lineNo", "sku", "quantity", "priceCents")
      VALUES (${o.orgId}, ${id}, ${index + 1}, ${line.sku}, ${line.quantity}, ${line.priceCents})`);
  return id;
}

/** A shipment with its lines; the order's lines count what they shipped. Returns the order's new state. */
export async function insertErpShipment(
  db: DbLike,
  o: {
    orgId: number;
    orderId: number;
    number: string;
    shippedOn: string;
    carrier: string;
    waybill: string;
    actorId: string;
    lines: { orderLineId: number; quantity: number }[];
    now: Date;
  },
): Promise<{ id: number; state: string }> {
  const runner = runnerOf(db);
  const id = idOf(
    await runner.all<{ id: number }>(sql`
      INSERT INTO "Shipment" ("orgId", "orderId", "number", "shippedOn", "carrier", "waybill", "recordedById", "source",
        "createdAt")
      VALUES (${o.orgId}, ${o.orderId}, ${o.number}, ${o.shippedOn}, ${o.carrier}, ${o.waybill}, ${o.actorId}, 'erp',
        ${o.now})
      RETURNING "id"`),
  );
  for (const line of o.lines) {
    await runner.run(sql`
      INSERT INTO "ShipmentLine" ("orgId", "shipmentId", "orderLineId", "quantity")
      VALUES (${o.orgId}, ${id}, ${line.orderLineId}, ${line.quantity})`);
    await runner.run(sql`
      UPDATE "OrderLine" SET "shippedQuantity" = "shippedQuantity" + ${line.quantity}
      WHERE "id" = ${line.orderLineId}`);
  }
  const left = await runner.all<{ n: number | bigint }>(sql`
    SELECT COUNT(*) AS "n" FROM "OrderLine" WHERE "orderId" = ${o.orderId} AND "shippedQuantity" < "quantity"`);
  return { id, state: Number(left[0].n) === 0 ? 'shipped' : 'partly_shipped' };
}

/** Moves an order to a state, unless it is in it already; returns the state it was in. */
export async function moveOrderState(
  db: DbLike,
  o: { orderId: number; to: string; from: string[]; now: Date },
): Promise<string | null> {
  const rows = await runnerOf(db).all<{ state: string }>(sql`SELECT "state" FROM "Order" WHERE "id" = ${o.orderId}`);
  const state = rows[0]?.state;
  if (!state || state === o.to || !o.from.includes(state)) return null;
  await runnerOf(db).run(sql`UPDATE "Order" SET "state" = ${o.to}, "updatedAt" = ${o.now} WHERE "id" = ${o.orderId}`);
  return state;
}

/** An order's total and what of it is invoiced so far. */
export async function orderInvoicing(
  db: DbLike,
  orderId: number,
): Promise<{ totalCents: number; invoicedCents: number }> {
  const rows = await runnerOf(db).all<{ total: number | bigint; invoiced: number | bigint | null }>(sql`
    SELECT o."totalCents" AS "total",
      (SELECT SUM(i."amountCents") FROM "Invoice" i WHERE i."orderId" = o."id") AS "invoiced"
    FROM "Order" o WHERE o."id" = ${orderId}`);
  return { totalCents: Number(rows[0]?.total ?? 0), invoicedCents: Number(rows[0]?.invoiced ?? 0) };
}

export async function insertErpInvoice(
  db: DbLike,
  o: {
    orgId: number;
    number: string;
    accountId: number;
    market: string;
    orderId: number | null;
    shipmentId: number | null;
    issuedOn: string;
    dueOn: string;
    amountCents: number;
    now: Date;
  },
): Promise<number> {
  return idOf(
    await runnerOf(db).all<{ id: number }>(sql`
      INSERT INTO "Invoice" ("orgId", "number", "accountId", "market", "orderId", "shipmentId", "issuedOn", "dueOn",
        "amountCents", "openCents", "source", "createdAt")
      VALUES (${o.orgId}, ${o.number}, ${o.accountId}, ${o.market}, ${o.orderId}, ${o.shipmentId}, ${o.issuedOn},
        ${o.dueOn}, ${o.amountCents}, ${o.amountCents}, 'erp', ${o.now})
      RETURNING "id"`),
  );
}

export async function insertErpPayment(
  db: DbLike,
  o: {
    orgId: number;
    number: string;
    accountId: number;
    receivedOn: string;
    amountCents: number;
    unappliedCents: number;
    actorId: string;
    allocations: { invoiceId: number; amountCents: number }[];
    now: Date;
  },
): Promise<number> {
  const runner = runnerOf(db);
  const id = idOf(
    await runner.all<{ id: number }>(sql`
      INSERT INTO "Payment" ("orgId", "number", "accountId", "receivedOn", "amountCents", "unappliedCents",
        "recordedById", "source", "createdAt")
      VALUES (${o.orgId}, ${o.number}, ${o.accountId}, ${o.receivedOn}, ${o.amountCents}, ${o.unappliedCents},
        ${o.actorId}, 'erp', ${o.now})
      RETURNING "id"`),
  );
  for (const a of o.allocations) {
    await runner.run(sql`
      INSERT INTO "PaymentAllocation" ("orgId", "paymentId", "invoiceId", "amountCents")
      VALUES (${o.orgId}, ${id}, ${a.invoiceId}, ${a.amountCents})`);
    await runner.run(
      sql`UPDATE "Invoice" SET "openCents" = "openCents" - ${a.amountCents} WHERE "id" = ${a.invoiceId}`,
    );
  }
  return id;
}

/** The orders of these invoices whose every invoice is paid: settled once they are invoiced. */
export async function paidOrdersOf(db: DbLike, invoiceIds: number[]): Promise<number[]> {
  if (invoiceIds.length === 0) return [];
  const ids = invoiceIds.map(String);
  const rows = await runnerOf(db).all<{ orderId: number | bigint }>(sql`
    SELECT DISTINCT i."orderId" FROM "Invoice" i
    WHERE i."id" IN (SELECT CAST("key" AS INTEGER) FROM (${sqlSet(ids)}) AS "ids")
      AND i."orderId" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "Invoice" j WHERE j."orderId" = i."orderId" AND j."openCents" > 0)`);
  return rows.map((r) => Number(r.orderId));
}
