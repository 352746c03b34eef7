import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';
import { blocksText, dmsTo, openedView, settle, waitFor } from '../support/visit-flow.ts';

const SSG_LEADER = 'U0SSGLEAD1';
const CSR = 'U0CSREP001';
const KAM_E = 'U0KEYACC01';
const SSG_CHANNEL = 'C0SSGDESK1';

const newAccount = (overrides: Record<string, string> = {}) => ({
  code: 'NEW001',
  name: '浦東新開超市',
  kind: 'outlet',
  distributor: 'ED01',
  channel: '超市',
  market: 'E',
  area: '上海',
  address: '上海市浦東新區 1 號',
  owner: '',
  opened: '2026-11-20',
  contact: '錢老闆',
  phone: '13912345678',
  ...overrides,
});

describe.each(PROVIDERS)('the account register on %s', (provider) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider, orgFile: BRAND_ACCOUNTS_ORG });
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function ask(userId: string, text: string): Promise<string> {
    const response = await h.driver.command(userId, '/account', text);
    if (response.json) return answerText(response.json);
    const before = h.fake.calls.length;
    await waitFor(() => h.fake.calls.slice(before - 5).some((c) => c.method === 'response_url'), 'the answer');
    return answerText(h.fake.calls.filter((c) => c.method === 'response_url').at(-1)!.args);
  }

  it("shows its owner an account's card: status, masked contacts, credit, logistics, visits, issues", async () => {
    const visit = await openedView(h, () => h.driver.command('U0SALREP01', '/visit'));
    await h.driver.submitView('U0SALREP01', visit, {
      account: '滬東分銷',
      visitAt: Math.floor(h.clock.now().getTime() / 1000) - 3600,
      purpose: 'order',
      outcome: '訂貨 200 件',
      nextStep: '',
    });
    await h.flushOutbox();
    const card = await ask(KAM_E, '滬東分銷');
    expect(card).toContain('滬東分銷（ED01）');
    expect(card).toContain('*負責人* 彭麗');
    expect(card).toContain('*狀態* 正常');
    expect(card).toMatch(/\*聯繫人\* \S+ 1\d\d\*+\d{4}/);
    expect(card).toContain('尚未評級');
    expect(card).toContain('#1');
    expect(card).toContain('訂貨 200 件');
    expect(card).toContain('*未結問題* 無');
  });

  it('finds by code, and by part of a name, listing several', async () => {
    expect(await ask(SSG_LEADER, 'ed02')).toContain('浦西商貿（ED02）');
    const list = await ask(SSG_LEADER, '分銷');
    expect(list).toMatch(/「分銷」符合 \d+ 個客戶/);
    expect(list).toContain('京北分銷（ND01）');
  });

  it("shows it only to the owner's chain, the SSG and the SLT", async () => {
    expect(await ask('U0UNITMG01', 'ED01')).toContain('滬東分銷（ED01）');
    expect(await ask('U0MKTMGR01', 'ED01')).toContain('滬東分銷（ED01）');
    expect(await ask(CSR, 'ED01')).toContain('滬東分銷（ED01）');
    expect(await ask('U0GENMGR01', 'ED01')).toContain('滬東分銷（ED01）');
    expect(await ask('U0KEYACC03', 'ED01')).toContain('找不到客戶「ED01」');
    expect(await ask('U0SALREP01', 'ED01')).toContain('找不到客戶「ED01」');
    expect(await ask('U0KEYACC03', '滬東')).toContain('找不到客戶');
  });

  it('lets the SSG add an account, refusing a same code or name and phone (named), a future date', async () => {
    const view = await openedView(h, () => h.driver.command(SSG_LEADER, '/account', 'new'));
    const done = await h.driver.submitView(SSG_LEADER, view, newAccount());
    expect(done.json).toBeUndefined();
    await settle(h);
    expect(await h.bot.db.account.findFirstOrThrow({ where: { code: 'NEW001' } })).toMatchObject({
      source: 'ssg',
      distributorCode: 'ED01',
      status: 'active',
    });
    expect(dmsTo(h, SSG_LEADER).at(-1)?.text).toBe('已建立客戶 浦東新開超市（NEW001）。');
    const again = await openedView(h, () => h.driver.command(SSG_LEADER, '/account', 'new'));
    const sameCode = await h.driver.submitView(SSG_LEADER, again, newAccount({ name: '別的名字', phone: '' }));
    expect((sameCode.json!.errors as Record<string, string>).code).toBe(
      '客戶已存在：浦東新開超市（NEW001），負責人 —。',
    );
    const samePhone = await h.driver.submitView(SSG_LEADER, again, newAccount({ code: 'NEW002' }));
    expect((samePhone.json!.errors as Record<string, string>).code).toContain('客戶已存在：浦東新開超市（NEW001）');
    const badDistributor = await h.driver.submitView(
      SSG_LEADER,
      again,
      newAccount({ code: 'NEW003', phone: '', distributor: 'EO001' }),
    );
    expect((badDistributor.json!.errors as Record<string, string>).distributor).toContain('EO001');
    const future = await h.driver.submitView(
      SSG_LEADER,
      again,
      newAccount({ code: 'NEW004', phone: '', opened: '2030-01-01' }),
    );
    expect((future.json!.errors as Record<string, string>).opened).toBe(
      '開戶日期「2030-01-01」晚於今天，不能是未來的日期',
    );
    expect(await h.bot.db.account.count({ where: { code: { in: ['NEW002', 'NEW003', 'NEW004'] } } })).toBe(0);
  });

  it("names a refused owner by name, never by Slack id (袁芳 is not the SSG's owner for 華東)", async () => {
    const view = await openedView(h, () => h.driver.command(SSG_LEADER, '/account', 'new'));
    const refused = await h.driver.submitView(SSG_LEADER, view, newAccount({ code: 'OWN01', owner: 'U0KEYACC03' }));
    const errors = refused.json!.errors as Record<string, string>;
    expect(errors.owner).toBe('負責人「袁芳」不負責這個市場');
    const notOwner = await h.driver.submitView(SSG_LEADER, view, newAccount({ code: 'OWN01', owner: 'U0CSREP001' }));
    expect((notOwner.json!.errors as Record<string, string>).owner).not.toContain('U0CSREP001');
  });

  it('offers a KAM of one market that market, preselected, and himself as owner, never an empty dropdown', async () => {
    const view = await openedView(h, () => h.driver.command(KAM_E, '/account', 'new'));
    type Select = { options: { value: string }[]; initial_option?: { value: string; text: { text: string } } };
    const elementOf = (v: typeof view, id: string) =>
      (v.view.blocks as { block_id: string; element: Select }[]).find((b) => b.block_id === id)!.element;
    expect(elementOf(view, 'market').options.map((o) => o.value)).toEqual(['E']);
    expect(elementOf(view, 'market').initial_option).toMatchObject({ value: 'E', text: { text: '華東' } });
    expect(elementOf(view, 'owner').initial_option).toMatchObject({ value: KAM_E, text: { text: '彭麗' } });
    // the SSG has every market to choose from: nothing is chosen for them
    const ssg = await openedView(h, () => h.driver.command(SSG_LEADER, '/account', 'new'));
    expect(elementOf(ssg, 'market').options.length).toBeGreaterThan(1);
    expect(elementOf(ssg, 'market').initial_option).toBeUndefined();
    expect(elementOf(ssg, 'owner').initial_option).toBeUndefined();
  });

  it("takes a KAM's account for their market to the SSG, approved by a reply 通過 in the thread", async () => {
    const view = await openedView(h, () => h.driver.command(KAM_E, '/account', 'new'));
    expect(JSON.stringify(view.view)).not.toContain('華北');
    // the owner is the KAM or one of their reps: no GM, CSR or other market's KAM to pick
    const ownerOf = (v: typeof view) => (v.view.blocks as any[]).find((b) => b.block_id === 'owner').element;
    expect(ownerOf(view).options.map((o: { text: { text: string } }) => o.text.text)).toEqual(['彭麗', '蔣濤', '沈靜']);
    const ssg = await openedView(h, () => h.driver.command(SSG_LEADER, '/account', 'new'));
    const ssgOwners = ownerOf(ssg).options.map((o: { value: string }) => o.value);
    expect(ssgOwners).toContain('U0KEYACC03');
    expect(ssgOwners).not.toContain('U0GENMGR01');
    expect(ssgOwners).not.toContain('U0CSREP001');
    const elsewhere = await h.driver.submitView(
      KAM_E,
      view,
      newAccount({ code: 'KAM01', market: 'N', phone: '', distributor: '' }),
    );
    expect((elsewhere.json!.errors as Record<string, string>).market).toContain('市場');
    await h.driver.submitView(
      KAM_E,
      view,
      newAccount({ code: 'KAM01', name: '陸家嘴便利', phone: '13900000077', owner: 'U0SALREP01' }),
    );
    await settle(h);
    expect(await h.bot.db.account.findFirst({ where: { code: 'KAM01' } })).toBeNull();
    const card = h.fake.state.inChannel(SSG_CHANNEL).find((m) => blocksText(m).includes('KAM01'))!;
    expect(card.text).toContain('彭麗 申請新增 陸家嘴便利（KAM01）');
    expect(card.text).toContain('139****0077');
    expect(blocksText(card)).toContain('按按鈕或在此回覆「通過」核准。');
    expect(dmsTo(h, KAM_E).at(-1)?.text).toBe('你的新客戶申請 陸家嘴便利（KAM01）已送 SSG 審核。');
    await h.driver.replyInThread('U0SALREP01', card, '通過');
    await settle(h);
    expect(await h.bot.db.account.findFirst({ where: { code: 'KAM01' } })).toBeNull();
    await h.driver.replyInThread(CSR, card, '通過');
    await waitFor(
      async () => (await h.bot.db.account.findFirst({ where: { code: 'KAM01' } })) !== null,
      'the approval',
    );
    await settle(h);
    const account = await h.bot.db.account.findFirstOrThrow({ where: { code: 'KAM01' } });
    expect(account).toMatchObject({ source: 'kam', ownerId: 'U0SALREP01', market: 'E' });
    expect(dmsTo(h, KAM_E).at(-1)?.text).toBe('你的新客戶申請 陸家嘴便利（KAM01）已由 羅敏 核准，客戶檔案已建立。');
    const updated = h.fake.state.find(card.channel, card.ts)!;
    expect(blocksText(updated)).toContain('羅敏 已核准新客戶');
    expect(blocksText(updated)).not.toContain('按按鈕或在此回覆「通過」核准。');
    expect(blocksText(updated)).not.toContain('account_request_approve');
  });

  it('makes a KAM who leaves 負責人 empty the owner of the account they asked for, so they can see it', async () => {
    const view = await openedView(h, () => h.driver.command(KAM_E, '/account', 'new'));
    const owner = (view.view.blocks as any[]).find((b) => b.block_id === 'owner');
    expect(owner.hint.text).toBe('留空則由你負責此客戶。');
    await h.driver.submitView(KAM_E, view, newAccount({ code: 'EX90', name: '張江便利', phone: '' }));
    await settle(h);
    const card = h.fake.state.inChannel(SSG_CHANNEL).find((m) => blocksText(m).includes('EX90'))!;
    expect(blocksText(card)).toContain('彭麗');
    await h.driver.replyInThread(SSG_LEADER, card, '通過');
    await waitFor(async () => (await h.bot.db.account.findFirst({ where: { code: 'EX90' } })) !== null, 'approval');
    await settle(h);
    expect(await h.bot.db.account.findFirstOrThrow({ where: { code: 'EX90' } })).toMatchObject({ ownerId: KAM_E });
    const seen = await ask(KAM_E, 'EX90');
    expect(seen).toContain('張江便利（EX90）');
    expect(seen).toContain('*負責人* 彭麗');
    const ssg = await openedView(h, () => h.driver.command(SSG_LEADER, '/account', 'new'));
    expect((ssg.view.blocks as any[]).find((b) => b.block_id === 'owner').hint).toBeUndefined();
  });

  it('lets the SSG refuse a request by button, once, and refuses a click by someone else', async () => {
    const view = await openedView(h, () => h.driver.command(KAM_E, '/account', 'new'));
    await h.driver.submitView(KAM_E, view, newAccount({ code: 'KAM02', name: '外灘小店', phone: '' }));
    await settle(h);
    const card = h.fake.state.inChannel(SSG_CHANNEL).find((m) => blocksText(m).includes('KAM02'))!;
    await h.driver.clickButton(KAM_E, card, 'account_request_approve');
    await settle(h);
    expect(
      (await h.bot.db.accountRequest.findFirstOrThrow({ where: { proposal: { contains: 'KAM02' } } })).status,
    ).toBe('pending');
    await h.driver.clickButton(SSG_LEADER, card, 'account_request_refuse');
    await h.driver.clickButton(SSG_LEADER, card, 'account_request_approve');
    await settle(h);
    expect(
      (await h.bot.db.accountRequest.findFirstOrThrow({ where: { proposal: { contains: 'KAM02' } } })).status,
    ).toBe('refused');
    expect(await h.bot.db.account.findFirst({ where: { code: 'KAM02' } })).toBeNull();
    expect(dmsTo(h, KAM_E).at(-1)?.text).toBe('你的新客戶申請 外灘小店（KAM02）未獲 何麗君 核准。');
  });

  it('files a double-clicked request once, and closes another request once its account exists', async () => {
    const view = await openedView(h, () => h.driver.command(KAM_E, '/account', 'new'));
    const fields = newAccount({ code: 'KAM03', name: '徐匯小舖', phone: '13900000033' });
    await Promise.all([h.driver.submitView(KAM_E, view, fields), h.driver.submitView(KAM_E, view, fields)]);
    await settle(h);
    const cardsOf = () => h.fake.state.inChannel(SSG_CHANNEL).filter((m) => blocksText(m).includes('KAM03'));
    expect(cardsOf()).toHaveLength(1);
    const sent = dmsTo(h, KAM_E).filter((m) => m.text?.includes('徐匯小舖（KAM03）已送 SSG 審核'));
    expect(sent).toHaveLength(1);
    const again = await openedView(h, () => h.driver.command(KAM_E, '/account', 'new'));
    await h.driver.submitView(KAM_E, again, fields);
    await settle(h);
    const [first, second] = cardsOf();
    expect(second).toBeDefined();
    await h.driver.replyInThread(SSG_LEADER, first, '通過');
    await waitFor(async () => (await h.bot.db.account.findFirst({ where: { code: 'KAM03' } })) !== null, 'approval');
    await settle(h);
    const other = h.fake.state.find(second.channel, second.ts)!;
    expect(blocksText(other)).toContain('徐匯小舖（KAM03）已在客戶檔案中，此申請無需再審核。');
    expect(blocksText(other)).not.toContain('按按鈕或在此回覆「通過」核准。');
    expect(JSON.stringify(other.blocks)).not.toContain('account_request_approve');
    const statuses = await h.bot.db.accountRequest.findMany({ where: { proposal: { contains: 'KAM03' } } });
    expect(statuses.map((r) => r.status).sort()).toEqual(['approved', 'duplicate']);
  });

  it('refuses /account new to a rep', async () => {
    expect(await ask('U0SALREP01', 'new')).toBe('只有 SSG，或客戶經理為自己的市場，可以新增客戶。');
  });
});
