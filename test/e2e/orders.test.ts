import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';
import { blocksText, dmsTo, openedView, settle, waitFor } from '../support/visit-flow.ts';
import { openReplenishmentNeeds } from '../../src/services/orders/replenishment.ts';
import { confirmOrder, enterOrder, setLimit, SSG_CHANNEL } from '../support/order-flow.ts';

const LEADER = 'U0SSGLEAD1';
const CSR1 = 'U0CSREP001';
const CSR2 = 'U0CSREP002';
const KAM = 'U0KEYACC01'; // 彭麗: ED01, ED02, ED05
const DIRECTOR = 'U0SALDIR02';

describe.each(PROVIDERS)('orders and the credit check on %s', (provider) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider, orgFile: BRAND_ACCOUNTS_ORG });
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function ask(userId: string, text: string): Promise<string> {
    const before = h.fake.calls.length;
    const response = await h.driver.command(userId, '/order', text);
    if (response.json) return answerText(response.json);
    await waitFor(() => h.fake.calls.slice(before).some((c) => c.method === 'response_url'), 'the answer');
    return answerText(h.fake.calls.slice(before).find((c) => c.method === 'response_url')!.args);
  }
  const exposureOf = async (code: string) => {
    const account = await h.bot.db.account.findFirstOrThrow({ where: { code } });
    const row = await h.bot.db.accountExposure.findUnique({ where: { accountId: account.id } });
    return Number(row?.openOrdersCents ?? 0);
  };
  const ephemeralsTo = (userId: string, since: number) =>
    h.fake.calls
      .slice(since)
      .filter((c) => c.method === 'chat.postEphemeral' && c.args.user === userId)
      .map((c) => String(c.args.text));
  const deskCard = (number: string) =>
    h.fake.state.messages.find((m) => m.channel === SSG_CHANNEL && !m.threadTs && blocksText(m).includes(number))!;

  it('imported the 60 products the org file names', async () => {
    expect(await h.bot.db.product.count()).toBe(60);
    expect(await h.bot.db.product.count({ where: { active: false } })).toBe(2);
  });

  it('an order within credit: the confirmation shows the figures; placing it approves it at once, once', async () => {
    await setLimit(h, 'ED01', 100_000_00);
    const { confirm } = await enterOrder(h, KAM, {
      account: 'ED01',
      lines: 'TEA001 100\njuc001 10 90',
      note: '月初備貨',
    });
    const shown = JSON.stringify(confirm!.view);
    expect(shown).toContain('訂單合計：¥8,100');
    expect(shown).toContain('信用額度：¥100,000');
    expect(shown).toContain('本單後可用額度：*¥91,900*');
    const first = await confirmOrder(h, KAM, confirm!);
    expect(first.status).toBe(200);
    await confirmOrder(h, KAM, confirm!); // the same submission again
    await h.flushOutbox();
    const orders = await h.bot.db.order.findMany();
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ number: 'SO-000001', state: 'approved', totalCents: 810_000n });
    expect(await exposureOf('ED01')).toBe(810_000);
    expect(blocksText(deskCard('SO-000001'))).toContain('已核准');
    expect(dmsTo(h, KAM).some((m) => blocksText(m).includes('SO-000001'))).toBe(true);
    const detail = await ask(KAM, 'SO-000001');
    expect(detail).toContain('TEA001 烏龍茶 500ml × 100 箱 @ ¥72 = ¥7,200');
    expect(detail).toContain('→ 已核准');
  });

  it('an order over credit is held with why, and approved by a reply 通過 in its thread', async () => {
    const ed02 = await setLimit(h, 'ED02', 10_000_00);
    await h.bot.db.invoice.create({
      data: {
        orgId: ed02.orgId,
        number: 'INV-T1',
        accountId: ed02.id,
        market: 'E',
        issuedOn: '2026-09-12',
        dueOn: '2026-10-12',
        amountCents: 800_000n,
        openCents: 800_000n,
        createdAt: h.clock.now(),
      },
    });
    const { confirm } = await enterOrder(h, CSR1, { account: '浦西商貿', lines: 'TEA001 200' });
    // the confirmation says why it will be held, and that the SSG leader alone decides
    const why = '提交後需額度審核（超出額度 ¥4,400；逾期 45 天 ¥8,000）：送 SSG 組長審核。';
    expect(JSON.stringify(confirm!.view.blocks)).toContain(why);
    await confirmOrder(h, CSR1, confirm!);
    await h.flushOutbox();
    const order = await h.bot.db.order.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(order).toMatchObject({ state: 'pending_credit', approvalStep: 'ssg_leader', excessCents: 440_000n });
    const card = deskCard(order.number);
    expect(blocksText(card)).toContain('超出額度 ¥4,400；逾期 45 天 ¥8,000');
    expect(dmsTo(h, KAM).some((m) => m.text.includes(`訂單 ${order.number} 需額度審核`))).toBe(true);
    await h.driver.replyInThread('U0KEYACC02', card, '通過'); // not theirs to decide
    await settle(h);
    expect((await h.bot.db.order.findUniqueOrThrow({ where: { id: order.id } })).state).toBe('pending_credit');
    const seen = structuredClone(card); // the card as her client shows it, 核准 and all
    await h.driver.replyInThread(LEADER, card, '通過');
    await waitFor(
      async () => (await h.bot.db.order.findUniqueOrThrow({ where: { id: order.id } })).state === 'approved',
      'the approval by reply',
    );
    await h.flushOutbox();
    const updated = h.fake.state.find(card.channel, card.ts)!;
    expect(blocksText(updated)).toContain('已核准');
    expect(blocksText(updated)).not.toContain('order_approve');
    expect(dmsTo(h, KAM).some((m) => m.text.includes(`訂單 ${order.number} 已通過額度審核`))).toBe(true);
    // 核准 clicked again on the card as it was: told it is done, by her, not refused as if never held
    const again = h.fake.calls.length;
    await h.driver.clickButton(LEADER, seen, 'order_approve');
    await expect.poll(() => ephemeralsTo(LEADER, again)[0]).toMatch(/^你已於 \S+ \S+ 處理過這件事/);
  });

  it('over the threshold the SSG leader passes it to the sales director; a rejection releases the credit', async () => {
    const { confirm } = await enterOrder(h, KAM, { account: 'ED05', lines: 'GFT007 50' }); // no rating: limit 0
    const confirmText = JSON.stringify(confirm!.view.blocks);
    expect(confirmText).toContain('提交後需額度審核（尚未評級／未設信用額度）：SSG 組長核准後，還要銷售總監審核。');
    await confirmOrder(h, KAM, confirm!);
    await h.flushOutbox();
    const big = await h.bot.db.order.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(big).toMatchObject({ state: 'pending_credit', excessCents: 6_000_000n });
    // unrated, not "over the limit by" its whole exposure: on the card and in its thread
    expect(blocksText(deskCard(big.number))).toContain('需額度審核：尚未評級／未設信用額度');
    expect(blocksText(deskCard(big.number))).not.toContain('超出額度');
    const asked = h.fake.state.messages.filter((m) => m.threadTs === deskCard(big.number).ts).map((m) => m.text);
    expect(asked.join('\n')).toContain('請審核：尚未評級／未設信用額度');
    const seenDesk = structuredClone(deskCard(big.number)); // as her client shows it, 核准 and all
    await h.driver.clickButton(LEADER, deskCard(big.number), 'order_approve');
    await settle(h);
    expect(await h.bot.db.order.findUniqueOrThrow({ where: { id: big.id } })).toMatchObject({
      state: 'pending_credit',
      approvalStep: 'sales_director',
    });
    // the card's last line says the leader approved and it now waits for the director
    expect(blocksText(deskCard(big.number))).toMatch(/何麗君 \S+ \S+ → 待額度審核：轉銷售總監/);
    const directorCard = dmsTo(h, DIRECTOR).find((m) => blocksText(m).includes(big.number))!;
    let clicked = h.fake.calls.length;
    await h.driver.clickButton(LEADER, directorCard, 'order_approve'); // the leader's step is done
    await settle(h);
    expect((await h.bot.db.order.findUniqueOrThrow({ where: { id: big.id } })).state).toBe('pending_credit');
    // she is told her step is done (by her), not that only the director may approve
    await expect.poll(() => ephemeralsTo(LEADER, clicked)[0]).toMatch(/^你已於 \S+ \S+ 處理過這件事/);
    const reason = await openedView(h, () => h.driver.clickButton(DIRECTOR, directorCard, 'order_reject'));
    await h.driver.submitView(DIRECTOR, reason, { reason: '先回款再發貨' });
    await settle(h);
    expect(await h.bot.db.order.findUniqueOrThrow({ where: { id: big.id } })).toMatchObject({
      state: 'cancelled',
      cancelReason: '先回款再發貨',
    });
    expect(await exposureOf('ED05')).toBe(0);
    expect(dmsTo(h, KAM).some((m) => m.text.includes('先回款再發貨'))).toBe(true);
    // the leader's 核准 on her card after the director refused it: handled already, by him
    clicked = h.fake.calls.length;
    await h.driver.clickButton(LEADER, seenDesk, 'order_approve');
    await expect.poll(() => ephemeralsTo(LEADER, clicked)[0]).toMatch(/^這件事已經由 孫立群 於 \S+ \S+ 處理/);
    // cancelling it again says it is cancelled already, by whom and when, not that it has shipped
    const again = await ask(LEADER, `cancel ${big.number} 再取消`);
    expect(again).toMatch(new RegExp(`訂單 ${big.number} 已於 \\S+ \\S+ 由 孫立群 取消`));
    expect(again).not.toContain('已發運');
  });

  it('the sales director approves by replying 通過 in the thread of the card in his DM, and is answered', async () => {
    const { confirm } = await enterOrder(h, KAM, { account: 'ED05', lines: 'GFT007 50' }); // no rating: limit 0
    await confirmOrder(h, KAM, confirm!);
    await h.flushOutbox();
    const order = await h.bot.db.order.findFirstOrThrow({ orderBy: { id: 'desc' } });
    await h.driver.clickButton(LEADER, deskCard(order.number), 'order_approve');
    await settle(h);
    expect(await h.bot.db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      state: 'pending_credit',
      approvalStep: 'sales_director',
    });
    const directorCard = dmsTo(h, DIRECTOR).find((m) => blocksText(m).includes(order.number))!;
    expect(directorCard.channel.startsWith('D')).toBe(true);
    await h.driver.replyInThread(DIRECTOR, directorCard, '通過');
    await waitFor(
      async () => (await h.bot.db.order.findUniqueOrThrow({ where: { id: order.id } })).state === 'approved',
      "the director's approval by reply",
    );
    await h.flushOutbox();
    // his card says so, and the KAM is told it is released
    await expect.poll(() => blocksText(h.fake.state.find(directorCard.channel, directorCard.ts)!)).toContain('已核准');
    expect(dmsTo(h, KAM).some((m) => m.text.includes(`訂單 ${order.number} 已通過額度審核`))).toBe(true);
    // a second 通過 there is told it is done, privately in the thread
    const again = h.fake.calls.length;
    await h.driver.replyInThread(DIRECTOR, directorCard, '通過');
    await expect.poll(() => ephemeralsTo(DIRECTOR, again)[0]).toMatch(/^你已於 \S+ \S+ 處理過這件事/);
  });

  it('two orders for one account at the same instant: the check sees both', async () => {
    await setLimit(h, 'ED03', 10_000_00);
    const a = await enterOrder(h, CSR1, { account: 'ED03', lines: 'TEA002 80' }); // 5,760
    const b = await enterOrder(h, CSR2, { account: 'ED03', lines: 'TEA003 80' }); // 5,760
    await Promise.all([confirmOrder(h, CSR1, a.confirm!), confirmOrder(h, CSR2, b.confirm!)]);
    await h.flushOutbox();
    const account = await h.bot.db.account.findFirstOrThrow({ where: { code: 'ED03' } });
    const orders = await h.bot.db.order.findMany({ where: { accountId: account.id }, orderBy: { id: 'asc' } });
    expect(orders.map((o) => o.state)).toEqual(['approved', 'pending_credit']);
    expect(Number(orders[1].excessCents)).toBe(152_000);
    expect(await exposureOf('ED03')).toBe(1_152_000);
  });

  it('refuses bad input inline and stores nothing', async () => {
    const count = await h.bot.db.order.count();
    const refusal = async (user: string, fields: { account: string; lines: string; requested_on?: string }) =>
      Object.values((await enterOrder(h, user, fields)).refused ?? {}).join(' ');
    expect(await refusal(KAM, { account: 'ED01', lines: 'NOPE01 5' })).toContain('商品目錄中沒有 SKU「NOPE01」');
    expect(await refusal(KAM, { account: 'ED01', lines: 'TEA001 0' })).toContain('數量「0」無效');
    // thousands separators as in money; too much has its own word; one SKU, one line
    expect(await refusal(KAM, { account: 'ED01', lines: 'TEA001 99999999999999' })).toContain(
      '數量「99999999999999」太大：一行最多 1,000,000',
    );
    expect(await refusal(KAM, { account: 'ED01', lines: 'TEA001 10\nTEA001 5' })).toContain(
      '第 2 行：SKU「TEA001」在前面已有一行，同一商品請合為一行',
    );
    expect(await refusal(KAM, { account: 'ED01', lines: 'TEA001 1,00' })).toContain('數量「1,00」無效');
    const thousand = await enterOrder(h, KAM, { account: 'ED01', lines: 'TEA001 1,000' });
    expect(blocksText({ blocks: thousand.confirm!.view.blocks as unknown[] })).toContain('× 1,000');
    expect(await refusal(KAM, { account: 'ED01', lines: 'TEA001 5 60' })).toContain('低於你的最低價 ¥64.80');
    expect(await refusal(KAM, { account: 'ED01', lines: 'JUC005 5' })).toContain('已停用');
    expect(await refusal(KAM, { account: 'ED01', lines: 'TEA001' })).toContain('格式不對');
    expect(await refusal(KAM, { account: 'ED01', lines: 'TEA001 5', requested_on: '2026-11-01' })).toContain(
      '不能早於今天',
    );
    expect(await refusal(CSR1, { account: '上海', lines: 'TEA001 5' })).toContain('對應多個客戶');
    expect(await refusal(CSR1, { account: '不存在的客戶', lines: 'TEA001 5' })).toContain('找不到客戶');
    expect(await refusal('U0SALREP01', { account: 'EO001', lines: 'TEA001 5 68' })).toContain('最低價 ¥68.40');
    expect(await refusal('U0SALREP03', { account: 'ED01', lines: 'TEA001 5' })).toContain('找不到客戶');
    expect(await refusal(KAM, { account: 'ED03', lines: 'TEA001 5' })).toContain('找不到客戶');
    // not theirs reads as "or not yours", never as "does not exist"; an empty account is required
    const notYours = '找不到客戶「ND01」，或你無權為此客戶下單';
    expect(await refusal(KAM, { account: 'ND01', lines: 'TEA001 5' })).toContain(notYours);
    expect(await refusal(KAM, { account: ' ', lines: 'TEA001 5' })).toContain('請填寫客戶（客戶編碼或名稱）');
    expect(await ask('U0UNITMG01', '')).toContain('只有客服代表（SSG）、客戶經理和銷售代表可以錄入訂單');
    expect(await h.bot.db.order.count()).toBe(count);
    expect(await ask(KAM, 'cancel SO-000001')).toContain('用法');
    expect(await ask('U0KEYACC02', 'SO-000001')).toContain('你不能查看這張訂單');
    expect(await ask(KAM, 'SO-999999')).toContain('找不到訂單 SO-999999');
  });

  it('replenishment: a KAM records a stock-out, CSR2 turns it into an order from the prefilled form', async () => {
    expect(await ask(KAM, 'need ED01 TEA004 急 店內斷貨')).toContain('已記錄 TEA004 的補貨需求');
    expect(await ask('U0KEYACC02', 'need ED01 TEA004')).toContain('找不到客戶');
    expect(await ask('U0SALREP01', 'need ED01 TEA004')).toContain('找不到客戶「ED01」');
    // one product on the command line: no "line 1" in its refusal
    const unknown = await ask(KAM, 'need ED01 XXX999');
    expect(unknown).toContain('商品目錄中沒有 SKU「XXX999」');
    expect(unknown).not.toContain('第 1 行');
    await h.flushOutbox();
    const card = [...h.fake.state.messages].reverse().find((m) => blocksText(m).includes('order_need_to_order'))!;
    expect(card.channel).toBe(SSG_CHANNEL);
    expect(blocksText(card)).toContain('急');
    expect(await ask(CSR2, 'needs')).toContain('ED01 滬東分銷｜TEA004');
    const ed01 = await h.bot.db.account.findFirstOrThrow({ where: { code: 'ED01' } });
    const ed02 = await h.bot.db.account.findFirstOrThrow({ where: { code: 'ED02' } });
    // what the phone-visit list asks for its accounts
    expect(await openReplenishmentNeeds(h.bot.db, [ed01.id, ed02.id])).toMatchObject([
      { sku: 'TEA004', urgency: 'urgent', note: '店內斷貨', accountCode: 'ED01' },
    ]);
    expect(await openReplenishmentNeeds(h.bot.db, [ed02.id])).toEqual([]);
    const form = await openedView(h, () => h.driver.clickButton(CSR2, card, 'order_need_to_order'));
    expect(JSON.stringify(form.view)).toContain('TEA004 1');
    const { confirm } = await enterOrder(h, CSR2, { account: 'ED01', lines: 'TEA004 30', note: '店內斷貨' }, form);
    await confirmOrder(h, CSR2, confirm!);
    await h.flushOutbox();
    const need = await h.bot.db.replenishmentNeed.findFirstOrThrow();
    const order = await h.bot.db.order.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(need).toMatchObject({ state: 'ordered', orderId: order.id });
    expect(order.state).toBe('approved');
    expect(await ask(CSR2, 'needs')).toContain('0 筆');
  });

  it('cancels with a reason, releasing the credit; lists by role', async () => {
    const before = await exposureOf('ED01');
    expect(await ask(KAM, 'cancel SO-000001 客戶改期')).toContain('訂單 SO-000001 已取消');
    expect(await exposureOf('ED01')).toBe(before - 810_000);
    // nothing to list says so, instead of a heading over nothing
    expect(await ask('U0SALREP01', 'list')).toBe('你和你的團隊目前沒有訂單。');
    expect(await ask('U0SALREP01', 'list 已結算')).toBe('沒有「已結算」的訂單。');
    expect(await ask(KAM, 'list')).toContain('SO-000001｜已取消');
    expect(await ask('U0GENMGR01', 'list 已取消')).toContain('全部訂單');
    // in English the help and the list speak the states' words, not their keys
    await h.driver.command(KAM, '/org', 'lang en');
    const help = await ask(KAM, 'help');
    const cancelled = await ask(KAM, 'list cancelled');
    const pending = await ask(KAM, 'list pending credit approval');
    await h.driver.command(KAM, '/org', 'lang zh-Hant');
    expect(help).toContain('`/order list [pending credit approval|approved|cancelled…]`');
    expect(help).not.toContain('pending_credit');
    expect(cancelled).toContain('SO-000001 | cancelled');
    expect(pending).not.toContain('No state');
  });
});
