import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imagesIn } from '../../src/fake-slack/file-uploads.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { pngSize } from '../support/png.ts';
import { BRAND_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { ONE_PROVIDER } from '../support/test-database.ts';
import {
  approvalMessageOf,
  blocksText,
  dmsTo,
  fileVisitAs,
  openedView,
  settle,
  untilStatus,
} from '../support/visit-flow.ts';
import { FUNNEL_HEIGHT } from '../../src/views/charts/visit-charts.ts';

/**
 * Waits for a conversation to hold so many shared files. The first chart starts the drawing worker,
 * which takes seconds on a loaded machine: longer than flushOutbox waits.
 */
async function untilShared(h: Harness, channel: string, count: number): Promise<void> {
  const shared = () => h.fake.state.inChannel(channel).filter((m) => m.files?.length).length;
  await expect.poll(shared, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(count);
}

describe('/targets team chart on a brand', () => {
  let h: Harness;
  // 26 November 2026, 10:00 in Shanghai: 84.7% of the month gone
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider: ONE_PROVIDER, clock, orgFile: BRAND_ORG });
    const split = async (user: string, values: Record<string, string | string[]>) => {
      const view = await openedView(h, () => h.driver.command(user, '/targets', 'set 2026-11'));
      expect((await h.driver.submitView(user, view, values)).text).toBe('');
    };
    const company = await openedView(h, () => h.driver.command('U0DEPDIR01', '/targets', 'set 2026-11'));
    const values: Record<string, string> = { parent: '7375000' };
    for (const row of (company.view.blocks as any[]).filter((b) => String(b.block_id).startsWith('row:')))
      values[row.block_id] = row.block_id === 'row:market:E' ? '3000000' : '625000';
    expect((await h.driver.submitView('U0DEPDIR01', company, values)).text).toBe('');
    await split('U0MKTMGR01', { 'row:person:U0UNITMG01': '1800000', 'row:person:U0UNITMG02': '1200000' });
    const sales = await openedView(h, () => h.driver.command('U0SALREP01', '/sales'));
    const figure = { person: 'U0SALREP01', account: '滬東分銷', month: '2026-11', metric: 'amount', value: '450000' };
    expect((await h.driver.submitView('U0SALREP01', sales, figure)).text).toBe('');
  });
  afterAll(async () => h?.stop());

  it("acks at once, then uploads a chart of each report's attainment to the asker's DM with a fallback", async () => {
    const before = h.fake.calls.length;
    const answer = await h.driver.command('U0MKTMGR01', '/targets', 'team chart');
    expect(answerText(answer.json)).toContain('圖表產生中');
    await untilShared(h, 'U0MKTMGR01', 1);
    const calls = h.fake.calls.slice(before).map((c) => c.method);
    expect(calls).toEqual(
      expect.arrayContaining(['files.getUploadURLExternal', 'file_upload', 'files.completeUploadExternal']),
    );
    const dm = h.fake.state.inChannel('U0MKTMGR01').filter((m) => m.files?.length);
    expect(dm).toHaveLength(1);
    const [shared] = dm[0].files!;
    expect(shared.mimetype).toBe('image/png');
    expect(shared.title).toBe('梁志遠 團隊 銷售額 達成率 2026-11（本月）');
    // the text beside the picture says what it shows, for anyone who cannot see it
    expect(dm[0].text).toContain('時間進度 85%');
    expect(dm[0].text).toContain('唐文傑 25%');
    expect(dm[0].text).toContain('韓雪 0%');
    const asked = h.fake.callsTo('files.getUploadURLExternal').at(-1)!;
    expect(String(asked.args.alt_txt)).toContain('直線是本月時間進度 85%');
    const [image] = imagesIn(h.fake.state, 'U0MKTMGR01');
    expect(image.altText).toContain('橫條是各直屬下屬的達成率');
    expect(pngSize(image.data)).toEqual({ width: 800, height: 140 + 34 * 2 });
  });

  it('refuses someone without reports, as /targets team does, and uploads nothing', async () => {
    const before = h.fake.callsTo('files.getUploadURLExternal').length;
    const answer = await h.driver.command('U0SALREP01', '/targets', 'team chart');
    expect(answerText(answer.json)).toContain('你沒有直屬下屬');
    await h.flushOutbox();
    expect(h.fake.callsTo('files.getUploadURLExternal')).toHaveLength(before);
  });

  it("puts one chart in a manager's weekly digest: their attainment against the month's pace", async () => {
    clock.set('2026-11-30T00:30:00Z'); // Monday 08:30 in Shanghai
    expect((await h.bot.scheduler.tick()).ran).toContain('rhythm.digest-weekly@week-2026-11-30');
    await untilShared(h, 'U0UNITMG01', 1);
    const [picture] = h.fake.state.inChannel('U0UNITMG01').filter((m) => m.files?.length);
    expect(picture.files![0].title).toBe('唐文傑 本月達成率');
    expect(picture.text).toContain('銷售額 25%');
    const digest = h.fake.state.inChannel('U0UNITMG01').find((m) => m.text.includes('摘要'));
    expect(digest).toBeDefined();
    // a rep with no target of their own gets no picture of nothing
    await h.flushOutbox();
    expect(h.fake.state.inChannel('U0KEYACC02').filter((m) => m.files?.length)).toHaveLength(0);
  });

  it('tries an upload again when Slack fails it, like any message', async () => {
    // the fault and the count are both this chart's: other managers' digest charts may still be in flight
    const title = '梁志遠 團隊 銷售額 達成率 2026-11（本月）';
    const isThisChart = (args: Record<string, unknown>) =>
      (args.files as { title?: string }[] | undefined)?.some((f) => f.title === title) ?? false;
    let failures = 1;
    h.fake.fault = (method, args) =>
      method === 'files.completeUploadExternal' && isThisChart(args) && failures-- > 0
        ? { status: 500, body: { ok: false, error: 'internal_error' } }
        : undefined;
    const shared = () => h.fake.callsTo('files.completeUploadExternal').filter((c) => isThisChart(c.args)).length;
    const before = shared();
    await h.driver.command('U0MKTMGR01', '/targets', 'team chart');
    await expect
      .poll(
        async () => {
          clock.advance(60_000);
          await h.bot.sender.deliverDue();
          return shared();
        },
        { timeout: 60_000, interval: 100 },
      ) // as the shares above: drawing is slow on a loaded machine
      .toBe(before + 1);
    expect(failures).toBeLessThan(0); // the first try was failed, so this share is the retry
    await h.flushOutbox();
    expect(shared()).toBe(before + 1);
    h.fake.fault = undefined;
  }, 90_000);
});

describe("a site's weekly visit analysis with its funnel", () => {
  let h: Harness;
  // Thursday 2026-11-26, 10:00 in Asia/Shanghai
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider: ONE_PROVIDER, clock });
    for (const [user, phone] of [
      ['U0SALES001', '13900001111'],
      ['U0SALES002', '13900002222'],
    ]) {
      await fileVisitAs(h, user, { phone, customerName: `客戶${phone.slice(-4)}` });
      const visit = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
      await h.driver.clickButton('U0TLEAD001', approvalMessageOf(h, visit.id), 'visit_approve');
      await untilStatus(h, visit.id, 'approved');
    }
    await settle(h);
    // one of the two customers subscribes (認購)
    const card = dmsTo(h, 'U0SALES001')
      .filter((m) => blocksText(m).includes('customer_stage'))
      .at(-1)!;
    await h.driver.clickButton('U0SALES001', card, 'customer_next');
    const stageOf = async () =>
      (await h.bot.db.customer.findFirstOrThrow({ where: { phone: { endsWith: '1111' } } })).stage;
    for (let i = 0; i < 200 && (await stageOf()) !== 'reserved'; i += 1) await new Promise((r) => setTimeout(r, 25));
    expect(await stageOf()).toBe('reserved');
  });
  afterAll(async () => h?.stop());

  it('follows the Monday analysis with the funnel visits → 認購 → 簽約, in the planning channel and DMs', async () => {
    clock.set('2026-11-30T01:00:00Z'); // Monday 09:00 local
    expect((await h.bot.scheduler.tick()).ran).toContain('visits.weekly-analysis@week-2026-11-30');
    for (const where of ['C0PLANNING1', 'U0PROJMGR1', 'U0DEPUTY01']) await untilShared(h, where, 1);
    await h.flushOutbox();
    const planning = h.fake.state.inChannel('C0PLANNING1');
    const analysis = planning.findIndex((m) => m.text.includes('來訪分析 2026-11-23～2026-11-29'));
    const chart = planning.findIndex((m) => m.files?.length);
    expect(analysis).toBeGreaterThanOrEqual(0);
    expect(chart).toBeGreaterThan(analysis); // the picture follows the text it illustrates
    const message = planning[chart];
    // the funnel counts the deals, as the message's 成交轉化 and /targets do: a file moved to 認購 by hand,
    // with no deal, reserves no unit and counts nothing
    expect(message.text).toBe('*來訪轉化漏斗 2026-11-23～2026-11-29*\n來訪 2\n認購 0\n簽約 0');
    const png = h.fake.state.files.get(message.files![0].id)!.data;
    expect(pngSize(png)).toEqual({ width: 800, height: FUNNEL_HEIGHT });
    const alt = h.fake.callsTo('files.getUploadURLExternal').map((c) => String(c.args.alt_txt));
    expect(alt).toContain('來訪轉化漏斗 2026-11-23～2026-11-29：來訪 2，認購 0，簽約 0');
    for (const person of ['U0PROJMGR1', 'U0DEPUTY01'])
      expect(h.fake.state.inChannel(person).filter((m) => m.files?.length)).toHaveLength(1);
  });
});
