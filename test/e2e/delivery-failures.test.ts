import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FixedClock } from '../../src/lib/clock.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { propertyChart } from '../support/org-fixtures.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { dmsTo, fileVisitAs, openedView, visitValues, waitFor } from '../support/visit-flow.ts';

const chart = propertyChart();
const ADMINS = chart.people
  .filter((p) => chart.isLeadership(p.slackId) || chart.isAdmin(p.slackId))
  .map((p) => p.slackId);

describe.each(PROVIDERS)('delivery failures on %s', (provider) => {
  let h: Harness;
  const health = async () =>
    (await (await fetch(`http://127.0.0.1:${h.bot.port}/healthz`)).json()) as {
      status: string;
      outbox: Record<string, number>;
    };
  const visitsOf = async () => h.bot.db.visit.findMany({ orderBy: { id: 'asc' } });
  beforeAll(async () => {
    h = await startHarness({ provider });
  }, 60_000);
  afterAll(async () => h?.stop());
  beforeEach(() => {
    h.fake.fault = undefined;
  });

  it('tells filer and admins when an approval request cannot reach the lead; /healthz says degraded', async () => {
    // the bot is not in the filer's and team lead's group conversation
    h.fake.fault = (method, args) =>
      method === 'chat.postMessage' && h.fake.state.groupMembers.has(String(args.channel))
        ? { status: 200, body: { ok: false, error: 'not_in_channel' } }
        : undefined;
    await fileVisitAs(h, 'U0SALES001');
    const visit = (await visitsOf()).at(-1)!;
    const notice = `你的來訪登記 #${visit.id} 未能送達 劉大偉：機器人不在那個頻道。管理員已收到通知。`;
    await waitFor(() => dmsTo(h, 'U0SALES001').some((m) => m.text === notice), 'the filer to be told');
    for (const admin of ADMINS) {
      await waitFor(
        () =>
          dmsTo(h, admin).some((m) => m.text.includes(`周子豪 的來訪登記 #${visit.id} → 劉大偉：機器人不在那個頻道`)),
        `admin ${admin} to be told`,
      );
    }
    expect(await health()).toMatchObject({ status: 'degraded', outbox: { failed: 1 } });
    // told once: another failure pass tells nobody again
    await h.flushOutbox();
    expect(dmsTo(h, 'U0SALES001').filter((m) => m.text === notice)).toHaveLength(1);
  });

  it('sends the failed messages again on /org retry-failed, for leadership and admins only', async () => {
    const refused = await h.driver.command('U0SALES001', '/org', 'retry-failed');
    expect(answerText(refused.json)).toMatch(/沒有權限/);
    expect(await h.bot.db.outboxMessage.count({ where: { status: 'failed' } })).toBe(1);
    // the bot was invited: the cause is gone
    const answer = await h.driver.command(ADMINS[0], '/org', 'retry-failed');
    expect(answerText(answer.json)).toContain('已重新排入 1 則未送達的訊息');
    await h.flushOutbox();
    const visit = (await visitsOf()).at(-1)!;
    expect(await h.bot.db.outboxMessage.findUniqueOrThrow({ where: { id: visit.approvalOutboxId! } })).toMatchObject({
      status: 'sent',
    });
    expect(await health()).toMatchObject({ status: 'ok', outbox: { failed: 0 } });
  });

  it('holds every message while the token is revoked, says so on /healthz, delivers all once it works', async () => {
    let revoked = true;
    h.fake.fault = (method) =>
      revoked && method.startsWith('chat.') ? { status: 200, body: { ok: false, error: 'token_revoked' } } : undefined;
    const view = await openedView(h, () => h.driver.command('U0SALES002', '/visit'));
    expect(
      (
        await h.driver.submitView(
          'U0SALES002',
          view,
          visitValues(h, { phone: '138 2222 3333', customerName: '黃太太' }),
        )
      ).status,
    ).toBe(200);
    await waitFor(async () => (await health()).outbox.waitingForToken > 0, 'the token refusal to show');
    expect(await health()).toMatchObject({ status: 'degraded', outbox: { failed: 0 } });
    revoked = false;
    (h.clock as FixedClock).advance(60_000);
    await h.flushOutbox();
    const visit = (await visitsOf()).at(-1)!;
    expect(await h.bot.db.outboxMessage.findUniqueOrThrow({ where: { id: visit.approvalOutboxId! } })).toMatchObject({
      status: 'sent',
    });
    expect(await health()).toMatchObject({ status: 'ok', outbox: { failed: 0, waitingForToken: 0 } });
  }, 30_000);
});
