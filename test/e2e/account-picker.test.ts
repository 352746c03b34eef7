import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';
import { openedView, settle } from '../support/visit-flow.ts';

const KAM = 'U0KEYACC01'; // 彭麗: East, owns ED01 滬東分銷 and others; her rep 沈靜 owns EO002…
const REP = 'U0SALREP02'; // 沈靜
const OTHER_KAM = 'U0KEYACC03'; // 袁芳: North

// `/visit` on a brand with a register: the account is picked from it, through Slack's options request.
describe.each(PROVIDERS)('picking the visited account from the register on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, orgFile: BRAND_ACCOUNTS_ORG, clock });
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** What the external select offers the user as they type, through a signed block_suggestion. */
  async function suggest(userId: string, value: string): Promise<string[]> {
    const options = await h.driver.suggestOptions(userId, {
      viewId: 'V0PICKER',
      blockId: 'account',
      actionId: 'account_input',
      value,
    });
    return options.map((o) => `${o.value}|${o.text.text}`);
  }

  it('offers the accounts whose code or part of the name was typed, among those the asker may see', async () => {
    expect(await suggest(KAM, '滬東')).toEqual(['ED01|ED01 滬東分銷']);
    expect(await suggest(KAM, 'ed01')).toEqual(['ED01|ED01 滬東分銷']);
    const mine = await suggest(KAM, '鑫');
    expect(mine).toContain('EO002|EO002 鑫鄰百貨（上海人民路）'); // her rep's
    expect(await suggest(REP, '滬東')).toEqual([]); // her KAM's account, not the rep's
    expect(await suggest(OTHER_KAM, '滬東')).toEqual([]);
    expect(await suggest('U0SSGLEAD1', '滬東')).toEqual(['ED01|ED01 滬東分銷']);
    expect(await suggest('U0STRANGER', '滬東')).toEqual([]);
    // a part of a code, as the claim's hint says (打編碼或名稱的一部分): EO00 finds EO001…, 'o002' finds EO002
    const byPrefix = await suggest(KAM, 'EO00');
    expect(byPrefix).toContain('EO001|EO001 福鄰量販店（上海中山路）');
    expect(byPrefix).toContain('EO002|EO002 鑫鄰百貨（上海人民路）');
    expect(byPrefix).not.toContain('EO004|EO004 福客專賣店（杭州建設路）'); // 葉明's, not hers to see
    expect(await suggest(KAM, 'o002')).toEqual(['EO002|EO002 鑫鄰百貨（上海人民路）']);
  });

  it('files the visit on the picked account, which its card then shows', async () => {
    const view = await openedView(h, () => h.driver.command(KAM, '/visit'));
    const account = (view.view.blocks as { block_id: string; element: { type: string } }[]).find(
      (b) => b.block_id === 'account',
    );
    expect(account?.element.type).toBe('external_select');
    const filed = await h.driver.submitView(KAM, view, {
      account: 'ED01',
      visitAt: Math.floor(clock.now().getTime() / 1000) - 3600,
      purpose: 'order',
      outcome: '訂貨 200 件',
      nextStep: '',
    });
    expect(filed.json).toBeUndefined();
    await settle(h);
    expect((await h.bot.db.visit.findFirstOrThrow({ where: { sourceViewId: view.id } })).account).toBe('ED01');
    const card = await h.driver.command(KAM, '/account', 'ED01');
    expect(answerText(card.json!)).toContain('訂貨 200 件');
  });

  it("picks a claim's account from the register too, refusing one not in it or not the claimant's to see", async () => {
    const claim = async (user: string, account: string) => {
      const view = await openedView(h, () => h.driver.command(user, '/expense'));
      const blocks = view.view.blocks as { block_id: string; element: { type: string; action_id: string } }[];
      expect(blocks.find((b) => b.block_id === 'account')?.element).toMatchObject({
        type: 'external_select',
        action_id: 'account_input', // the options come from the same picker as /visit's
      });
      const values = { amount: '300', category: '招待', spentOn: '2026-11-25', account, description: '經銷商午餐' };
      const answer = await h.driver.submitView(user, view, values);
      await settle(h);
      return { errors: answer.json?.errors as Record<string, string> | undefined, viewId: view.id };
    };
    const picked = await claim(KAM, 'ed01');
    expect(picked.errors).toBeUndefined();
    const stored = await h.bot.db.expenseClaim.findFirstOrThrow({ where: { sourceViewId: picked.viewId } });
    expect(stored.account).toBe('ED01 滬東分銷');
    // a code the register lacks, or an account of another market's KAM: refused on the modal, nothing stored
    for (const [user, account] of [
      [KAM, 'ZZ99'],
      [OTHER_KAM, 'ED01'],
    ] as const) {
      const refused = await claim(user, account);
      expect(refused.errors?.account).toContain('請從客戶檔案中選擇客戶');
      expect(await h.bot.db.expenseClaim.count({ where: { sourceViewId: refused.viewId } })).toBe(0);
    }
  });
});
