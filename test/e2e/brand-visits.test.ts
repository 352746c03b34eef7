import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { BRAND_ORG, PROPERTY_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { blocksText, dmsTo, ephemeralsSince, fileVisitAs, openedView, settle, waitFor } from '../support/visit-flow.ts';

const brandVisit = (h: Harness) => ({
  account: '滬東分銷',
  visitAt: Math.floor(h.clock.now().getTime() / 1000) - 3600,
  purpose: 'order',
  outcome: '訂貨 200 件',
  nextStep: '',
});
const labelsOf = (view: { view: Record<string, unknown> }) => JSON.stringify(view.view);

describe.each(PROVIDERS)('a brand and a property site in one database on %s', (provider) => {
  let site: Harness;
  let brand: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    // the site files first: a bot follows the chart last imported into its database
    site = await startHarness({ provider, clock, orgFile: PROPERTY_ORG });
    for (const phone of ['13900001111', '13900002222', '13900003333']) await fileVisitAs(site, 'U0SALES001', { phone });
    // one fake workspace for both, so that their modals' ids never collide
    brand = await startHarness({ provider, clock, orgFile: BRAND_ORG, databaseUrl: site.databaseUrl, fake: site.fake });
  });
  afterAll(async () => {
    await brand?.stop();
    await site?.stop();
  });

  it("numbers each organisation's registrations from #1", async () => {
    const view = await openedView(brand, () => brand.driver.command('U0SALREP01', '/visit'));
    await brand.driver.submitView('U0SALREP01', view, brandVisit(brand));
    await brand.flushOutbox();
    const filed = await brand.bot.db.visit.findFirstOrThrow({ where: { sourceViewId: view.id } });
    expect(filed.id).toBe(4);
    expect(filed.number).toBe(1);
    const siteNumbers = (
      await site.bot.db.visit.findMany({ where: { NOT: { id: filed.id } }, orderBy: { id: 'asc' } })
    ).map((v) => v.number);
    expect(siteNumbers).toEqual([1, 2, 3]);
    expect(dmsTo(brand, 'U0SALREP01').at(-1)?.text).toContain('已送出拜訪登記 #1（滬東分銷）');
  });

  it("speaks of a brand's 拜訪登記 in its modal, its card, its decision and its edit, never of 來訪", async () => {
    const view = await openedView(brand, () => brand.driver.command('U0SALREP02', '/visit'));
    expect(labelsOf(view)).toContain('拜訪登記');
    expect(labelsOf(view)).toContain('拜訪時間');
    expect(labelsOf(view)).not.toContain('來訪');
    const refused = await brand.driver.submitView('U0SALREP02', view, {
      ...brandVisit(brand),
      visitAt: Math.floor(clock.now().getTime() / 1000) + 7200,
    });
    expect((refused.json?.errors as Record<string, string> | undefined)?.visitAt).toBe(
      '「拜訪時間」不能晚於現在，請改成實際拜訪的時間。',
    );
    await brand.driver.submitView('U0SALREP02', view, brandVisit(brand));
    await brand.flushOutbox();
    const visit = await brand.bot.db.visit.findFirstOrThrow({ where: { sourceViewId: view.id } });
    expect(visit.number).toBe(2);
    const card = brand.fake.state.messages.find(
      (m) => blocksText(m).includes('visit_details') && blocksText(m).includes('拜訪登記 #2 待審核'),
    )!;
    expect(card).toBeTruthy();
    const returnView = await openedView(brand, () => brand.driver.clickButton('U0KEYACC01', card, 'visit_return'));
    expect(labelsOf(returnView)).toContain('退回拜訪登記');
    await brand.driver.submitView('U0KEYACC01', returnView, { reason: '請寫明訂貨品項' });
    await waitFor(
      async () => (await brand.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id } })).status === 'returned',
      'the return',
    );
    await settle(brand);
    const returned = brand.fake.state.messages.find(
      (m) => blocksText(m).includes('請寫明訂貨品項') && blocksText(m).includes('visit_edit'),
    )!;
    expect(blocksText(returned)).toContain('你的拜訪登記 #2（滬東分銷）被 彭麗 退回');
    const editView = await openedView(brand, () => brand.driver.clickButton('U0SALREP02', returned, 'visit_edit'));
    expect(labelsOf(editView)).toContain('修改拜訪登記');
    expect(labelsOf(editView)).not.toContain('來訪');
    expect(answerText((await brand.driver.command('U0SALREP02', '/visit', 'help')).json)).toContain('拜訪登記');
  });

  it('numbers registrations filed at the same instant without gaps or duplicates', async () => {
    const before = await brand.bot.db.visit.count({ where: { kind: 'brand' } });
    const views = [];
    for (const user of ['U0SALREP01', 'U0SALREP02', 'U0SALREP03', 'U0SALREP01', 'U0SALREP02', 'U0SALREP03']) {
      views.push({ user, view: await openedView(brand, () => brand.driver.command(user, '/visit')) });
    }
    const responses = await Promise.all(
      views.map(({ user, view }) => brand.driver.submitView(user, view, brandVisit(brand))),
    );
    expect(responses.every((r) => r.status === 200 && r.text === '')).toBe(true);
    const numbers = (await brand.bot.db.visit.findMany({ where: { kind: 'brand' }, orderBy: { number: 'asc' } })).map(
      (v) => v.number,
    );
    expect(numbers).toEqual(Array.from({ length: before + 6 }, (_, i) => i + 1));
  });

  it("exports and lists a brand's registrations as 拜訪登記, never as 來訪", async () => {
    const before = brand.fake.calls.length;
    await brand.driver.command('U0MKTMGR01', '/visit', 'export 2026-11-01 2026-11-30');
    await expect.poll(() => brand.fake.calls.slice(before).find((c) => c.method === 'file_upload')).toBeTruthy();
    const upload = brand.fake.calls.slice(before).find((c) => c.method === 'file_upload')!;
    await expect
      .poll(() => brand.fake.calls.slice(before).find((c) => c.method === 'response_url')?.args.text)
      .toContain('的拜訪登記');
    expect(JSON.stringify(upload.args)).not.toContain('來訪');
    const mine = answerText((await brand.driver.command('U0SALREP01', '/visit', 'mine')).json);
    expect(mine).toContain('/account');
    expect(mine).not.toContain('來訪');
  });

  it("answers a reply 退回 under a brand's card in a 拜訪's own words", async () => {
    const view = await openedView(brand, () => brand.driver.command('U0SALREP01', '/visit'));
    await brand.driver.submitView('U0SALREP01', view, brandVisit(brand));
    await brand.flushOutbox();
    const visit = await brand.bot.db.visit.findFirstOrThrow({ where: { sourceViewId: view.id } });
    const card = brand.fake.state.messages.find(
      (m) => blocksText(m).includes('visit_details') && blocksText(m).includes(`拜訪登記 #${visit.number} 待審核`),
    )!;
    expect(blocksText(card)).toContain('「退回：原因」');
    const before = brand.fake.calls.length;
    await brand.driver.replyInThread('U0KEYACC01', card, '退回');
    await brand.driver.replyInThread('U0KEYACC03', card, '退回：不是你的客戶');
    const answers = () => ephemeralsSince(brand, before).map((a) => a.text);
    await expect.poll(() => answers().length).toBe(2);
    expect(answers().join('\n')).toContain('例如「退回：請補下次拜訪日期」');
    expect(answers().join('\n')).toContain('只有 蔣濤 的直屬主管或更上級的主管可以審核這張拜訪登記');
    expect(answers().join('\n')).not.toMatch(/組長|預算/);
  });
});
