import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createDatabase } from '../../src/db/database.ts';
import { MigrationChecksumError, migrateDatabase, readMigrations } from '../../src/db/migrate.ts';
import { importOrgFile, loadOrgChartData } from '../../src/db/org/org-repo.ts';
import { parseOrgFile } from '../../src/domain/org/parse-org-file.ts';
import { PROPERTY_ORG } from '../support/harness.ts';
import { PROVIDERS, createTestDatabaseUrl, type TestProvider } from '../support/test-database.ts';

async function appliedMigrations(
  provider: TestProvider,
  url: string,
): Promise<{ migration_name: string; checksum: string }[]> {
  const sql = 'SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name';
  if (provider === 'sqlite') {
    const db = new Database(url.replace(/^file:/, ''));
    const rows = db.prepare(sql).all() as { migration_name: string; checksum: string }[];
    db.close();
    return rows;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(sql);
  await client.end();
  return rows;
}

async function tamperChecksum(provider: TestProvider, url: string): Promise<void> {
  const sql = "UPDATE _prisma_migrations SET checksum = 'tampered'";
  if (provider === 'sqlite') {
    const db = new Database(url.replace(/^file:/, ''));
    db.prepare(sql).run();
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql);
  await client.end();
}

const parsedProperty = () => {
  const parsed = parseOrgFile(readFileSync(PROPERTY_ORG, 'utf8'));
  if (!parsed.ok) throw new Error('fixture');
  return parsed.org;
};

describe.each(PROVIDERS)('migrations and org import on %s', (provider) => {
  it("applies every committed migration once, keeping Prisma's bookkeeping", async () => {
    const url = await createTestDatabaseUrl(provider);
    const first = await migrateDatabase(url);
    const expected = readMigrations(provider);
    expect(first.applied).toEqual(expected.map((m) => m.name));
    expect((await migrateDatabase(url)).applied).toEqual([]);
    const rows = await appliedMigrations(provider, url);
    expect(rows).toEqual(expected.map((m) => ({ migration_name: m.name, checksum: m.checksum })));
    expect(rows[0].checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to start on a database whose applied migration was edited', async () => {
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url);
    await tamperChecksum(provider, url);
    await expect(migrateDatabase(url)).rejects.toBeInstanceOf(MigrationChecksumError);
  });

  it.runIf(provider === 'sqlite')('makes the folder of a SQLite DATABASE_URL that does not exist yet', async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'salesbot-newdir-')), 'not', 'made', 'yet');
    const url = `file:${path.join(dir, 'bot.db')}`;
    const result = await migrateDatabase(url);
    expect(result.applied).toHaveLength(readMigrations(provider).length);
    expect(existsSync(path.join(dir, 'bot.db'))).toBe(true);
  });

  it('two instances migrating at once apply each migration once', async () => {
    const url = await createTestDatabaseUrl(provider);
    const results = await Promise.allSettled([migrateDatabase(url), migrateDatabase(url)]);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(await appliedMigrations(provider, url)).toHaveLength(readMigrations(provider).length);
  });

  it('imports idempotently and deactivates, never deletes, who left', async () => {
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url);
    const db = createDatabase(url);
    try {
      const org = parsedProperty();
      const first = await importOrgFile(db, org, new Date());
      expect(first).toMatchObject({ people: 12, added: 12, updated: 0, deactivated: 0 });
      expect(await importOrgFile(db, org, new Date())).toMatchObject({ added: 0, updated: 0, deactivated: 0 });

      await db.person.update({
        where: { orgId_slackId: { orgId: first.orgId, slackId: 'U0SALES003' } },
        data: { locale: 'en' },
      });
      const smaller = { ...org, people: org.people.filter((p) => p.slack !== 'U0TRAIN001') };
      expect(await importOrgFile(db, smaller, new Date())).toMatchObject({ added: 0, deactivated: 1 });
      expect(await db.person.count()).toBe(12);
      const chart = await loadOrgChartData(db);
      expect(chart?.people.map((p) => p.slackId)).not.toContain('U0TRAIN001');
      expect(chart?.formerNames?.U0TRAIN001).toBe('蔡宗翰');
      expect(chart?.people.find((p) => p.slackId === 'U0SALES003')?.locale).toBe('en');

      expect(await importOrgFile(db, org, new Date())).toMatchObject({ added: 0, updated: 1, deactivated: 0 });
      expect((await loadOrgChartData(db))?.people).toHaveLength(12);

      // the meeting changes of a file are kept, and every import moves the chart's version on
      const before = (await loadOrgChartData(db))!;
      expect(before.meetings).toEqual({});
      await importOrgFile(db, { ...org, meetings: { site: { day: 3, time: '15:00' } } }, new Date());
      const after = (await loadOrgChartData(db))!;
      expect(after.meetings).toEqual({ site: { day: 3, time: '15:00' } });
      expect(after.version).toBeGreaterThan(before.version!);
    } finally {
      await db.$disconnect();
    }
  });
  it(
    'keeps the organisation by its id: a new name is a label, a file without id means the one organisation stored, ' +
      'another id is another organisation',
    async () => {
      const url = await createTestDatabaseUrl(provider);
      await migrateDatabase(url);
      const db = createDatabase(url);
      try {
        const org = parsedProperty();
        const { orgId } = await importOrgFile(db, org, new Date());
        const renamed = { ...org, organisation: { ...org.organisation, name: '翠湖苑銷售中心' } };
        expect(await importOrgFile(db, renamed, new Date())).toMatchObject({ orgId, added: 0 });
        const keyed = { ...org, organisation: { ...org.organisation, id: 'cuihu', name: '翠湖苑' } };
        expect(await importOrgFile(db, keyed, new Date())).toMatchObject({ orgId, added: 0 });
        expect(await db.organisation.findUniqueOrThrow({ where: { id: orgId } })).toMatchObject({
          key: 'cuihu',
          name: '翠湖苑',
        });
        const other = { ...org, organisation: { ...org.organisation, id: 'second-site', name: '第二案場' } };
        const second = await importOrgFile(db, other, new Date());
        expect(second.orgId).not.toBe(orgId);
        expect(
          await importOrgFile(
            db,
            { ...keyed, organisation: { ...keyed.organisation, name: '翠湖苑二期' } },
            new Date(),
          ),
        ).toMatchObject({ orgId, added: 0 });
        expect((await loadOrgChartData(db, orgId))?.name).toBe('翠湖苑二期');
      } finally {
        await db.$disconnect();
      }
    },
  );
  it('imports an org of 5,000 people in one go, within the transaction time limit', async () => {
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url);
    const db = createDatabase(url);
    try {
      const org = parsedProperty();
      const reps = Array.from({ length: 5000 }, (_, i) => ({
        ...org.people.find((p) => p.slack === 'U0SALES001')!,
        slack: `U9REP${String(i).padStart(5, '0')}`,
        name: `代表${i}`,
      }));
      const big = { ...org, people: [...org.people, ...reps] };
      expect(await importOrgFile(db, big, new Date())).toMatchObject({ people: 5012, added: 5012, deactivated: 0 });
      const chart = (await loadOrgChartData(db))!;
      expect(chart.people).toHaveLength(5012);
      // people keep the file's order
      expect(chart.people.at(-1)).toMatchObject({ slackId: 'U9REP04999', name: '代表4999' });
      expect(await importOrgFile(db, big, new Date())).toMatchObject({ added: 0, updated: 0 });
    } finally {
      await db.$disconnect();
    }
  }, 60_000);
});
