import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONE_PROVIDER } from '../support/test-database.ts';
import { BRAND_ORG, PROPERTY_ORG, startHarness, type Harness } from '../support/harness.ts';
import { openedView } from '../support/visit-flow.ts';

/** The label of the /issue modal's optional subject field, as the reporter sees it. */
async function subjectLabelOf(h: Harness, userId: string): Promise<string> {
  const stored = await openedView(h, () => h.driver.command(userId, '/issue'));
  const blocks = stored.view.blocks as { block_id?: string; label?: { text: string } }[];
  return blocks.find((b) => b.block_id === 'subject')?.label?.text ?? '';
}

const CASES = [
  {
    org: PROPERTY_ORG,
    name: 'a property site',
    reporter: 'U0SALES001',
    zh: '相關客戶／房號',
    en: 'Customer or unit',
    never: /經銷商|市場|market|account/i,
  },
  {
    org: BRAND_ORG,
    name: 'a brand',
    reporter: 'U0MKTMGR01',
    zh: '相關客戶／經銷商／市場',
    en: 'Customer, account or market',
    never: /房號|unit/i,
  },
];

describe.each(CASES)('the /issue subject field on $name', ({ org, reporter, zh, en, never }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider: ONE_PROVIDER, orgFile: org });
  });
  afterAll(async () => h?.stop());

  it('names what this kind of organisation has, in Chinese and in English', async () => {
    const chinese = await subjectLabelOf(h, reporter);
    expect(chinese).toBe(zh);
    expect(chinese).not.toMatch(never);
    await h.driver.command(reporter, '/org', 'lang en');
    const english = await subjectLabelOf(h, reporter);
    expect(english).toBe(en);
    expect(english).not.toMatch(never);
  });
});
