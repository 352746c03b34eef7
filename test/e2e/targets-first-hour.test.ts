import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { BRAND_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { dmsTo, openedView } from '../support/visit-flow.ts';

const MARKETS = {
  'row:market:NE': '1000000',
  'row:market:N': '1000000',
  'row:market:NW': '1000000',
  'row:market:C': '1000000',
  'row:market:SD': '500000',
  'row:market:E': '2500000',
  'row:market:S': '500000',
  'row:market:SW': '500000',
};

describe.each(PROVIDERS)('target roll-ups on a brand, the first hour, on %s', (provider) => {
  let h: Harness;
  // 26 November 2026, 10:00 in Shanghai
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: BRAND_ORG });
  });
  afterAll(async () => h?.stop());

  const split = async (user: string, values: Record<string, string>) => {
    const view = await openedView(h, () => h.driver.command(user, '/targets', 'set 2026-11'));
    return h.driver.submitView(user, view, values);
  };
  const ask = async (user: string, text = '') => answerText((await h.driver.command(user, '/targets', text)).json);

  it("gives a market manager his market's target, and his team total the sum of his split", async () => {
    expect((await split('U0DEPDIR01', { parent: '8000000', ...MARKETS })).text).toBe('');
    expect(
      (await split('U0MKTMGR01', { 'row:person:U0UNITMG01': '1500000', 'row:person:U0UNITMG02': '1000000' })).text,
    ).toBe('');
    const view = await openedView(h, () => h.driver.command('U0SALREP01', '/sales'));
    await h.driver.submitView('U0SALREP01', view, {
      person: 'U0SALREP01',
      account: '滬東分銷',
      month: '2026-11',
      metric: 'amount',
      value: '300000',
    });

    const team = await ask('U0MKTMGR01', 'team');
    expect(team).toContain('*合計*：目標 ¥2,500,000｜實際 ¥300,000｜達成 12%');
    expect(team).toContain('1. 唐文傑：¥300,000 / ¥1,500,000（20%）');
    expect(team).toContain('2. 韓雪：¥0 / ¥1,000,000（0%）');
    expect(await ask('U0MKTMGR01', '本月')).toContain('*銷售額*：目標 ¥2,500,000｜實際 ¥300,000｜達成 12%');
  });

  it('confirms each split to the one who published it, and tells each person their new target', async () => {
    await h.flushOutbox();
    const texts = (id: string) => dmsTo(h, id).map((m) => m.text);
    expect(texts('U0DEPDIR01')).toContainEqual(
      expect.stringContaining('✅ 已發佈 2026-11 的銷售額目標：東北 ¥1,000,000、華北 ¥1,000,000'),
    );
    expect(texts('U0MKTMGR01')).toContain(
      '🎯 馬曉燕 為華東市場設定了 2026-11 的銷售額目標：¥2,500,000。用 `/targets` 查看進度。',
    );
    expect(texts('U0MKTMGR01')).toContainEqual(
      expect.stringContaining('✅ 已發佈 2026-11 的銷售額目標：唐文傑 ¥1,500,000、韓雪 ¥1,000,000'),
    );
    expect(texts('U0UNITMG01')).toContain(
      '🎯 梁志遠 為你設定了 2026-11 的銷售額目標：¥1,500,000。用 `/targets` 查看進度。',
    );
    expect(texts('U0SALREP01')).toContainEqual(expect.stringContaining('已登記 蔣濤 2026-11 的銷售額：¥300,000'));

    // a change names the old figure; an unchanged row and a re-submitted modal say nothing again
    const view = await openedView(h, () => h.driver.command('U0MKTMGR01', '/targets', 'set 2026-11'));
    const values = { 'row:person:U0UNITMG01': '1600000', 'row:person:U0UNITMG02': '900000' };
    await h.driver.submitView('U0MKTMGR01', view, values);
    await h.driver.submitView('U0MKTMGR01', view, values);
    await h.flushOutbox();
    expect(texts('U0UNITMG01').filter((t) => t.includes('¥1,600,000（原為 ¥1,500,000）'))).toHaveLength(1);
    expect(texts('U0MKTMGR01').filter((t) => t.includes('唐文傑 ¥1,600,000'))).toHaveLength(1);
  });

  it("gives the sales director his markets and his deputy's, each team a total adding up over rows shown", async () => {
    // he runs 東北, 華北, 西北 and 華中 (1,000,000 each); his deputy's markets are hers, and his through her,
    // each counted once: his own line measures his subtree's sales against them
    expect(await ask('U0SALDIR02', '本月')).toContain('*銷售額*：目標 ¥8,000,000｜實際 ¥300,000｜達成 4%');
    const director = await ask('U0SALDIR02', 'team');
    // his total is his own line, and what his rows add up to
    expect(director).toContain('*合計*：目標 ¥8,000,000｜實際 ¥300,000｜達成 4%');
    expect(director).toContain('馬曉燕：¥300,000 / ¥4,000,000（8%）');
    expect(director).toContain('宋建華：¥0 / ¥1,000,000（0%）');
    // the markets he runs with no market manager below him are rows, not lost
    for (const market of ['東北', '西北', '華中']) expect(director).toContain(`${market}：¥0 / ¥1,000,000（0%）`);
    expect(director).not.toContain('華北：');
    for (const ref of ['<@U0DEPDIR01|馬曉燕>', '@馬曉燕', '@U0DEPDIR01']) {
      expect(await ask('U0SALDIR02', `${ref} 本月`), ref).toContain(
        '*銷售額*：目標 ¥4,000,000｜實際 ¥300,000｜達成 8%',
      );
    }
    expect(await ask('U0DEPDIR01', '本月')).toContain('*銷售額*：目標 ¥4,000,000｜實際 ¥300,000｜達成 8%');
    const deputy = await ask('U0DEPDIR01', 'team');
    expect(deputy).toContain('*合計*：目標 ¥4,000,000｜實際 ¥300,000｜達成 8%');
    expect(deputy).toContain('梁志遠：¥300,000 / ¥2,500,000（12%）');
    for (const market of ['山東', '華南', '西南']) expect(deputy).toContain(`${market}：¥0 / ¥500,000（0%）`);
    // the top of the chart has the company's target; his one row is the director's own, the same figure
    expect(await ask('U0GENMGR01', '本月')).toContain('*銷售額*：目標 ¥8,000,000｜實際 ¥300,000');
    const top = await ask('U0GENMGR01', 'team');
    expect(top).toContain('*合計*：目標 ¥8,000,000｜實際 ¥300,000');
    expect(top).toContain('孫立群：¥300,000 / ¥8,000,000（4%）');
  });

  it("reads a typed @name, refuses another team's person plainly, and names an unknown one", async () => {
    expect(await ask('U0KEYACC02', '@葉明 本月')).toContain('葉明 的目標與達成');
    const other = await ask('U0SALREP03', '@蔣濤');
    expect(other).toContain('你不能查看這些數字');
    expect(other).not.toContain('用法');
    expect(await ask('U0SALREP03', '@無名氏')).toContain('找不到「@無名氏」');
    expect(await ask('U0KEYACC02', '葉明')).toContain('葉明 的目標與達成');
    expect(await ask('U0KEYACC02', 'visits')).toContain('用法');
  });
});

describe.each(PROVIDERS)('the SSG recording figures with /sales on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: BRAND_ORG });
  });
  afterAll(async () => h?.stop());

  const peopleIn = (view: { view: Record<string, unknown> }) =>
    (view.view.blocks as any[]).find((b) => b.block_id === 'person').element.options.map((o: any) => o.value);

  it('offers the SSG every field person and records for any of them, confirming what was saved', async () => {
    for (const ssg of ['U0SSGLEAD1', 'U0CSREP001']) {
      const people = peopleIn(await openedView(h, () => h.driver.command(ssg, '/sales')));
      expect(people, ssg).toHaveLength(12);
      expect(people).toContain('U0SALREP03');
      expect(people).not.toContain('U0GENMGR01');
    }
    const view = await openedView(h, () => h.driver.command('U0SSGLEAD1', '/sales'));
    const saved = await h.driver.submitView('U0SSGLEAD1', view, {
      person: 'U0SALREP03',
      account: '杭興貿易',
      month: '2026-11',
      metric: 'amount',
      value: '200000',
    });
    expect(saved.text).toBe('');
    expect(await h.bot.db.actual.findFirstOrThrow()).toMatchObject({
      personId: 'U0SALREP03',
      value: 20_000_000n,
      createdBy: 'U0SSGLEAD1',
    });
    await h.flushOutbox();
    expect(dmsTo(h, 'U0SSGLEAD1').map((m) => m.text)).toContain('已登記 葉明 2026-11 的銷售額：¥200,000（杭興貿易）。');
    expect(dmsTo(h, 'U0SALREP03').map((m) => m.text)).toContain(
      '何麗君 為你登記了 2026-11 的銷售額：¥200,000（杭興貿易）。用 `/targets` 查看進度。',
    );
    // outside the markets she serves too, and she sees what she recorded
    const north = await openedView(h, () => h.driver.command('U0SSGLEAD1', '/sales'));
    await h.driver.submitView('U0SSGLEAD1', north, {
      person: 'U0SALREP04',
      account: '京北分銷',
      month: '2026-11',
      metric: 'volume',
      value: '120',
    });
    expect(answerText((await h.driver.command('U0SSGLEAD1', '/sales', 'list')).json)).toContain('潘雲｜銷量 120');
    expect(answerText((await h.driver.command('U0SSGLEAD1', '/targets', 'team')).json)).toContain('你沒有直屬下屬');
  });

  it("records market share as a market's figure, no customer, only by those who speak for the market", async () => {
    const rep = await openedView(h, () => h.driver.command('U0SALREP01', '/sales'));
    const refused = await h.driver.submitView('U0SALREP01', rep, {
      person: 'U0SALREP01',
      month: '2026-11',
      metric: 'share',
      market: 'E',
      value: '18.5',
    });
    expect((refused.json?.errors as Record<string, string> | undefined)?.market).toContain('市場占有率只能由');
    const view = await openedView(h, () => h.driver.command('U0SSGLEAD1', '/sales'));
    const saved = await h.driver.submitView('U0SSGLEAD1', view, {
      person: 'U0SALREP03',
      month: '2026-11',
      metric: 'share',
      market: 'E',
      value: '18.5',
    });
    expect(saved.text).toBe('');
    expect(await h.bot.db.actual.count({ where: { metric: 'share', marketCode: 'E' } })).toBe(1);
    expect(answerText((await h.driver.command('U0DEPDIR01', '/targets', '華東 本月')).json)).toContain(
      '*市場占有率 %*：實際 18.5',
    );
    // the list says whom each figure counts for: the share its market (not 何麗君's own), money with ¥, 18.5%
    const list = answerText((await h.driver.command('U0SSGLEAD1', '/sales', 'list')).json);
    expect(list).toMatch(/#\d+ 2026-11 華東 市場｜市場占有率 18\.5%｜何麗君 登記/);
    expect(list).toMatch(/#\d+ 2026-11 葉明｜銷售額 ¥200,000｜杭興貿易/);
    expect(list).not.toContain('何麗君｜');
    const noAccount = await h.driver.submitView(
      'U0SSGLEAD1',
      await openedView(h, () => h.driver.command('U0SSGLEAD1', '/sales')),
      { person: 'U0SALREP03', month: '2026-11', metric: 'amount', value: '1' },
    );
    expect((noAccount.json?.errors as Record<string, string> | undefined)?.account).toContain('請填寫');
  });

  it('says at once that a figure to correct does not exist, instead of opening a form that cannot save', async () => {
    const before = h.fake.callsTo('views.open').length;
    expect(answerText((await h.driver.command('U0SSGLEAD1', '/sales', 'correct 999')).json)).toContain('找不到 #999');
    expect(h.fake.callsTo('views.open')).toHaveLength(before);
  });

  it('confirms a correction once, however often the modal is submitted', async () => {
    const actual = await h.bot.db.actual.findFirstOrThrow({ where: { metric: 'amount' } });
    const view = await openedView(h, () => h.driver.command('U0SSGLEAD1', '/sales', `correct ${actual.id}`));
    await h.driver.submitView('U0SSGLEAD1', view, { value: '180000', reason: '退貨' });
    await h.driver.submitView('U0SSGLEAD1', view, { value: '180000', reason: '退貨' });
    await h.flushOutbox();
    expect(await h.bot.db.actualCorrection.count()).toBe(1);
    expect(
      dmsTo(h, 'U0SSGLEAD1').filter((m) => m.text.includes(`已將實績 #${actual.id} 從 ¥200,000 更正為 ¥180,000`)),
    ).toHaveLength(1);
    expect(
      dmsTo(h, 'U0SALREP03').filter(
        (m) => m.text === '何麗君 更正了你 2026-11 的銷售額實績：¥200,000 → ¥180,000。原因：退貨',
      ),
    ).toHaveLength(1);
  });
});

describe.each(PROVIDERS)("a property site's team view on %s", (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock });
  });
  afterAll(async () => h?.stop());

  it("ranks only the people who carry targets, on the site's own metric", async () => {
    const lead = await openedView(h, () => h.driver.command('U0TLEAD001', '/targets', 'set 2026-11 contracts'));
    await h.driver.submitView('U0TLEAD001', lead, { 'row:person:U0SALES001': '3', 'row:person:U0SALES002': '3' });
    const team = answerText((await h.driver.command('U0PROJMGR1', '/targets', 'team')).json);
    expect(team).toContain('簽約套數');
    expect(team).not.toContain('銷售額');
    expect(team).toContain('*合計*：目標 6｜實際 0');
    expect(team).toContain('劉大偉：0 / 6（0%）');
    expect(team).toContain('吳佳玲：0 / —');
    expect(team).not.toContain('李淑芬');
    expect(team).not.toContain('張雅婷');
  });

  it("lets the site office record the site's figures, on the site's own metrics", async () => {
    const view = await openedView(h, () => h.driver.command('U0SECRET01', '/sales'));
    const blocks = view.view.blocks as any[];
    expect(blocks.find((b) => b.block_id === 'person').element.options.map((o: any) => o.value)).toContain(
      'U0SALES003',
    );
    expect(blocks.find((b) => b.block_id === 'metric').element.options.map((o: any) => o.value)).toEqual(['amount']);
    const refused = await h.driver.submitView('U0SECRET01', view, {
      person: 'U0SALES003',
      account: '許先生',
      month: '2026-11',
      metric: 'volume',
      value: '3',
    });
    expect((refused.json?.errors as Record<string, string> | undefined)?.metric).toContain('請填寫');
    expect(answerText((await h.driver.command('U0DEPUTY01', '/targets', 'team')).json)).toContain('你沒有直屬下屬');
  });

  it("gives a quarter split into months the sum of its months, in the person's view and the team's", async () => {
    const months = await openedView(h, () =>
      h.driver.command('U0TLEAD002', '/targets', 'set 2026-Q4 contracts months'),
    );
    await h.driver.submitView('U0TLEAD002', months, {
      'row:month:2026-10': '1',
      'row:month:2026-11': '2',
      'row:month:2026-12': '3',
    });
    expect(answerText((await h.driver.command('U0TLEAD002', '/targets', '本季')).json)).toContain(
      '*簽約套數*：目標 6｜實際 0',
    );
    expect(answerText((await h.driver.command('U0PROJMGR1', '/targets', 'team 本季 contracts')).json)).toContain(
      '吳佳玲：0 / 6（0%）',
    );
  });

  it("prefills the PM's stage plan with the site's targets as the team view adds them up", async () => {
    const view = await openedView(h, () => h.driver.command('U0PROJMGR1', '/focus', '本月'));
    const row = (view.view.blocks as any[]).find((b) => b.block_id === 'targets:site');
    expect(row.element.initial_value).toBe('簽約套數 8');
  });

  it("brings each team's attainment on the site's own metric to the site meeting's agenda", async () => {
    await h.bot.db.actualTotal.create({
      data: { orgId: 1, personId: 'U0SALES001', month: '2026-11', metric: 'contracts', value: 1 },
    });
    // the site meets about the 5th: Saturday 5 December 2026 moves to Monday the 7th; reminded Friday 09:00
    clock.set('2026-12-04T01:00:00Z');
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    const agenda = dmsTo(h, 'U0PROJMGR1')
      .map((m) => JSON.stringify(m.blocks ?? []) + m.text)
      .find((text) => text.includes('上月各組達成'));
    expect(agenda).toContain('上月各組達成（簽約套數）');
    expect(agenda).toContain('劉大偉：1 / 6（17%）');
    expect(agenda).toContain('吳佳玲：0 / 2（0%）');
  });
});
