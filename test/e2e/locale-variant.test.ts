import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../support/test-database.ts';
import { PROPERTY_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { copyUnitsBeside } from '../support/org-fixtures.ts';
import { openedView } from '../support/visit-flow.ts';

/** The property fixture, as an organisation in Taiwan would write it. */
function taiwanOrgFile(): string {
  const text = readFileSync(PROPERTY_ORG, 'utf8').replace(
    /^(\s+locale: zh-Hant.*)$/m,
    '$1\n  locale_variant: zh-Hant-TW',
  );
  expect(text).toContain('locale_variant: zh-Hant-TW');
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'org-tw-')), 'org.yml');
  writeFileSync(file, text);
  return copyUnitsBeside(file);
}

const modalText = async (h: Harness, user: string, command: string) =>
  JSON.stringify((await openedView(h, () => h.driver.command(user, command))).view);

describe.each(PROVIDERS)("an organisation that chose Taiwan's words on %s", (provider) => {
  let taiwan: Harness;
  let seed: Harness;
  beforeAll(async () => {
    taiwan = await startHarness({ provider, orgFile: taiwanOrgFile() });
    seed = await startHarness({ provider });
  });
  afterAll(async () => {
    await taiwan?.stop();
    await seed?.stop();
  });

  it('reads 資訊, 網路 and 房貸 where the seed says 信息, 網絡 and 按揭', async () => {
    expect(await modalText(taiwan, 'U0SALES001', '/feedback')).toContain('銷售資訊反饋');
    const visit = await modalText(taiwan, 'U0SALES001', '/visit');
    expect(visit).toContain('"網路"');
    expect(visit).not.toContain('網絡');
  });

  it("keeps the seed's words for an organisation without the variant, and English for those who chose it", async () => {
    expect(await modalText(seed, 'U0SALES001', '/feedback')).toContain('銷售信息反饋');
    expect(await modalText(seed, 'U0SALES001', '/visit')).toContain('"網絡"');
    expect(answerText((await taiwan.driver.command('U0SALES002', '/org', 'lang en')).json)).toContain('English');
    expect(await modalText(taiwan, 'U0SALES002', '/feedback')).toContain('Sales feedback');
  });
});
