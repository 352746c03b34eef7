import { sql } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

export interface ShipmentRow {
  id: number;
  orgId: number;
  orderId: number;
  number: string;
  shippedOn: string;
  carrier: string;
  waybill: string;
  recordedById: string;
  deliveredOn: string;
  deliveredById: string;
}

/** A shipment and its lines, in one unit of work with the order lines it ships from. */
export async function insertShipment(
  db: DbLike,
  o: {
    orgId: number;
    orderId: number;
    number: string;
    shippedOn: string;
    carrier: string;
    waybill: string;
    recordedById: string;
    lines: { orderLineId: number; quantity: number }[];
    now: Date;
  },
): Promise<number> {
  const runner = runnerOf(db);
  const rows = await runner.all<{ id: number | bigint }>(sql`
    INSERT INTO "Shipment" ("orgId", "orderId", "number", "shippedOn", "carrier", "waybill", "recordedById",
      "createdAt")
    VALUES (${o.orgId}, ${o.orderId}, ${o.number}, ${o.shippedOn}, ${o.carrier}, ${o.waybill}, ${o.recordedById},
      ${o.now})
    RETURNING "id"`);
  const id = Number(rows[0].id);
  for (const line of o.lines)
    await runner.run(sql`
      INSERT INTO "ShipmentLine" ("orgId", "shipmentId", "orderLineId", "quantity")
      VALUES (${o.orgId}, ${id}, ${line.orderLineId}, ${line.quantity})`);
  return id;
}

export async function findShipment(db: DbLike, id: number): Promise<ShipmentRow | null> {
  const rows = await runnerOf(db).all<Record<string, unknown>>(sql`
    SELECT "id", "orgId", "orderId", "number", "shippedOn", "carrier", "waybill", "recordedById", "deliveredOn",
      "deliveredById"
    FROM "Shipment" WHERE "id" = ${id}`);
  const r = rows[0];
  if (!r) return null;
  return {
    id: Number(r.id),
    orgId: Number(r.orgId),
    orderId: Number(r.orderId),
    number: String(r.number),
    shippedOn: String(r.shippedOn),
    carrier: String(r.carrier),
    waybill: String(r.waybill),
    recordedById: String(r.recordedById),
    deliveredOn: String(r.deliveredOn),
    deliveredById: String(r.deliveredById),
  };
}

/** Marks a shipment delivered, once: false when it already was. */
export async function markDelivered(db: DbLike, o: { id: number; on: string; byId: string }): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "Shipment" SET "deliveredOn" = ${o.on}, "deliveredById" = ${o.byId}
    WHERE "id" = ${o.id} AND "deliveredOn" = ''`);
  return changed === 1;
}

/** The carriers named in the organisation's logistics table, for the shipment form. */
export async function carriersOf(db: DbLike, orgId: number): Promise<string[]> {
  const rows = await runnerOf(db).all<{ carrier: string }>(sql`
    SELECT DISTINCT "carrier" FROM "AccountLogistics" WHERE "orgId" = ${orgId} AND "carrier" <> ''
    ORDER BY "carrier"`);
  return rows.map((r) => r.carrier);
}

/** The account's own carrier in the logistics table, if it has a line. */
export async function accountCarrier(db: DbLike, accountId: number): Promise<string | undefined> {
  const rows = await runnerOf(db).all<{ carrier: string }>(sql`
    SELECT "carrier" FROM "AccountLogistics" WHERE "accountId" = ${accountId}`);
  return rows[0]?.carrier || undefined;
}

/** What the shipment's message shows, rebuilt from the tables: its order, account, lines and invoice. */
export async function shipmentDetails(db: DbLike, shipmentId: number) {
  const runner = runnerOf(db);
  const rows = await runner.all<Record<string, unknown>>(sql`
    SELECT s."id", s."number", s."shippedOn", s."carrier", s."waybill", o."id" AS "orderId", o."number" AS "order",
      o."state", o."accountId", a."code", a."name",
      i."number" AS "invoice", i."amountCents", i."dueOn"
    FROM "Shipment" s JOIN "Order" o ON o."id" = s."orderId" JOIN "Account" a ON a."id" = o."accountId"
      LEFT JOIN "Invoice" i ON i."shipmentId" = s."id"
    WHERE s."id" = ${shipmentId}`);
  const r = rows[0];
  if (!r) return null;
  const lines = await runner.all<Record<string, unknown>>(sql`
    SELECT l."sku", COALESCE(p."name", l."sku") AS "name", sl."quantity"
    FROM "ShipmentLine" sl JOIN "OrderLine" l ON l."id" = sl."orderLineId"
      LEFT JOIN "Product" p ON p."orgId" = l."orgId" AND p."sku" = l."sku"
    WHERE sl."shipmentId" = ${shipmentId} ORDER BY l."lineNo"`);
  return {
    orderId: Number(r.orderId),
    orderState: String(r.state),
    accountId: Number(r.accountId),
    shown: {
      shipmentId: Number(r.id),
      shipment: String(r.number),
      order: String(r.order),
      accountCode: String(r.code),
      accountName: String(r.name),
      shippedOn: String(r.shippedOn),
      carrier: String(r.carrier),
      waybill: String(r.waybill),
      lines: lines.map((l) => ({ sku: String(l.sku), name: String(l.name), quantity: Number(l.quantity) })),
      invoice: String(r.invoice ?? ''),
      amountCents: Number(r.amountCents ?? 0),
      dueOn: String(r.dueOn ?? ''),
    },
  };
}
