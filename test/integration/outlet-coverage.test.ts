import { describe, expect, it } from 'vitest';
import { outletCoverage } from '../../src/db/accounts/coverage-repo.ts';
import { createDatabase } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import type { Db } from '../../src/db/unit-of-work.ts';
import { PROVIDERS, createTestDatabaseUrl } from '../support/test-database.ts';

const since = new Date('2026-09-01T00:00:00Z');
const until = new Date('2026-11-30T00:00:00Z');
const inWindow = new Date('2026-11-01T00:00:00Z');

async function account(db: Db, code: string, o: { market: string; name?: string; kind?: string; status?: string }) {
  const at = new Date('2026-01-01T00:00:00Z');
  const { id } = await db.account.create({
    data: {
      orgId: 1,
      code,
      name: o.name ?? `${code} 店`,
      kind: o.kind ?? 'outlet',
      market: o.market,
      status: o.status ?? 'active',
      openedOn: '2026-01-01',
      source: 'import',
      createdAt: at,
      updatedAt: at,
    },
  });
  return id;
}

let visits = 0;
async function visit(db: Db, account: string, o: { at?: Date; kind?: string; status?: string } = {}) {
  visits += 1;
  const at = o.at ?? inWindow;
  await db.visit.create({
    data: {
      ...{ orgId: 1, kind: o.kind ?? 'brand', filerId: 'U1', approverId: 'U2', customerName: account, phone: '' },
      ...{ visitAt: at, partySize: 1, source: '', visitType: 'first', grade: '', budget: '', unitType: '' },
      ...{ notes: '', account, purpose: 'order', outcome: '', nextStep: '', status: o.status ?? 'approved' },
      ...{ sourceViewId: `v${visits}`, number: visits, createdAt: at, updatedAt: at },
    },
  });
}

async function call(db: Db, accountId: number, status: 'made' | 'planned') {
  await db.phoneCall.create({
    data: {
      ...{ orgId: 1, week: '2026-10-26', accountId, callerId: 'U3', reasons: 'quiet', status },
      ...{ loggedAt: status === 'made' ? inWindow : null, createdAt: inWindow },
    },
  });
}

// The coverage statement itself (the e2e tests drive it through /targets, one market at a time): what is
// active, what is registered, and the markets given as a list of values, any number of them.
describe.each(PROVIDERS)('outlet coverage on %s', (provider) => {
  it('counts the outlets of the markets asked for, active by a visit (code or name) or a made call', async () => {
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url);
    const db = createDatabase(url);
    try {
      await account(db, 'A1', { market: 'A' }).then(() => visit(db, 'A1')); // by code
      await account(db, 'A2', { market: 'A', name: '乙店' }).then(() => visit(db, '乙店')); // by name
      await account(db, 'A3', { market: 'A' }).then(() => visit(db, 'A3', { status: 'pending' }));
      await call(db, await account(db, 'A4', { market: 'A' }), 'made');
      await call(db, await account(db, 'A5', { market: 'A' }), 'planned');
      await account(db, 'A6', { market: 'A' }).then(() => visit(db, 'A6', { at: new Date('2026-08-01T00:00:00Z') }));
      await account(db, 'A7', { market: 'A' }).then(() => visit(db, 'A7', { kind: 'property' }));
      await account(db, 'A8', { market: 'A', status: 'closed' }).then(() => visit(db, 'A8'));
      await account(db, 'AD', { market: 'A', kind: 'distributor' }).then(() => visit(db, 'AD'));
      await account(db, 'B1', { market: 'B' }).then(() => visit(db, 'B1'));
      await account(db, 'B2', { market: 'B' });
      await account(db, 'C1', { market: 'C' }).then(() => visit(db, 'C1'));
      const of = (markets?: string[]) => outletCoverage(db, { orgId: 1, since, until, markets });
      expect(await of(['A'])).toEqual({ registered: 7, active: 3 });
      expect(await of(['A', 'B'])).toEqual({ registered: 9, active: 4 });
      expect(await of(['B', 'Z'])).toEqual({ registered: 2, active: 1 });
      expect(await of([])).toEqual({ registered: 0, active: 0 });
      expect(await of()).toEqual({ registered: 10, active: 5 });
    } finally {
      await db.$disconnect();
    }
  });
});
