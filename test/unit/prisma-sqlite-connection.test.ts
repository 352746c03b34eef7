import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { describe, expect, it } from 'vitest';
import { connectionOfPrismaAdapter, type PrismaSqliteAdapter } from '../../src/db/sql/prisma-sqlite-connection.ts';

/**
 * The direct SQLite path shares the connection of Prisma's adapter, read from a field Prisma does not
 * promise to keep. If this fails after upgrading @prisma/adapter-better-sqlite3, find where the adapter
 * keeps its connection now (or a supported way to pass one in) and change connectionOfPrismaAdapter.
 */
describe("Prisma's SQLite adapter connection", () => {
  it('is the very connection Prisma runs its statements on', async () => {
    const adapter = await new PrismaBetterSQLite3({ url: ':memory:' }).connect();
    try {
      const connection = connectionOfPrismaAdapter(adapter);
      await adapter.executeScript('CREATE TABLE "Seen" ("id" INTEGER); INSERT INTO "Seen" VALUES (7);');
      expect(connection.prepare('SELECT "id" FROM "Seen"').safeIntegers(false).all()).toEqual([{ id: 7 }]);
      connection.prepare('INSERT INTO "Seen" VALUES (8)').run();
      const read = await adapter.queryRaw({ sql: 'SELECT COUNT(*) AS n FROM "Seen"', args: [], argTypes: [] });
      expect(read.rows.map((row) => Number(row[0]))).toEqual([2]);
    } finally {
      await adapter.dispose();
    }
  });

  it('fails loudly, naming the cause, when the adapter keeps it elsewhere', () => {
    const moved = { provider: 'sqlite', adapterName: 'x', connection: {} } as unknown as PrismaSqliteAdapter;
    expect(() => connectionOfPrismaAdapter(moved)).toThrow(/no longer keeps its better-sqlite3 connection/);
  });
});
