import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Db } from '../../src/db/database.ts';
import { sql } from '../../src/db/sql/sql-query.ts';
import { runnerOf } from '../../src/db/sql/sql-runner.ts';
import { isDatabaseUnavailable } from '../../src/lib/database-unavailable.ts';
import { errorText } from '../../src/views/error-text.ts';
import { createTestDatabaseUrl, POSTGRES_AVAILABLE } from '../support/test-database.ts';

/** A loopback port nothing listens on: what a stopped PostgreSQL looks like to its clients. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const rejectionOf = (work: Promise<unknown>) =>
  work.then(
    () => undefined,
    (error: unknown) => error,
  );

describe.skipIf(!POSTGRES_AVAILABLE)('telling a database that is away from a statement that is wrong', () => {
  let away: Db;
  let up: Db;
  beforeAll(async () => {
    away = createDatabase(`postgresql://postgres@127.0.0.1:${await closedPort()}/salesbot`);
    up = createDatabase(await createTestDatabaseUrl('postgres'));
  });
  afterAll(async () => {
    await away?.$disconnect().catch(() => undefined);
    await up?.$disconnect();
  });

  it('recognises a stopped PostgreSQL through Prisma and the direct driver, saying so in both languages', async () => {
    for (const error of [
      await rejectionOf(away.person.findFirst()),
      await rejectionOf(runnerOf(away).all(sql`SELECT 1`)),
    ]) {
      expect(error).toBeTruthy();
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(errorText(error, 'zh-Hant')).toBe('暫時無法儲存，請稍後再試。');
      expect(errorText(error, 'en')).toBe('Could not save right now. Please try again in a moment.');
    }
  });

  it('does not take a wrong statement on a running database for an outage', async () => {
    const error = await rejectionOf(runnerOf(up).all(sql`SELECT * FROM "NoSuchTable"`));
    expect(error).toBeTruthy();
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(errorText(error, 'zh-Hant')).toContain('系統暫時出了點問題');
  });
});
