import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';
import { untilShared } from '../support/chart-flow.ts';
import { placeOrderAs, setLimit } from '../support/order-flow.ts';
import { approvalMessageOf, openedView, settle, waitFor } from '../support/visit-flow.ts';

const MM_EAST = 'U0MKTMGR01'; // 梁志遠 runs East
const KAM = 'U0KEYACC01'; // 彭麗
const REP = 'U0SALREP02'; // 沈靜, reports to 彭麗, owns 5 East outlets (EO002…)
const CSR1 = 'U0CSREP001';

// Coverage (覆蓋率) in /targets, computed from the register: outlets visited, called or ordering in 90 days over
// those registered.
describe.each(PROVIDERS)('coverage computed in /targets on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, orgFile: BRAND_ACCOUNTS_ORG, clock });
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function targets(userId: string, text: string): Promise<string> {
    const before = h.fake.calls.length;
    const response = await h.driver.command(userId, '/targets', text);
    if (response.json) return answerText(response.json);
    await waitFor(() => h.fake.calls.slice(before).some((c) => c.method === 'response_url'), 'the answer');
    return answerText(h.fake.calls.slice(before).find((c) => c.method === 'response_url')!.args);
  }
  const coverageLine = (text: string) => text.split('\n').find((line) => line.includes('市場覆蓋率'));

  it('is 0 before any visit, then counts an outlet once its visit is approved, for its market and owner', async () => {
    expect(coverageLine(await targets(MM_EAST, '華東'))).toBe('*市場覆蓋率（%）*：實際 0（未設目標）');
    const view = await openedView(h, () => h.driver.command(REP, '/visit'));
    const filed = await h.driver.submitView(REP, view, {
      account: 'EO002',
      visitAt: Math.floor(clock.now().getTime() / 1000) - 3600,
      purpose: 'order',
      outcome: '上架新品',
      nextStep: '',
    });
    expect(filed.json).toBeUndefined();
    await settle(h);
    const visit = await h.bot.db.visit.findFirstOrThrow({ where: { sourceViewId: view.id } });
    // not approved yet
    expect(coverageLine(await targets(MM_EAST, '華東'))).toBe('*市場覆蓋率（%）*：實際 0（未設目標）');
    await h.driver.clickButton(KAM, approvalMessageOf(h, visit.id), 'visit_approve');
    await waitFor(
      async () => (await h.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id } })).status === 'approved',
      'the approval',
    );
    await settle(h);
    const registered = await h.bot.db.account.count({
      where: { kind: 'outlet', market: 'E', status: { not: 'closed' } },
    });
    const percent = Math.round(100 / registered);
    expect(coverageLine(await targets(MM_EAST, '華東'))).toBe(`*市場覆蓋率（%）*：實際 ${percent}（未設目標）`);
    // the MM runs 華東: his own coverage is his market's, whoever owns its outlets (one figure, two views)
    expect(coverageLine(await targets(MM_EAST, ''))).toBe(`*市場覆蓋率（%）*：實際 ${percent}（未設目標）`);
    const hers = await h.bot.db.account.count({ where: { kind: 'outlet', ownerId: REP, status: { not: 'closed' } } });
    expect(coverageLine(await targets(REP, ''))).toBe(`*市場覆蓋率（%）*：實際 ${Math.round(100 / hers)}（未設目標）`);
  });

  it('/targets team computes the ratio over the subtree and each row, never adding typed figures up', async () => {
    // typed coverage the reps put in by hand (55 and 65): summed, the team would read 120%
    for (const [rep, value] of [
      ['U0SALREP01', '55'],
      [REP, '65'],
    ]) {
      const sales = await openedView(h, () => h.driver.command(rep, '/sales'));
      const figure = { person: rep, account: '滬東分銷', month: '2026-11', metric: 'coverage', value };
      expect((await h.driver.submitView(rep, sales, figure)).text).toBe('');
    }
    await settle(h);
    const team = await targets(KAM, 'team coverage');
    const outlets = (ownerIds: string[]) =>
      h.bot.db.account.count({ where: { kind: 'outlet', ownerId: { in: ownerIds }, status: { not: 'closed' } } });
    const subtree = await outlets([KAM, 'U0SALREP01', REP]);
    // one outlet of the subtree (EO002, 沈靜's) was visited: 1 over the subtree's outlets, 1 over hers
    expect(team).toContain(`*合計*：尚未設定目標｜實際 ${Math.round(100 / subtree)}`);
    expect(team).toContain(`沈靜：${Math.round(100 / (await outlets([REP])))} / —`);
    expect(team).toContain('蔣濤：0 / —');
    expect(team).not.toContain('120');
    // its chart has no pace line: a ratio does not grow through the month as an amount does
    expect(await targets(KAM, 'team chart coverage')).toContain('圖表產生中');
    await untilShared(h, KAM, 1);
    const [picture] = h.fake.state.inChannel(KAM).filter((m) => m.files?.length);
    expect(picture.text).toContain('蔣濤 未設目標');
    expect(picture.text).not.toContain('時間進度');
    const alt = String(h.fake.callsTo('files.getUploadURLExternal').at(-1)!.args.alt_txt);
    expect(alt).toContain('不按時間進度衡量');
    expect(alt).not.toContain('時間進度 ');
  });

  it('counts an outlet with only an order, but not one whose only order was cancelled', async () => {
    const registered = await h.bot.db.account.count({
      where: { kind: 'outlet', market: 'E', status: { not: 'closed' } },
    });
    const market = async () => coverageLine(await targets(MM_EAST, '華東'));
    // EO002 was visited above
    expect(await market()).toBe(`*市場覆蓋率（%）*：實際 ${Math.round(100 / registered)}（未設目標）`);
    for (const code of ['EO003', 'EO004']) await setLimit(h, code, 100_000_00);
    const cancelled = await placeOrderAs(h, CSR1, { account: 'EO004', lines: 'TEA001 10' });
    const before = h.fake.calls.length;
    await h.driver.command(CSR1, '/order', `cancel ${cancelled.number} 客戶改期`);
    await waitFor(
      async () => (await h.bot.db.order.findUniqueOrThrow({ where: { id: cancelled.id } })).state === 'cancelled',
      'the cancellation',
    );
    await settle(h);
    expect(h.fake.calls.length).toBeGreaterThan(before);
    // the window ends now: let the order be an hour old
    clock.set(new Date(clock.now().getTime() + 3_600_000));
    expect(await market()).toBe(`*市場覆蓋率（%）*：實際 ${Math.round(100 / registered)}（未設目標）`);
    const ordered = await placeOrderAs(h, CSR1, { account: 'EO003', lines: 'TEA001 10' });
    expect(ordered.state).not.toBe('cancelled');
    clock.set(new Date(clock.now().getTime() + 3_600_000));
    expect(await market()).toBe(`*市場覆蓋率（%）*：實際 ${Math.round(200 / registered)}（未設目標）`);
  });
});
