import { describe, expect, it } from 'vitest';
import { readMigrations } from '../../src/db/migrate.ts';
import { connectRaw as connect } from '../support/raw-connection.ts';
import { PROVIDERS, createTestDatabaseUrl } from '../support/test-database.ts';

const MIGRATION = 'visit_number_per_org';

describe.each(PROVIDERS)('the migration that numbers registrations per organisation on %s', (provider) => {
  it(
    'numbers the registrations already filed per organisation, in filing order, and seeds the counter new ones ' +
      'continue from',
    async () => {
      const url = await createTestDatabaseUrl(provider);
      const migrations = readMigrations(provider);
      const index = migrations.findIndex((m) => m.name.endsWith(MIGRATION));
      expect(index).toBeGreaterThan(0);
      const db = await connect(provider, url);
      try {
        for (const m of migrations.slice(0, index)) await db.exec(m.sql);
        // two organisations filing in turns, as they did when one sequence served both
        for (const [i, orgId] of [1, 2, 1, 1, 2].entries()) {
          await db.exec(
            `INSERT INTO "Visit" ("orgId", "kind", "filerId", "approverId", "customerName", "phone", "visitAt", ` +
              `"partySize", "source", "visitType", "grade", "budget", "unitType", "notes", "account", "purpose", ` +
              `"outcome", "nextStep", "status", "sourceViewId", "version", "createdAt", "updatedAt")
          VALUES ` +
              (`(${orgId}, 'property', 'U1', 'U2', 'c', '', '2026-11-01T00:00:00Z', 1, '', 'first', '', '', '', '',` +
                ` '',`) +
              ` '', '', '', 'pending', 'v${i}', 1, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`,
          );
        }
        await db.exec(migrations[index].sql);
        const rows = await db.all('SELECT "id", "orgId", "number" FROM "Visit" ORDER BY "id"');
        expect(rows.map((r) => [Number(r.orgId), Number(r.number)])).toEqual([
          [1, 1],
          [2, 1],
          [1, 2],
          [1, 3],
          [2, 2],
        ]);
        const counters = await db.all('SELECT "orgId", "last" FROM "VisitCounter" ORDER BY "orgId"');
        expect(counters.map((r) => [Number(r.orgId), Number(r.last)])).toEqual([
          [1, 3],
          [2, 2],
        ]);
      } finally {
        await db.close();
      }
    },
  );
});
