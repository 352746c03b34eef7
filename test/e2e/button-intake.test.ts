import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';
import { approvalMessageOf, fileVisitAs } from '../support/visit-flow.ts';
import { POSTGRES_AVAILABLE } from '../support/test-database.ts';

// PostgreSQL: a row lock there holds the bot's write without blocking its event loop
describe.skipIf(!POSTGRES_AVAILABLE)('a button click on postgres', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider: 'postgres' });
  }, 60_000);
  afterAll(async () => h?.stop());

  it('is acknowledged only once the approval is stored, so a crash after the ack cannot lose it', async () => {
    await fileVisitAs(h, 'U0SALES001');
    const visit = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const locker = new pg.Client({ connectionString: h.databaseUrl });
    await locker.connect();
    try {
      // the database is slow to take the decision: its row is locked for a moment
      await locker.query('BEGIN');
      await locker.query('SELECT 1 FROM "Visit" WHERE "id" = $1 FOR UPDATE', [visit.id]);
      let answered = false;
      const click = h.driver
        .clickButton('U0TLEAD001', approvalMessageOf(h, visit.id), 'visit_approve')
        .then((response) => {
          answered = true;
          return response;
        });
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(answered, 'Slack was told the click was taken before it was stored').toBe(false);
      await locker.query('COMMIT');
      const response = await click;
      expect(response.status).toBe(200);
      // at the moment of the ack the decision is already there
      expect((await h.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id } })).status).toBe('approved');
    } finally {
      await locker.end();
    }
  });

  it('is still acknowledged in time when storing it takes too long, and stored after', async () => {
    await fileVisitAs(h, 'U0SALES002', { phone: '138 0000 1111', customerName: '王先生' });
    const visit = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const locker = new pg.Client({ connectionString: h.databaseUrl });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT 1 FROM "Visit" WHERE "id" = $1 FOR UPDATE', [visit.id]);
      const started = Date.now();
      const response = await h.driver.clickButton(visit.approverId, approvalMessageOf(h, visit.id), 'visit_approve');
      expect(response.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(3_000);
      await locker.query('COMMIT');
    } finally {
      await locker.end();
    }
    await expect
      .poll(async () => (await h.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id } })).status)
      .toBe('approved');
  });
});
