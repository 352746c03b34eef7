import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { approvalMessageOf, fileVisitAs, untilStatus } from '../support/visit-flow.ts';
import { POSTGRES_AVAILABLE } from '../support/test-database.ts';

describe.skipIf(!POSTGRES_AVAILABLE)('two instances on one PostgreSQL, both taking traffic', () => {
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    a = await startHarness({ provider: 'postgres' });
    b = await startHarness({ provider: 'postgres', databaseUrl: a.databaseUrl, fake: a.fake });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('answers in the language just set on the other instance, and a reload on one is seen by both', async () => {
    await a.driver.command('U0SALES002', '/org', 'lang en');
    expect(answerText((await b.driver.command('U0SALES002', '/org', 'help')).json)).toMatch(/[A-Za-z]{4}/);
    expect(answerText((await b.driver.command('U0SALES002', '/org', 'help')).json)).not.toMatch(/[\u4e00-\u9fff]{4}/);
    await b.driver.command('U0SALES002', '/org', 'lang 繁體中文');
    expect(answerText((await a.driver.command('U0SALES002', '/org', 'help')).json)).toMatch(/[\u4e00-\u9fff]{4}/);
  });

  it('acts once on an event delivered to one instance and retried to the other', async () => {
    const event = { type: 'app_home_opened', user: 'U0SALES002', channel: 'D0SALES002', tab: 'home' };
    await a.driver.event(event, { eventId: 'Ev0TWOINST01' });
    await b.driver.event(event, { eventId: 'Ev0TWOINST01', retryNum: 1 });
    await expect.poll(() => a.fake.callsTo('views.publish').length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(a.fake.callsTo('views.publish')).toHaveLength(1);
  });

  it('files on one instance and decides once when both get a click at the same time', async () => {
    await fileVisitAs(a, 'U0SALES001', { phone: '13812340000' });
    const visit = await a.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const message = approvalMessageOf(a, visit.id);
    const updates = a.fake.callsTo('chat.update').length;
    await Promise.all([
      a.driver.clickButton('U0TLEAD001', message, 'visit_approve'),
      b.driver.clickButton('U0TLEAD001', message, 'visit_approve'),
    ]);
    await untilStatus(a, visit.id, 'approved');
    await b.flushOutbox();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(a.fake.callsTo('chat.update').length - updates).toBe(1);
    expect(await a.bot.db.customer.count({ where: { phone: '+8613812340000' } })).toBe(1);
    expect(await a.bot.db.auditEntry.count({ where: { action: 'visit.approved', subject: `visit:${visit.id}` } })).toBe(
      1,
    );
  });

  it('runs each scheduled period once when both instances tick together', async () => {
    const [ra, rb] = await Promise.all([a.bot.scheduler.tick(), b.bot.scheduler.tick()]);
    const runs = await a.bot.db.jobRun.groupBy({ by: ['jobId', 'periodKey'], _count: { _all: true } });
    expect(runs.every((r) => r._count._all === 1)).toBe(true);
    expect(ra.ran.filter((x) => rb.ran.includes(x))).toEqual([]);
  });
});
