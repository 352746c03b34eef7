import { describe, expect, it } from 'vitest';
import { onlyReads } from '../../src/db/sql/postgres-read-batch.ts';

describe('which statements may share a round trip with other callers’ reads', () => {
  it.each([
    'SELECT "key" FROM "IntakeKey" WHERE "key" = $1',
    '  with "t" as (select 1) select * from "t"',
    'SELECT "updatedAt", "deletedBy" FROM "Deal"',
  ])('a read: %s', (text) => expect(onlyReads(text)).toBe(true));

  it.each([
    'INSERT INTO "IntakeKey" ("key") VALUES ($1) RETURNING "key"',
    'WITH "claimed" AS (INSERT INTO "IntakeKey" ("key") VALUES ($1) RETURNING "key") SELECT * FROM "claimed"',
    'UPDATE "Visit" SET "status" = $1 RETURNING "id"',
    'SELECT * FROM "VisitCounter" WHERE "orgId" = $1 FOR UPDATE',
    'SELECT * FROM "Unit" WHERE "id" = $1 FOR NO KEY UPDATE',
    'SELECT * FROM "Unit" WHERE "id" = $1 FOR SHARE',
    'SELECT pg_advisory_xact_lock($1)',
    "SELECT nextval('seq')",
    'DELETE FROM "IntakeKey"',
    'BEGIN',
  ])('not a read: %s', (text) => expect(onlyReads(text)).toBe(false));
});
