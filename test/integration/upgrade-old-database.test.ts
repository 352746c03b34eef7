import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createDatabase } from '../../src/db/database.ts';
import { claimRun } from '../../src/db/job-run-repo.ts';
import { migrateDatabase, readMigrations, type Migration } from '../../src/db/migrate.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { analyseVisits } from '../../src/services/visits/analyse-visits.ts';
import { importOrgFileFromDisk } from '../../src/services/org/import-org-file.ts';
import { OrgDirectory } from '../../src/services/org/org-directory.ts';
import { PROPERTY_ORG } from '../support/harness.ts';
import { PROVIDERS, createTestDatabaseUrl, type TestProvider } from '../support/test-database.ts';

const FIRST_MIGRATION = '20261126165605_foundation'; // the first landed schema (26423c8)
const VISITS_MIGRATION = '20261126171305_visits_customers_jobs'; // as the visits commit (236d255) has it
const FORMER_VISITS_MIGRATION = '20261126170726_visits_customers_jobs'; // its name in 86117b6, before the rename
const ORG = '翠湖苑銷售案場';
const LEASE_MIGRATION = '20261127090303_job_run_lease'; // the last schema whose runs had no organisation
const FLOAT_FIGURES_MIGRATION = '20261127093401_job_run_per_org'; // the last schema with targets as floats

/** Today's committed migrations up to and including `last`. */
const upTo = (provider: TestProvider, last: string): Migration[] =>
  readMigrations(provider).filter((m) => m.name <= last);

/** The visits migration as 86117b6 committed it (kept under test/fixtures: history may be shallow). */
function formerVisitsMigration(provider: TestProvider): Migration[] {
  const root = path.resolve(import.meta.dirname, '../fixtures/migrations-86117b6');
  return readMigrations(provider, root).filter((m) => m.name === FORMER_VISITS_MIGRATION);
}

/** Runs statements written with ? placeholders on either database, as an old version would have. */
async function execute(provider: TestProvider, url: string, statements: [string, unknown[]][]): Promise<void> {
  if (provider === 'sqlite') {
    const db = new Database(url.replace(/^file:/, ''));
    for (const [sql, params] of statements) db.prepare(sql).run(...params);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const [sql, params] of statements) {
    let n = 0;
    await client.query(
      sql.replace(/\?/g, () => {
        n += 1;
        return `$${n}`;
      }),
      params,
    );
  }
  await client.end();
}

async function queryAll(provider: TestProvider, url: string, sql: string): Promise<Record<string, unknown>[]> {
  if (provider === 'sqlite') {
    const db = new Database(url.replace(/^file:/, ''));
    const rows = db.prepare(sql).all() as Record<string, unknown>[];
    db.close();
    return rows;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(sql);
  await client.end();
  return rows;
}

/** A timestamp as each old schema stored it: ISO text on SQLite, TIMESTAMP(3) in UTC on PostgreSQL. */
const at = (provider: TestProvider, iso: string) =>
  provider === 'sqlite' ? new Date(iso).toISOString().replace('Z', '+00:00') : iso.replace('T', ' ').replace('Z', '');

function orgRows(provider: TestProvider): [string, unknown[]][] {
  const person = (slack: string, name: string, role: string, reportsTo: string[]) =>
    [
      'INSERT INTO "Person" ("orgId", "slackId", "name", "role", "reportsTo", "markets", "accounts", "duties") ' +
        "VALUES (1, ?, ?, ?, ?, '[]', '[]', '[]')",
      [slack, name, role, JSON.stringify(reportsTo)],
    ] as [string, unknown[]];
  return [
    [
      'INSERT INTO "Organisation" ("name", "template", "timezone", "locale", "channels", "admins", "importedAt") ' +
        "VALUES (?, 'property-site', 'Asia/Shanghai', 'zh-Hant', '{}', '[]', ?)",
      [ORG, at(provider, '2026-11-20T00:00:00Z')],
    ],
    person('U0TLEAD001', '劉大偉', 'team_lead', []),
    person('U0SALES001', '周子豪', 'salesperson', ['U0TLEAD001']),
    person('U0SALES002', '鄭欣怡', 'salesperson', ['U0TLEAD001']),
  ];
}

/** Registrations of the week of 2026-11-23 (Shanghai): three approved, one still pending. */
function visitRows(provider: TestProvider): [string, unknown[]][] {
  const visit = (id: number, filer: string, visitAt: string, source: string, grade: string, status: string) =>
    [
      `INSERT INTO "Visit" ("orgId", "kind", "filerId", "approverId", "customerName", "phone", "visitAt", ` +
        `"partySize", "source", "visitType", "grade",
      "budget", "unitType", "notes", "account", "purpose", ` +
        `"outcome", "nextStep", "status", "sourceViewId", "createdAt", "updatedAt")
     VALUES (1, 'property', ?, ` +
        `'U0TLEAD001', ?, ?, ?, 2, ?, 'first', ?, '', '', '', '', '', '', '', ?, ?, ?, ?)`,
      [
        filer,
        `客戶${id}`,
        `+861380000000${id}`,
        at(provider, visitAt),
        source,
        grade,
        status,
        `V0OLD${id}`,
        at(provider, visitAt),
        at(provider, visitAt),
      ],
    ] as [string, unknown[]];
  return [
    visit(1, 'U0SALES001', '2026-11-23T02:00:00Z', 'walk_in', 'A', 'approved'),
    // 23:30 UTC on the 23rd is the 24th in Shanghai: counted on the local day
    visit(2, 'U0SALES001', '2026-11-23T23:30:00Z', 'referral', 'B', 'approved'),
    visit(3, 'U0SALES002', '2026-11-25T03:00:00Z', 'walk_in', 'A', 'approved'),
    visit(4, 'U0SALES002', '2026-11-25T04:00:00Z', 'walk_in', 'C', 'pending'),
  ];
}

/** Brings the database to today's schema as start-up does, loads today's org file, and analyses the week. */
async function upgradeAndAnalyse(url: string) {
  const { applied } = await migrateDatabase(url);
  const db = createDatabase(url);
  try {
    const clock = new FixedClock(new Date('2026-11-27T02:00:00Z'));
    const { orgId } = await importOrgFileFromDisk({ db, clock, path: PROPERTY_ORG, actor: 'test' });
    const chart = await new OrgDirectory(db, orgId).current();
    const week = await analyseVisits({
      db,
      chart,
      from: new Date('2026-11-22T16:00:00Z'),
      to: new Date('2026-11-29T16:00:00Z'),
    });
    const days = await db.visitDayCount.findMany({ orderBy: [{ day: 'asc' }, { source: 'asc' }] });
    const filed = await db.visitFilingDayCount.findMany({ orderBy: [{ filerId: 'asc' }, { day: 'asc' }] });
    return { applied, week, days, filed, organisations: await db.organisation.count(), visits: await db.visit.count() };
  } finally {
    await db.$disconnect();
  }
}

describe.each(PROVIDERS)("upgrading an old database to today's schema on %s", (provider) => {
  it('upgrades a database made by the first landed schema, keeping its organisation and people', async () => {
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url, upTo(provider, FIRST_MIGRATION));
    await execute(provider, url, orgRows(provider));
    const personSql = 'SELECT "id", "slackId" FROM "Person" WHERE "slackId" = \'U0SALES001\'';
    const before = await queryAll(provider, url, personSql);
    const { applied, organisations } = await upgradeAndAnalyse(url);
    expect(applied).toEqual(
      readMigrations(provider)
        .map((m) => m.name)
        .filter((name) => name > FIRST_MIGRATION),
    );
    expect(organisations).toBe(1);
    expect(before).toHaveLength(1);
    expect(await queryAll(provider, url, personSql)).toEqual(before);
  });

  it('upgrades from the visits commit, counting registrations approved before it in the weekly analysis', async () => {
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url, upTo(provider, VISITS_MIGRATION));
    await execute(provider, url, [...orgRows(provider), ...visitRows(provider)]);
    const { week, days, filed, visits } = await upgradeAndAnalyse(url);
    expect(visits).toBe(4);
    // the digest's per-day filing counts: every registration, pending too, on its local day of filing
    expect(filed.map((f) => [f.filerId, f.day, f.count])).toEqual([
      ['U0SALES001', '2026-11-23', 1],
      ['U0SALES001', '2026-11-24', 1],
      ['U0SALES002', '2026-11-25', 2],
    ]);
    expect(week).toMatchObject({ total: 3, first: 3, bySource: { walk_in: 2, referral: 1 }, byGrade: { A: 2, B: 1 } });
    expect(days.map((d) => [d.day, d.filerId, d.source, d.count])).toEqual([
      ['2026-11-23', 'U0SALES001', 'walk_in', 1],
      ['2026-11-24', 'U0SALES001', 'referral', 1],
      ['2026-11-25', 'U0SALES002', 'walk_in', 1],
    ]);
  });

  it('upgrades from the commit whose visits migration was renamed afterwards', async () => {
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url, [...upTo(provider, FIRST_MIGRATION), ...formerVisitsMigration(provider)]);
    await execute(provider, url, [...orgRows(provider), ...visitRows(provider)]);
    const { applied, week } = await upgradeAndAnalyse(url);
    expect(applied[0]).toBe(VISITS_MIGRATION);
    expect(week.total).toBe(3);
    const rows = await queryAll(
      provider,
      url,
      'SELECT "migration_name", "rolled_back_at" FROM "_prisma_migrations" WHERE "migration_name" LIKE ' +
        '\'%visits_customers_jobs\' ORDER BY "migration_name"',
    );
    expect(rows.map((r) => [r.migration_name, r.rolled_back_at !== null])).toEqual([
      [FORMER_VISITS_MIGRATION, true],
      [VISITS_MIGRATION, false],
    ]);
    // a second start finds nothing left to apply
    expect((await migrateDatabase(url)).applied).toEqual([]);
  });

  /** Runs recorded before runs were kept per organisation, and whether each organisation may claim them again. */
  async function upgradeRuns(organisations: number) {
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url, upTo(provider, LEASE_MIGRATION));
    const extra: [string, unknown[]][] = [];
    for (let n = 2; n <= organisations; n += 1) {
      extra.push([
        'INSERT INTO "Organisation" ("name", "template", "timezone", "locale", "channels", "admins", "importedAt")' +
          " VALUES (?, 'brand-sales', 'Asia/Shanghai', 'zh-Hant', '{}', '[]', ?)",
        [`品牌${n}`, at(provider, '2026-11-20T00:00:00Z')],
      ]);
    }
    const run =
      'INSERT INTO "JobRun" ("jobId", "periodKey", "startedAt", "finishedAt", "status") VALUES (?, ?, ?, ?, \'done\')';
    const started = at(provider, '2026-11-26T12:00:00Z');
    await execute(provider, url, [
      ...orgRows(provider),
      ...extra,
      [run, ['visits.evening-summary', '2026-11-26', started, started]],
      [run, ['deployment.sandbox', 'first-start', started, started]],
    ]);
    await migrateDatabase(url);
    const db = createDatabase(url);
    try {
      const ids = (await db.organisation.findMany({ orderBy: { id: 'asc' } })).map((o) => o.id);
      const now = new Date('2026-11-26T13:00:00Z');
      const claim = {
        jobId: 'visits.evening-summary',
        periodKey: '2026-11-26',
        scheduledFor: now,
        now,
        leaseUntil: now,
        skipped: false,
      };
      const claimed = [];
      for (const orgId of ids) claimed.push(await claimRun(db, { ...claim, orgId }));
      const rows = await db.jobRun.findMany({ orderBy: { id: 'asc' }, select: { jobId: true, orgId: true } });
      return { ids, claimed, rows };
    } finally {
      await db.$disconnect();
    }
  }

  it('keeps a run done before the upgrade done for the only org, and the deployment mark database-wide', async () => {
    const { ids, claimed, rows } = await upgradeRuns(1);
    expect(claimed).toEqual([false]);
    expect(rows).toEqual([
      { jobId: 'visits.evening-summary', orgId: ids[0] },
      { jobId: 'deployment.sandbox', orgId: 0 },
    ]);
  });

  it('runs nothing twice after the upgrade when several organisations shared the database', async () => {
    const { claimed, rows } = await upgradeRuns(2);
    // whose run it was is unknown: it counts as done for each
    expect(claimed).toEqual([false, false]);
    expect(rows.map((r) => r.orgId)).toEqual([0, 0]);
  });
  it('converts target and actual figures stored as floats into exact cents, hundredths and counts', async () => {
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url, upTo(provider, FLOAT_FIGURES_MIGRATION));
    const when = at(provider, '2026-11-20T00:00:00Z');
    const target = (metric: string, value: number) =>
      [
        'INSERT INTO "Target" ("orgId", "period", "scopeKind", "scopeId", "metric", "value", "setBy", "setAt") ' +
          "VALUES (1, '2026-11', 'org', '', ?, ?, 'U0TLEAD001', ?)",
        [metric, value, when],
      ] as [string, unknown[]];
    const actual = (metric: string, value: number) =>
      [
        'INSERT INTO "Actual" ("orgId", "month", "personId", "account", "metric", "value", "source", "createdBy", ' +
          "\"createdAt\") VALUES (1, '2026-11', 'U0SALES001', '甲', ?, ?, 'manual', 'U0TLEAD001', ?)",
        [metric, value, when],
      ] as [string, unknown[]];
    await execute(provider, url, [
      ...orgRows(provider),
      target('amount', 1450001.5),
      target('contracts', 3),
      [
        'INSERT INTO "TargetChange" ("orgId", "period", "scopeKind", "scopeId", "metric", "oldValue", "newValue", ' +
          "\"by\", \"at\") VALUES (1, '2026-11', 'org', '', 'amount', ?, ?, 'U0TLEAD001', ?)",
        [1000000.1, 1450001.5, when],
      ],
      actual('amount', 1234.56),
      actual('share', 18.5),
      actual('contracts', 2),
      [
        'INSERT INTO "ActualCorrection" ("actualId", "oldValue", "newValue", "by", "reason", "at") VALUES (1, ?, ?, ' +
          "'U0TLEAD001', '退貨', ?)",
        [2000.01, 1234.56, when],
      ],
      [
        'INSERT INTO "ActualTotal" ("orgId", "personId", "month", "metric", "value") VALUES (1, \'U0SALES001\', ' +
          "'2026-11', 'amount', ?), (1, 'U0SALES001', '2026-11', 'contracts', ?)",
        [1234.56, 2],
      ],
    ]);
    await migrateDatabase(url);
    // PostgreSQL hands BIGINT back as text: compare numbers
    const figure = (v: unknown) => (typeof v === 'string' && !/^-?\d+$/.test(v) ? v : Number(v));
    const read = async (sql: string) =>
      (await queryAll(provider, url, sql)).map((row) => Object.values(row).map(figure));
    expect(await read('SELECT "metric", "value" FROM "Target" ORDER BY "id"')).toEqual([
      ['amount', 145000150],
      ['contracts', 3],
    ]);
    expect(await read('SELECT "oldValue", "newValue" FROM "TargetChange"')).toEqual([[100000010, 145000150]]);
    expect(await read('SELECT "metric", "value" FROM "Actual" ORDER BY "id"')).toEqual([
      ['amount', 123456],
      ['share', 1850],
      ['contracts', 2],
    ]);
    expect(await read('SELECT "oldValue", "newValue" FROM "ActualCorrection"')).toEqual([[200001, 123456]]);
    expect(await read('SELECT "metric", "value" FROM "ActualTotal" ORDER BY "metric"')).toEqual([
      ['amount', 123456],
      ['contracts', 2],
    ]);
  });
});
