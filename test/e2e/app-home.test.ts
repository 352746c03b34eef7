import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { approvalMessageOf, fileVisitAs, untilStatus } from '../support/visit-flow.ts';

/** The App Home last published for someone, as text. */
const homesOf = (h: Harness, userId: string) =>
  h.fake
    .callsTo('views.publish')
    .filter((c) => c.args.user_id === userId)
    .map((c) => JSON.stringify(c.args.view));

describe.each(PROVIDERS)('App Home kept current on %s', (provider) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider });
  });
  afterAll(async () => h?.stop());

  it('pushes a fresh Home to whoever has it open when a registration waits for them, again once decided', async () => {
    await h.driver.event({ type: 'app_home_opened', user: 'U0TLEAD001', channel: 'D0TLEAD001', tab: 'home' });
    await expect.poll(() => homesOf(h, 'U0TLEAD001').length).toBe(1);
    expect(homesOf(h, 'U0TLEAD001')[0]).toContain('待我審核');

    await fileVisitAs(h, 'U0SALES001', { phone: '13822223333', customerName: '推送測試客' });
    const visit = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
    await expect.poll(() => homesOf(h, 'U0TLEAD001').at(-1) ?? '').toContain(`#${visit.id}`);
    // the filer never opened App Home: nothing is pushed to them
    expect(homesOf(h, 'U0SALES001')).toEqual([]);

    const pushed = homesOf(h, 'U0TLEAD001').length;
    await h.driver.clickButton('U0TLEAD001', approvalMessageOf(h, visit.id), 'visit_approve');
    await untilStatus(h, visit.id, 'approved');
    await expect.poll(() => homesOf(h, 'U0TLEAD001').length).toBeGreaterThan(pushed);
    expect(homesOf(h, 'U0TLEAD001').at(-1)).not.toContain(`#${visit.id}`);
  });
});
