import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONE_PROVIDER } from '../support/test-database.ts';
import { BRAND_ORG, PROPERTY_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';

/** The command list of someone's App Home, as they see it once they open it. */
async function commandListOf(h: Harness, userId: string): Promise<string> {
  await h.driver.event({ type: 'app_home_opened', user: userId, channel: `D${userId.slice(1)}`, tab: 'home' });
  await expect
    .poll(() => h.fake.callsTo('views.publish').filter((c) => c.args.user_id === userId).length)
    .toBeGreaterThan(0);
  const view = h.fake
    .callsTo('views.publish')
    .filter((c) => c.args.user_id === userId)
    .at(-1)!.args.view as { blocks: { block_id?: string; text?: { text: string } }[] };
  return view.blocks.find((b) => b.block_id === 'commands')?.text?.text ?? '';
}

/** What an ephemeral command answer says. */
const answerOf = async (h: Harness, userId: string, text: string) =>
  answerText((await h.driver.command(userId, '/focus', text)).json);

const REFUSED = /沒有權限|只有領導層/;

// who is asked, and how much of /focus App Home should offer them
const CASES = [
  { org: PROPERTY_ORG, who: 'U0SECRET01', label: 'site secretary 張雅婷', use: 'none' },
  { org: PROPERTY_ORG, who: 'U0DEPUTY01', label: 'deputy 李淑芬', use: 'none' },
  { org: PROPERTY_ORG, who: 'U0SALES001', label: 'salesperson', use: 'none' },
  { org: PROPERTY_ORG, who: 'U0PROJMGR1', label: 'project manager', use: 'draft' },
  { org: BRAND_ORG, who: 'U0CSREP001', label: 'customer service rep (SSG)', use: 'status' },
  { org: BRAND_ORG, who: 'U0MKTMGR01', label: 'market manager', use: 'none' },
  { org: BRAND_ORG, who: 'U0SALDIR02', label: 'sales director', use: 'draft' },
] as const;

describe.each([PROPERTY_ORG, BRAND_ORG])('App Home lists only the /focus its reader may use (%s)', (org) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider: ONE_PROVIDER, orgFile: org });
  });
  afterAll(async () => h?.stop());

  it.each(CASES.filter((c) => c.org === org))(
    '$label: App Home matches what /focus answers them',
    async ({ who, use }) => {
      const list = await commandListOf(h, who);
      expect(list).toContain('`/targets`');
      // the records of the second wave are offered where they live
      for (const command of org === PROPERTY_ORG ? ['/deal', '/task'] : ['/account', '/order', '/task']) {
        expect(list).toContain(`\`${command}\``);
      }
      expect(list.includes('`/focus`')).toBe(use === 'draft');
      expect(list.includes('`/focus status`')).toBe(use === 'status');
      // and the command agrees: status is refused to whoever App Home does not offer it
      expect(REFUSED.test(await answerOf(h, who, 'status'))).toBe(use === 'none');
    },
  );
});
