import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredView } from '../../src/fake-slack/workspace-state.ts';
import { visitsInState } from '../../src/db/visits/visit-repo.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { sentDuring } from '../support/pg-sent.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { blocksText, dmsTo, openedView, settle, visitValues } from '../support/visit-flow.ts';

// On PostgreSQL a registration's number is taken in its unit's last round trip, with the COMMIT, and
// the messages queued with it carry it from there: concurrent filings wait for the organisation's
// counter only while the server runs that round trip. Each message must still show its own number.
describe.each(PROVIDERS)('registration numbers of concurrent filings (%s)', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-28T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock });
  });
  afterAll(async () => h?.stop());

  it('gives each filing its own number, shown in its approval request and in its filer’s DM', async () => {
    const filers = ['U0SALES001', 'U0SALES002', 'U0SALES003'];
    const filings: { filer: string; i: number; view: StoredView }[] = [];
    for (let i = 0; i < 12; i += 1) {
      const filer = filers[i % 3];
      filings.push({ filer, i, view: await openedView(h, () => h.driver.command(filer, '/visit')) });
    }
    const sent = await sentDuring(() =>
      Promise.all(
        filings.map(({ filer, i, view }) =>
          h.driver.submitView(filer, view, visitValues(h, { phone: `1390000${String(i).padStart(4, '0')}` })),
        ),
      ),
    );
    await settle(h);
    const visits = await h.bot.db.visit.findMany({ orderBy: { number: 'asc' } });
    expect(visits.map((v) => v.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    for (const visit of visits) {
      const request = h.fake.state.messages.find(
        (m) => !m.onlyFor && blocksText(m).includes('visit_details') && blocksText(m).includes(visit.phone.slice(-4)),
      );
      expect(blocksText(request)).toContain(`#${visit.number} `);
      const own = new RegExp(`#${visit.number}(?!\\d)`);
      const filed = dmsTo(h, visit.filerId).filter((m) => own.test(blocksText(m)) && m.text?.includes('林小姐'));
      expect(filed.length, `the DM of #${visit.number}`).toBeGreaterThan(0);
    }
    // lists show them in their numbers' order, though on PostgreSQL ids and numbers need not agree
    const pending = await visitsInState(h.bot.db, { orgId: visits[0].orgId, status: 'pending', take: 50 });
    expect(pending.map((v) => v.number)).toEqual(visits.map((v) => v.number));
    // no message, delivered or stored, kept the placeholder
    const everything = JSON.stringify(h.fake.state.messages) + JSON.stringify(await h.bot.db.outboxMessage.findMany());
    expect(everything).not.toContain('\u200b');
    if (provider === 'postgres') {
      // the number is taken in the round trip that ends with the COMMIT
      const taking = sent.filter((s) => s.text.includes('"VisitCounter"'));
      expect(taking).toHaveLength(12);
      for (const s of taking) expect(s.text).toMatch(/"VisitCounter"[\s\S]*COMMIT\s*;?\s*$/);
    }
  });
});
