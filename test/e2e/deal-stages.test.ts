import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/fake-slack/workspace-state.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import {
  approvalMessageOf,
  blocksText,
  dmsTo,
  fileVisitAs,
  openedView,
  settle,
  untilStatus,
} from '../support/visit-flow.ts';

const PHONE = '+8613900007777';
const customerRow = (h: Harness) => h.bot.db.customer.findFirstOrThrow({ where: { phone: PHONE } });
const ownerCard = (h: Harness) =>
  dmsTo(h, 'U0SALES001')
    .filter((m) => blocksText(m).includes('customer_stage'))
    .at(-1)!;
const buttonOf = (message: StoredMessage, actionId: string) =>
  (message.blocks as { elements?: { action_id: string; confirm?: { text: { text: string } } }[] }[])
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.action_id === actionId);
const totals = async (h: Harness) =>
  Object.fromEntries(
    (await h.bot.db.actualTotal.findMany({ where: { personId: 'U0SALES001' } })).map((r) => [
      r.metric,
      Number(r.value),
    ]),
  );
const ephemeralSince = (h: Harness, before: number) =>
  h.fake.calls.slice(before).find((c) => c.method === 'chat.postEphemeral')?.args.text;

/** The card `/visit <phone>` shows the asker, as a message one can click on. */
async function searchedCard(h: Harness, asker: string): Promise<StoredMessage> {
  const json = (await h.driver.command(asker, '/visit', '13900007777')).json!;
  return {
    channel: `D${asker.slice(1)}`,
    ts: '1.000001',
    text: String(json.text),
    blocks: json.blocks as unknown[],
  } as StoredMessage;
}

describe.each(PROVIDERS)('a deal moving through its stages on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    await fileVisitAs(h, 'U0SALES001', { phone: '13900007777', customerName: '陳先生' });
    const visit = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
    await h.driver.clickButton('U0TLEAD001', approvalMessageOf(h, visit.id), 'visit_approve');
    await untilStatus(h, visit.id, 'approved');
  });
  afterAll(async () => h?.stop());

  it('asks for confirmation before a stage button moves the deal', async () => {
    expect(buttonOf(ownerCard(h), 'customer_next')?.confirm?.text.text).toContain('把客戶 陳先生 改為「認購」？');
    await h.driver.clickButton('U0SALES001', ownerCard(h), 'customer_next');
    await expect.poll(async () => (await customerRow(h)).stage).toBe('reserved');
    await settle(h);
  });

  it('refuses an empty, zero, malformed or absurd contract amount with a clear message, storing nothing', async () => {
    const cases: [string, string][] = [
      ['', '請輸入簽約金額'],
      ['0', '須大於 0'],
      ['1.234', '最多兩位小數'],
      ['-5', '須大於 0'], // a negative amount is an amount, and not above 0
      ['99,999,999,999,999', '簽約金額最多 ¥10,000,000,000'],
      ['10000000000.01', '簽約金額最多 ¥10,000,000,000'],
    ];
    for (const [value, message] of cases) {
      const view = await openedView(h, () => h.driver.clickButton('U0SALES001', ownerCard(h), 'customer_next'));
      const response = await h.driver.submitView('U0SALES001', view, { value });
      expect((response.json?.errors as Record<string, string>)?.value, value).toContain(message);
    }
    expect((await customerRow(h)).stage).toBe('reserved');
    expect(await h.bot.db.actual.count({ where: { source: 'contract' } })).toBe(0);
  });

  it('counts an amount with commas and cents exactly', async () => {
    const view = await openedView(h, () => h.driver.clickButton('U0SALES001', ownerCard(h), 'customer_next'));
    await h.driver.submitView('U0SALES001', view, { value: '3,280,000.50' });
    await expect.poll(async () => (await customerRow(h)).stage).toBe('contracted');
    await settle(h);
    // the amount counts exactly, in cents
    expect(await totals(h)).toMatchObject({ contracts: 1, amount: 328_000_050 });
  });

  it("lets the owner's team lead undo a step, keeping the history and taking the contract out of targets", async () => {
    expect(buttonOf(ownerCard(h), 'customer_undo')).toBeUndefined(); // the owner's own card has no undo
    const ownersView = await searchedCard(h, 'U0SALES001');
    expect(buttonOf(ownersView, 'customer_undo')).toBeUndefined();
    const forged = structuredClone(ownersView);
    (forged.blocks as { elements?: unknown[] }[])
      .find((b) => b.elements)!
      .elements!.push({
        type: 'button',
        action_id: 'customer_undo',
        value: `${(await customerRow(h)).id}:contracted`,
        text: { type: 'plain_text', text: 'x' },
      });
    const before = h.fake.calls.length;
    await h.driver.clickButton('U0SALES001', forged, 'customer_undo');
    await expect.poll(() => ephemeralSince(h, before)).toContain('只有客戶負責人的上級主管可以退回階段');
    expect((await customerRow(h)).stage).toBe('contracted');

    const leadsView = await searchedCard(h, 'U0TLEAD001');
    expect(buttonOf(leadsView, 'customer_undo')?.confirm).toBeTruthy();
    await h.driver.clickButton('U0TLEAD001', leadsView, 'customer_undo');
    await expect.poll(async () => (await customerRow(h)).stage).toBe('reserved');
    await settle(h);
    const history = await h.bot.db.customerStageChange.findMany({
      where: { customerId: (await customerRow(h)).id },
      orderBy: { id: 'asc' },
    });
    expect(history.map((c) => [c.fromStage, c.toStage, c.by])).toEqual([
      ['visiting', 'reserved', 'U0SALES001'],
      ['reserved', 'contracted', 'U0SALES001'],
      ['contracted', 'reserved', 'U0TLEAD001'],
    ]);
    expect(await totals(h)).toMatchObject({ contracts: 0, amount: 0 });
    expect(dmsTo(h, 'U0SALES001').at(-1)?.text).toContain('已由 劉大偉 從「簽約」退回「認購」');
    expect(blocksText(ownerCard(h))).toContain('認購');

    // the same undo clicked twice acts once
    await h.driver.clickButton('U0TLEAD001', leadsView, 'customer_undo');
    await settle(h);
    expect((await customerRow(h)).stage).toBe('reserved');
  });

  it('brings a deal marked lost by mistake back to the stage it was lost from', async () => {
    const lostView = await openedView(h, () => h.driver.clickButton('U0SALES001', ownerCard(h), 'customer_lost'));
    await h.driver.submitView('U0SALES001', lostView, { reason: '點錯了' });
    await expect.poll(async () => (await customerRow(h)).stage).toBe('lost');
    const pmsView = await searchedCard(h, 'U0PROJMGR1');
    expect(answerText(pmsView as never)).toContain('點錯了');
    await h.driver.clickButton('U0PROJMGR1', pmsView, 'customer_undo');
    await expect.poll(async () => (await customerRow(h)).stage).toBe('reserved');
    expect((await customerRow(h)).lostReason).toBeNull();
    expect(await h.bot.db.customerStageChange.count({ where: { toStage: 'lost', note: '點錯了' } })).toBe(1);
  });
});
