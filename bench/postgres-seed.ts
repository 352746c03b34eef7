import pg from 'pg';
import { performance } from 'node:perf_hooks';

/**
 * The data-scale rows written straight into PostgreSQL, set-based (generate_series, INSERT … SELECT)
 * so that ten million rows take minutes, not hours. The same shapes as the SQLite seeds beside them.
 */
const CHUNK = 1_000_000;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Timestamp(3) columns hold UTC without a zone: a Date as UTC text. */
const utc = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');

/** `count` approved registrations over the week from `from`, and the per-day counts approval and filing keep. */
export async function seedVisitsPg(
  url: string,
  o: {
    orgId: number;
    filers: string[];
    approvers: Record<string, string>;
    from: Date;
    count: number;
    timeZone: string;
  },
): Promise<number> {
  const started = performance.now();
  await withClient(url, async (client) => {
    const before = Number((await client.query('SELECT COALESCE(MAX(id), 0) AS id FROM "Visit"')).rows[0].id);
    // registrations are numbered per organisation, after any the load test filed
    const lastNumber = Number(
      (await client.query('SELECT COALESCE(MAX(number), 0) AS n FROM "Visit" WHERE "orgId" = $1', [o.orgId])).rows[0].n,
    );
    const approvers = o.filers.map((id) => o.approvers[id]);
    for (let start = 0; start < o.count; start += CHUNK) {
      const end = Math.min(o.count, start + CHUNK) - 1;
      await client.query(
        `INSERT INTO "Visit" ("orgId", kind, "filerId", "approverId", "customerName", phone, "visitAt", ` +
          `"partySize", source, "visitType", grade, budget, "unitType", notes, account, purpose, outcome, ` +
          `"nextStep", status, "sourceViewId", version, number, "createdAt", "updatedAt")
         SELECT $1, ` +
          `'property', ($2::text[])[i % cardinality($2::text[]) + 1], ($3::text[])[i % cardinality($2::text[]) + 1],` +
          ` '客戶',
           '+8613' || lpad(i::text, 9, '0'), at, 1, (ARRAY['walk_in','referral','online',` +
          `'outdoor_ad','event','phone','other'])[i % 7 + 1],
           CASE WHEN i % 3 = 0 THEN 'revisit' ELSE ` +
          `'first' END, (ARRAY['A','B','C','D'])[i % 4 + 1], '', '', '', '', '', '', '', 'approved', 'bench-' || i, ` +
          `1, $8::int + i + 1, at, at
         FROM generate_series($4::int, $5::int) AS i, LATERAL (SELECT $6::` +
          `timestamp + make_interval(secs => floor(i::float8 / $7 * 604800)) AS at) t`,
        [o.orgId, o.filers, approvers, start, end, utc(o.from), o.count, lastNumber],
      );
    }
    await client.query(
      'INSERT INTO "VisitCounter" ("orgId", last) VALUES ($1, $2) ON CONFLICT ("orgId") DO UPDATE SET last = ' +
        'excluded.last',
      [o.orgId, lastNumber + o.count],
    );
    await client.query(
      `INSERT INTO "VisitDayCount" ("orgId", day, source, grade, "visitType", "filerId", count)
       SELECT ` +
        `"orgId", to_char(("visitAt" AT TIME ZONE 'UTC') AT TIME ZONE $2, 'YYYY-MM-DD'), source, grade, ` +
        `"visitType", "filerId", COUNT(*)
       FROM "Visit" WHERE id > $1 GROUP BY 1, 2, 3, 4, 5, 6
       ON ` +
        `CONFLICT ("orgId", day, source, grade, "visitType", "filerId") DO UPDATE SET count = ` +
        `"VisitDayCount".count + excluded.count`,
      [before, o.timeZone],
    );
    // and the per-day filing counts that filing keeps (VisitFilingDayCount)
    await client.query(
      `INSERT INTO "VisitFilingDayCount" ("orgId", "filerId", day, count)
       SELECT "orgId", "filerId", to_char(("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE $2, 'YYYY-MM-DD'), COUNT(*)
       FROM "Visit" WHERE id > $1 GROUP BY 1, 2, 3
       ON CONFLICT ("orgId", "filerId", day) DO UPDATE SET count = "VisitFilingDayCount".count + excluded.count`,
      [before, o.timeZone],
    );
    await client.query('ANALYZE "Visit"; ANALYZE "VisitDayCount"; ANALYZE "VisitFilingDayCount"');
  });
  return (performance.now() - started) / 1000;
}

/** `count` issue reports over the year before `until`, most resolved. */
export async function seedIssuesPg(
  url: string,
  o: { orgId: number; reporters: string[]; handlers: Record<string, string>; until: Date; count: number },
): Promise<number> {
  const started = performance.now();
  const year = o.until.getUTCFullYear();
  const from = new Date(o.until.getTime() - 365 * 86_400_000);
  await withClient(url, async (client) => {
    const first =
      Number(
        (
          await client.query(
            'SELECT COALESCE(MAX(seq), 0) AS seq FROM "IssueReport" WHERE "orgId" = $1 AND year = $2',
            [o.orgId, year],
          )
        ).rows[0].seq,
      ) + 1;
    const handlers = o.reporters.map((id) => o.handlers[id]);
    for (let start = 0; start < o.count; start += CHUNK) {
      const end = Math.min(o.count, start + CHUNK) - 1;
      await client.query(
        `INSERT INTO "IssueReport" ("orgId", number, year, seq, "reporterId", category, severity, title, ` +
          `description, subject, status, "handlerId", "escalationLevel", "ackDeadlineAt", "sourceViewId", ` +
          `"createdAt", "updatedAt")
         SELECT $1, CASE WHEN cat LIKE 'osb_%' THEN 'OSB' ELSE 'ISS' END || ` +
          `'-' || $2::int || '-' || lpad(($3::int + i)::text, greatest(4, length(($3::int + i)::text)), '0'), $2::` +
          `int, $3::int + i,
           ($4::text[])[i % cardinality($4::text[]) + 1], cat, 'normal', '壓測問題', ` +
          `'', '',
           (ARRAY['resolved','resolved','resolved','acknowledged','open'])[i % 5 + 1], ($5::` +
          `text[])[i % cardinality($4::text[]) + 1], 0,
           at + interval '2 days', 'bench-issue-' || i, at, ` +
          `at
         FROM generate_series($6::int, $7::int) AS i,
           LATERAL (SELECT (ARRAY['osb_order',` +
          `'osb_billing','osb_shipment','market','complaint','internal','product'])[i % 7 + 1] AS cat,
             ` +
          `$8::timestamp + make_interval(secs => floor(i::float8 / $9 * 31536000)) AS at) t`,
        [o.orgId, year, first, o.reporters, handlers, start, end, utc(from), o.count],
      );
    }
    // as autovacuum leaves a table some time after a bulk load: the digest's counts are index-only
    // scans, which need the visibility map a freshly loaded table does not have yet
    await client.query('VACUUM ANALYZE "IssueReport"');
  });
  return (performance.now() - started) / 1000;
}

/** `count` actuals over 12 months for these people, and the per-month totals kept beside them. */
export async function seedActualsPg(
  url: string,
  o: { orgId: number; people: string[]; year: number; count: number },
): Promise<number> {
  const started = performance.now();
  await withClient(url, async (client) => {
    for (let start = 0; start < o.count; start += CHUNK) {
      const end = Math.min(o.count, start + CHUNK) - 1;
      await client.query(
        `INSERT INTO "Actual" ("orgId", month, "personId", "marketCode", account, metric, value, source, ` +
          `"createdBy", "createdAt")
         SELECT $1, $2 || '-' || lpad(((i / n) % 12 + 1)::text, 2, '0'), p, '',` +
          ` '經銷商', (ARRAY['amount','volume','coverage'])[(i / (n * 12)) % 3 + 1],
           (i % 97) * 100, ` +
          `'manual', p, $3::timestamp
         FROM generate_series($5::int, $6::int) AS i,
           LATERAL ` +
          `(SELECT cardinality($4::text[]) AS n, ($4::text[])[i % cardinality($4::text[]) + 1] AS p) t`,
        [o.orgId, String(o.year), `${o.year}-06-01 00:00:00`, o.people, start, end],
      );
    }
    await client.query(
      `INSERT INTO "ActualTotal" ("orgId", "personId", month, metric, value)
       SELECT "orgId", "personId", month, metric, SUM(value) FROM "Actual" WHERE "orgId" = $1 GROUP BY 1, 2, 3, 4
       ON CONFLICT ("orgId", metric, month, "personId") DO UPDATE SET value = excluded.value`,
      [o.orgId],
    );
    await client.query('ANALYZE "Actual"; ANALYZE "ActualTotal"');
  });
  return (performance.now() - started) / 1000;
}

/** The scan nodes PostgreSQL plans for each statement: proof the reads use an index. */
export async function explainPg(
  url: string,
  statements: Record<string, [string, unknown[]]>,
): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    const plans: Record<string, string> = {};
    for (const [name, [text, args]] of Object.entries(statements)) {
      const rows = (await client.query(`EXPLAIN ${text}`, args)).rows as { 'QUERY PLAN': string }[];
      const scans = rows
        .map((row) => row['QUERY PLAN'].trim().replace(/^->\s*/, ''))
        .filter((line) => /Scan/.test(line));
      plans[name] = scans.map((line) => line.replace(/\s+\(cost=.*$/, '')).join('; ');
    }
    return plans;
  });
}

/** The statements behind the analysis, a digest and the OSB register, as PostgreSQL plans them. */
export function explainPostgresReads(url: string, subtree: string[]): Promise<Record<string, string>> {
  const since = '2026-11-19 00:00:00';
  return explainPg(url, {
    'weekly analysis': [
      `SELECT source, grade, "visitType", "filerId", SUM(count) FROM "VisitDayCount" WHERE "orgId" = 1 AND day >= ` +
        `'2026-11-23' AND day < '2026-11-30' GROUP BY 1, 2, 3, 4`,
      [],
    ],
    'digest: new registrations, the days after the first': [
      `SELECT SUM(count) FROM "VisitFilingDayCount" WHERE "orgId" = 1 AND "filerId" = ANY($1) AND day > '2026-11-19'`,
      [subtree],
    ],
    'digest: new registrations, the rest of the first day': [
      `SELECT COUNT(*) FROM "Visit"
       WHERE "orgId" = 1 AND "filerId" = ANY($1) AND "createdAt" >= $2 AND "createdAt" < $3`,
      [subtree, since, '2026-11-19 16:00:00'],
    ],
    'digest: new issues': [
      `SELECT COUNT(*) FROM "IssueReport" WHERE "orgId" = 1 AND "reporterId" = ANY($1) AND "createdAt" >= $2`,
      [subtree, since],
    ],
    'digest: open issues': [
      `SELECT COUNT(*) FROM "IssueReport" WHERE "orgId" = 1 AND "reporterId" = ANY($1) AND status IN ('open', ` +
        `'acknowledged')`,
      [subtree],
    ],
    'OSB register: opened in the month': [
      `SELECT COUNT(*) FROM "IssueReport" WHERE "orgId" = 1 AND category IN ('osb_order', 'osb_shipment', ` +
        `'osb_billing') AND "createdAt" >= $1 AND "createdAt" < $2`,
      [since, '2026-12-01 00:00:00'],
    ],
    'OSB register: still open': [
      `SELECT * FROM "IssueReport" WHERE "orgId" = 1 AND status <> 'resolved' AND substr(category, 1, 4) = 'osb_' ` +
        `ORDER BY ` +
        `"createdAt" LIMIT 500`,
      [],
    ],
  });
}
