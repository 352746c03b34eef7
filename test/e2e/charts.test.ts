import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { pngSize } from '../support/png.ts';
import { BRAND_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { ONE_PROVIDER } from '../support/test-database.ts';
import { openedView } from '../support/visit-flow.ts';

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

  it("acks at once, then uploads the chart of each report's attainment to the asker's DM with a text fallback", async () => {
    const before = h.fake.calls.length;
    const answer = await h.driver.command('U0MKTMGR01', '/targets', 'team chart');
    expect(answerText(answer.json)).toContain('圖表產生中');
    await h.flushOutbox();
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
    const png = h.fake.state.files.get(shared.id)!.data;
    expect(pngSize(png)).toEqual({ width: 800, height: 140 + 34 * 2 });
  });

  it('refuses someone without reports, as /targets team does, and uploads nothing', async () => {
    const before = h.fake.callsTo('files.getUploadURLExternal').length;
    const answer = await h.driver.command('U0SALREP01', '/targets', 'team chart');
    expect(answerText(answer.json)).toContain('你沒有直屬下屬');
    await h.flushOutbox();
    expect(h.fake.callsTo('files.getUploadURLExternal')).toHaveLength(before);
  });

  it('tries an upload again when Slack fails it, like any message', async () => {
    let failures = 1;
    h.fake.fault = (method) =>
      method === 'files.completeUploadExternal' && failures-- > 0
        ? { status: 500, body: { ok: false, error: 'internal_error' } }
        : undefined;
    const before = h.fake.callsTo('files.completeUploadExternal').length;
    await h.driver.command('U0MKTMGR01', '/targets', 'team chart');
    await expect
      .poll(async () => {
        clock.advance(60_000);
        await h.bot.sender.deliverDue();
        return h.fake.callsTo('files.completeUploadExternal').length;
      })
      .toBe(before + 1);
    h.fake.fault = undefined;
  });
});
