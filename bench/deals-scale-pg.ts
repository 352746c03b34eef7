import pg from 'pg';
import { performance } from 'node:perf_hooks';

/** Timestamp(3) columns hold UTC without a zone: a Date as UTC text. */
const utc = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');

/**
 * The same site as seedDeals (bench/deals-scale.ts) written straight into PostgreSQL, set-based
 * (generate_series, INSERT … SELECT): `units` units over ten buildings, `deals` deals with one customer
 * each, a deposit, a balance and a sign-by item each (a seventh overdue and open), and `payments`
 * payments spread over the deals.
 */
export async function seedDealsPg(
  url: string,
  o: { orgId: number; owners: string[]; units: number; deals: number; payments: number; now: Date },
): Promise<number> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const at = utc(o.now);
    const n = o.owners.length;
    await client.query(
      `INSERT INTO "Unit" ("orgId", building, number, floor, layout, "areaCenti", "listPriceCents", state,
        "stateChangedAt", "createdAt", "updatedAt")
       SELECT $1, 'B' || (1 + (i / 300) % 10), (1 + (i / 10) % 30) || lpad((i % 10)::text, 2, '0') || '-' || i,
        1 + (i / 10) % 30, 'A三房', 8950, 254900000, CASE WHEN i % 5 = 0 THEN 'available' ELSE 'contracted' END,
        $2::timestamp, $2::timestamp, $2::timestamp
       FROM generate_series(0, $3::int - 1) AS i`,
      [o.orgId, at, o.units],
    );
    const firstCustomer = Number((await client.query('SELECT COALESCE(MAX(id), 0) AS id FROM "Customer"')).rows[0].id);
    await client.query(
      `INSERT INTO "Customer" ("orgId", phone, name, "ownerId", stage, "stageChangedAt", "visitCount", "firstVisitAt",
        "lastVisitAt", "reminderLevel", "createdAt")
       SELECT $1, '+8618' || lpad(i::text, 9, '0'), '客戶' || i, ($2::text[])[i % $3 + 1], 'reserved', w, 1, w, w, 0, w
       FROM generate_series(0, $4::int - 1) AS i,
        LATERAL (SELECT $5::timestamp - make_interval(days => i % 365) AS w) t
       ORDER BY i`,
      [o.orgId, o.owners, n, o.deals, at],
    );
    const units = (
      await client.query('SELECT array_agg(id ORDER BY id) AS ids FROM "Unit" WHERE "orgId" = $1', [o.orgId])
    ).rows[0].ids as number[];
    const firstDeal = Number((await client.query('SELECT COALESCE(MAX(id), 0) AS id FROM "Deal"')).rows[0].id);
    await client.query(
      `INSERT INTO "Deal" ("orgId", "unitId", "customerId", "ownerId", stage, "stageChangedAt", "listPriceCents",
        "priceCents", "discountCents", "depositCents", "depositDate", "signByDate", "createdAt")
       SELECT $1, ($2::int[])[i % cardinality($2::int[]) + 1], $3::int + i + 1, ($4::text[])[i % $5 + 1],
        CASE WHEN i % 10 = 0 THEN 'reserved' WHEN i % 3 = 0 THEN 'sold' ELSE 'contracted' END, w,
        254900000, 254900000, 0, 5000000, to_char(w, 'YYYY-MM-DD'), to_char(w + interval '7 days', 'YYYY-MM-DD'), w
       FROM generate_series(0, $6::int - 1) AS i,
        LATERAL (SELECT $7::timestamp - make_interval(days => i % 365) AS w) t
       ORDER BY i`,
      [o.orgId, units, firstCustomer, o.owners, n, o.deals, at],
    );
    const late = utc(new Date(o.now.getTime() - 5 * 86_400_000)).slice(0, 10);
    const ahead = utc(new Date(o.now.getTime() + 20 * 86_400_000)).slice(0, 10);
    await client.query(
      `INSERT INTO "DealDueItem" ("orgId", "dealId", "ownerId", kind, "dueDate", "amountCents", "paidCents", "doneAt",
        "reminderLevel")
       SELECT d."orgId", d.id, d."ownerId", k.kind,
        CASE WHEN k.kind = 'deposit' THEN d."depositDate" WHEN late THEN $3 ELSE $4 END,
        k.amount, CASE WHEN late AND k.kind <> 'deposit' THEN 0 ELSE k.amount END,
        CASE WHEN late AND k.kind <> 'deposit' THEN NULL ELSE d."createdAt" END, 0
       FROM "Deal" d, LATERAL (SELECT (d.id - $2 - 1) % 7 = 0 AS late) l,
        (VALUES ('deposit', 5000000), ('final', 249900000), ('sign_by', 0)) AS k(kind, amount)
       WHERE d."orgId" = $1 AND d.id > $2`,
      [o.orgId, firstDeal, late, ahead],
    );
    await client.query(
      `INSERT INTO "DealPayment" ("orgId", "dealId", "amountCents", "receivedOn", kind, by, at)
       SELECT $1, $2::int + i % $3 + 1, 100000, to_char(w, 'YYYY-MM-DD'), 'payment', $4, w
       FROM generate_series(0, $5::int - 1) AS i,
        LATERAL (SELECT $6::timestamp - make_interval(days => i % 365) AS w) t`,
      [o.orgId, firstDeal, o.deals, o.owners[0], o.payments, at],
    );
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
  return (performance.now() - started) / 1000;
}
