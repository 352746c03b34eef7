import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { BRAND_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { blocksText, openedView } from '../support/visit-flow.ts';

const title = (view: { view: Record<string, unknown> }) => (view.view.title as { text: string }).text;
const metadataMonth = (view: { view: Record<string, unknown> }) => JSON.parse(String(view.view.private_metadata)).month;

describe.each(PROVIDERS)('a focus drafted after its publish day on a brand on %s', (provider) => {
  let h: Harness;
  // Friday 27 November 2026, 10:00 in Shanghai: November's focus day (the 6th) is long gone
  const clock = new FixedClock(new Date('2026-11-27T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: BRAND_ORG });
  });
  afterAll(async () => h?.stop());

  const ephemeralAfter = async (before: number) => {
    await expect.poll(() => h.fake.calls.slice(before).some((c) => c.method === 'chat.postEphemeral')).toBe(true);
    return String(h.fake.calls.slice(before).find((c) => c.method === 'chat.postEphemeral')!.args.text);
  };

  it('offers next month by default after the focus day and says so; a named month gets its own title', async () => {
    const plain = await openedView(h, () => h.driver.command('U0SALDIR02', '/focus'));
    expect(metadataMonth(plain)).toBe('2026-12');
    expect(title(plain)).toBe('2026-12 工作重點');
    expect(blocksText(plain.view as never)).toContain('2026-11 的工作重點發佈時間（2026-11-06 09:00）已過');
    const named = await openedView(h, () => h.driver.command('U0SALDIR02', '/focus', '2026-12'));
    expect(title(named)).toBe('2026-12 工作重點');
    expect(blocksText(named.view as never)).not.toContain('已過');
    expect(answerText((await h.driver.command('U0SALDIR02', '/focus', '2026-10')).json)).toContain('2026-10 已經過去');
  });

  it('refuses an over-long market row with a message instead of cutting it, and stores nothing', async () => {
    const view = await openedView(h, () => h.driver.command('U0SALDIR02', '/focus', '本月'));
    expect(title(view)).toBe('2026-11 工作重點');
    const long = await h.driver.submitView('U0SALDIR02', view, {
      main: '年底衝量',
      secondary1: '回款',
      secondary2: '培訓',
      'focus:E': '陳'.repeat(301),
    });
    expect((long.json?.errors as Record<string, string> | undefined)?.['focus:E']).toBe(
      '「華東：重點」最多 300 個字。',
    );
    expect(await h.bot.db.focusPlan.count()).toBe(0);
  });

  it('has a second SLT member approve, shows the deputy the draft, publishes at once when approved late', async () => {
    const view = await openedView(h, () => h.driver.command('U0SALDIR02', '/focus', '2026-11'));
    await h.driver.submitView('U0SALDIR02', view, {
      main: '年底衝量',
      secondary1: '回款',
      secondary2: '培訓',
      'focus:E': '上海門店陳列',
    });
    await h.flushOutbox();
    const draft = h.fake.state.messages.find((m) => blocksText(m).includes('focus_approve'))!;
    expect(h.fake.state.groupMembers.get(draft.channel)).toEqual(['U0DEPDIR01', 'U0GENMGR01', 'U0SALDIR02']);
    expect(blocksText(draft)).toContain('待 <@U0GENMGR01> 核准');

    let before = h.fake.calls.length;
    await h.driver.clickButton('U0SALDIR02', draft, 'focus_approve');
    expect(await ephemeralAfter(before)).toContain('你不能核准自己擬定的工作重點');
    before = h.fake.calls.length;
    await h.driver.clickButton('U0DEPDIR01', draft, 'focus_approve');
    expect(await ephemeralAfter(before)).toContain('只有總經理或銷售總監');
    expect((await h.bot.db.focusPlan.findFirstOrThrow()).status).toBe('draft');

    await h.driver.clickButton('U0GENMGR01', draft, 'focus_approve');
    await expect.poll(async () => (await h.bot.db.focusPlan.findFirstOrThrow()).status).toBe('published');
    await h.flushOutbox();
    const card = blocksText(h.fake.state.find(draft.channel, draft.ts));
    expect(card).toContain('原定發佈時間 2026-11-06 09:00 已過，已於核准時立即發佈');
    expect(card).not.toContain('將於');
    expect(h.fake.state.inChannel('C0ANNOUNC2').filter((m) => m.text.includes('2026-11 本月工作重點'))).toHaveLength(1);
    expect(answerText((await h.driver.command('U0GENMGR01', '/focus', 'status')).json)).toContain('確認情況：0/12');
  });

  it('still reminds those who have not acknowledged a late focus once the next month has begun', async () => {
    clock.set('2026-12-01T01:30:00Z'); // Tuesday 09:30: not yet two working days after Friday 10:00
    await h.bot.scheduler.tick();
    expect(await h.bot.db.focusAck.count({ where: { remindedAt: { not: null } } })).toBe(0);
    clock.set('2026-12-01T02:30:00Z');
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    expect(h.fake.state.messages.filter((m) => m.text.includes('2026-11 工作重點已發佈兩個工作日'))).toHaveLength(12);
  });

  it('says where an unpublished focus stands: waiting for approval, or approved and due when', async () => {
    const status = async () => answerText((await h.driver.command('U0GENMGR01', '/focus', 'status 2026-12')).json);
    expect(await status()).toContain('2026-12 的工作重點尚未發佈。');
    const view = await openedView(h, () => h.driver.command('U0SALDIR02', '/focus'));
    expect(metadataMonth(view)).toBe('2026-12');
    await h.driver.submitView('U0SALDIR02', view, { main: '春節備貨', secondary1: '回款', secondary2: '培訓' });
    expect(await status()).toContain('草稿等待核准（預定 2026-12-07 09:00 發佈');
    const plan = await h.bot.db.focusPlan.findFirstOrThrow({ where: { month: '2026-12' } });
    await h.flushOutbox();
    const draft = h.fake.state.messages.filter((m) => blocksText(m).includes('focus_approve')).at(-1)!;
    await h.driver.clickButton('U0GENMGR01', draft, 'focus_approve');
    await expect
      .poll(async () => (await h.bot.db.focusPlan.findUniqueOrThrow({ where: { id: plan.id } })).status)
      .toBe('approved');
    expect(await status()).toContain('2026-12 的工作重點已核准，將於 2026-12-07 09:00 發佈。');
  });

  it('answers a status for a month it cannot read, instead of guessing one', async () => {
    const text = answerText((await h.driver.command('U0GENMGR01', '/focus', 'status banana')).json);
    expect(text).toContain('看不懂「banana」');
  });
});
