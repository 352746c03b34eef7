import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * The account register's bulk rows written straight into the database (Prisma's createMany takes
 * minutes for a million visits): `accounts` more accounts (one in 20 an outlet, the rest graded
 * distributors), and `visits` approved brand visits over the 120 days before `at`, filed under the
 * codes of the first 80% of the outlets (a prime stride: most several times, the rest never).
 */
export interface RegisterSeed {
  orgId: number;
  markets: string[];
  accounts: number;
  visits: number;
  at: Date;
}

const SPAN_S = 120 * 86_400;
const STRIDE = 7_919;
const FILERS = ['U0SALREP01', 'U0SALREP02', 'U0KEYACC01'];

/** SQLite: prepared statements in one transaction; dates as Prisma keeps them (ISO text with an offset). */
export function seedRegisterSqlite(file: string, o: RegisterSeed): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const iso = (d: Date) => d.toISOString().replace('Z', '+00:00');
  const now = iso(o.at);
  const account = db.prepare(
    `INSERT INTO Account (orgId, code, name, kind, market, status, openedOn, source, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, 'active', '2024-01-01', 'ssg', ?, ?)`,
  );
  const visit = db.prepare(
    `INSERT INTO Visit (orgId, kind, filerId, approverId, customerName, phone, visitAt, partySize, source,
       visitType, grade, budget, unitType, notes, account, purpose, outcome, nextStep, status, sourceViewId,
       version, number, createdAt, updatedAt)
     VALUES (?, 'brand', ?, 'U0KEYACC01', ?, '', ?, 1, '', 'first', '', '', '', '', ?, 'order', '', '', 'approved',
       ?, 1, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < o.accounts; i += 1) {
      const kind = i % 20 === 0 ? 'outlet' : 'distributor';
      account.run(o.orgId, `S${i}`, `種子客戶${i}`, kind, o.markets[i % o.markets.length], now, now);
    }
    db.prepare(
      `INSERT INTO AccountCredit (accountId, orgId, grade, limitCents, termsDays, updatedAt)
       SELECT id, orgId, substr('ABCD', id % 4 + 1, 1), 50000000, 60, ? FROM Account
       WHERE orgId = ? AND kind = 'distributor' AND id NOT IN (SELECT accountId FROM AccountCredit)`,
    ).run(now, o.orgId);
    const outlets = (
      db.prepare(`SELECT code FROM Account WHERE orgId = ? AND kind = 'outlet' ORDER BY id`).all(o.orgId) as {
        code: string;
      }[]
    ).map((r) => r.code);
    const visited = Math.floor(outlets.length * 0.8);
    for (let i = 0; i < o.visits; i += 1) {
      const at = iso(new Date(o.at.getTime() - ((i * STRIDE) % SPAN_S) * 1000));
      const code = outlets[(i * STRIDE) % visited];
      visit.run(o.orgId, FILERS[i % 3], code, at, code, `bench-visit-${i}`, i + 1, at, at);
    }
  })();
  db.close();
}

/** PostgreSQL: set-based (generate_series, INSERT … SELECT); timestamp(3) columns hold UTC without a zone. */
export async function seedRegisterPg(url: string, o: RegisterSeed): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const utc = o.at.toISOString().replace('T', ' ').replace('Z', '');
  try {
    await client.query(
      `INSERT INTO "Account" ("orgId", code, name, kind, market, status, "openedOn", source, "createdAt", "updatedAt")
       SELECT $1, 'S' || i, '種子客戶' || i, CASE WHEN i % 20 = 0 THEN 'outlet' ELSE 'distributor' END,
         ($2::text[])[i % cardinality($2::text[]) + 1], 'active', '2024-01-01', 'ssg', $3::timestamp, $3::timestamp
       FROM generate_series(0, $4::int - 1) AS i`,
      [o.orgId, o.markets, utc, o.accounts],
    );
    await client.query(
      `INSERT INTO "AccountCredit" ("accountId", "orgId", grade, "limitCents", "termsDays", "updatedAt")
       SELECT id, "orgId", substr('ABCD', id % 4 + 1, 1), 50000000, 60, $2::timestamp FROM "Account" a
       WHERE "orgId" = $1 AND kind = 'distributor'
         AND NOT EXISTS (SELECT 1 FROM "AccountCredit" c WHERE c."accountId" = a.id)`,
      [o.orgId, utc],
    );
    // the outlets numbered, joined (an element of a long text[] is found by walking it: a million of those crawl)
    await client.query(
      `CREATE TEMP TABLE "BenchOutlet" AS SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, code
       FROM "Account" WHERE "orgId" = $1 AND kind = 'outlet'`,
      [o.orgId],
    );
    await client.query('CREATE INDEX ON "BenchOutlet" (n)');
    const outlets = Number((await client.query('SELECT COUNT(*) AS n FROM "BenchOutlet"')).rows[0].n);
    await client.query(
      `INSERT INTO "Visit" ("orgId", kind, "filerId", "approverId", "customerName", phone, "visitAt", "partySize",
         source, "visitType", grade, budget, "unitType", notes, account, purpose, outcome, "nextStep", status,
         "sourceViewId", version, number, "createdAt", "updatedAt")
       SELECT $1, 'brand', ($2::text[])[i % 3 + 1], 'U0KEYACC01', b.code, '', at, 1, '', 'first', '', '', '', '',
         b.code, 'order', '', '', 'approved', 'bench-visit-' || i, 1, i + 1, at, at
       FROM generate_series(0, $3::int - 1) AS i
         JOIN "BenchOutlet" b ON b.n = (i::bigint * ${STRIDE}) % $4,
         LATERAL (SELECT $5::timestamp - make_interval(secs => ((i::bigint * ${STRIDE}) % ${SPAN_S})::float8) AS at) t`,
      [o.orgId, FILERS, o.visits, Math.floor(outlets * 0.8), utc],
    );
    // as autovacuum leaves a register this size long before anyone reads it (the visibility map set, so the
    // coverage probes are index-only; hint bits set): a bulk load read seconds later is not what runs
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}
