import { sql, sqlList } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

export interface RemindableInvoice {
  id: number;
  number: string;
  dueOn: string;
  openCents: number;
  accountCode: string;
  accountName: string;
  ownerId: string;
  market: string;
  sent: Set<string>;
}

/** The organisation's open invoices due on or before `until`, with the reminder stages already sent. */
export async function remindableInvoices(
  db: DbLike,
  o: { orgId: number; until: string },
): Promise<RemindableInvoice[]> {
  const runner = runnerOf(db);
  const rows = await runner.all<Record<string, unknown>>(sql`
    SELECT i."id", i."number", i."dueOn", i."openCents", a."code", a."name", a."ownerId", a."market"
    FROM "Invoice" i JOIN "Account" a ON a."id" = i."accountId"
    WHERE i."orgId" = ${o.orgId} AND i."openCents" > 0 AND i."dueOn" <= ${o.until}
    ORDER BY i."dueOn", i."id"`);
  const invoices = rows.map((r) => ({
    id: Number(r.id),
    number: String(r.number),
    dueOn: String(r.dueOn),
    openCents: Number(r.openCents),
    accountCode: String(r.code),
    accountName: String(r.name),
    ownerId: String(r.ownerId),
    market: String(r.market),
    sent: new Set<string>(),
  }));
  const byId = new Map(invoices.map((i) => [i.id, i]));
  for (let start = 0; start < invoices.length; start += 500) {
    const ids = invoices.slice(start, start + 500).map((i) => i.id);
    const sent = await runner.all<{ invoiceId: number; stage: string }>(sql`
      SELECT "invoiceId", "stage" FROM "InvoiceReminder" WHERE "invoiceId" IN (${sqlList(ids)})`);
    for (const s of sent) byId.get(Number(s.invoiceId))?.sent.add(s.stage);
  }
  return invoices;
}

/** Marks a stage sent; false when it already was (another run sent it). */
export async function markReminder(db: DbLike, o: { invoiceId: number; stage: string; now: Date }): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    INSERT INTO "InvoiceReminder" ("invoiceId", "stage", "sentAt") VALUES (${o.invoiceId}, ${o.stage}, ${o.now})
    ON CONFLICT ("invoiceId", "stage") DO NOTHING`);
  return changed === 1;
}
