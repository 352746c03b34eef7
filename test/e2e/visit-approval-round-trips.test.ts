import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { sentDuring } from '../support/pg-sent.ts';
import { POSTGRES_AVAILABLE } from '../support/test-database.ts';
import { approvalMessageOf, blocksText, dmsTo, fileVisitAs, settle } from '../support/visit-flow.ts';

// The approve click is the busiest write (a team lead clears a queue of registrations): its unit of work
// is held to two round trips on PostgreSQL, the decision with the customer file it opens, then the COMMIT.
describe.skipIf(!POSTGRES_AVAILABLE)('approving a registration on PostgreSQL', () => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider: 'postgres', clock });
  });
  afterAll(async () => h?.stop());

  async function approveNewVisit(phone: string, name: string) {
    await fileVisitAs(h, 'U0SALES001', { phone, customerName: name });
    await settle(h);
    const visit = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const message = approvalMessageOf(h, visit.id);
    const sent = await sentDuring(() => h.driver.clickButton(visit.approverId!, message, 'visit_approve'));
    await settle(h);
    const begin = sent.findIndex((s) => /^BEGIN\b/.test(s.text));
    const unit = sent.slice(begin).filter((s) => s.client === sent[begin].client);
    return { visit, unit, trips: unit.findIndex((s) => /COMMIT\s*;?\s*$/.test(s.text)) + 1 };
  }

  it('decides and opens the customer file in one round trip, and sends the rest with the COMMIT', async () => {
    const { visit, unit, trips } = await approveNewVisit('13900007777', '鄭小姐');
    expect(trips).toBe(2);
    expect(unit[0].text).toMatch(/UPDATE "Visit"[\s\S]*INSERT INTO "Customer"/);
    const customer = await h.bot.db.customer.findFirstOrThrow({ where: { phone: '+8613900007777' } });
    expect([customer.ownerId, customer.visitCount, customer.name]).toEqual(['U0SALES001', 1, '鄭小姐']);
    expect((await h.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id } })).customerId).toBe(customer.id);
    expect(
      dmsTo(h, 'U0SALES001').some((m) => blocksText(m).includes('客戶檔案') && blocksText(m).includes('鄭小姐')),
    ).toBe(true);
  });

  it('extends the same file on a second approved visit, counted once each', async () => {
    await approveNewVisit('13900008888', '林先生');
    const { trips } = await approveNewVisit('13900008888', '林先生');
    expect(trips).toBe(2);
    const files = await h.bot.db.customer.findMany({ where: { phone: '+8613900008888' } });
    expect(files.map((c) => c.visitCount)).toEqual([2]);
  });
});
