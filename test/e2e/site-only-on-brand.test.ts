import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { buildDigest } from '../../src/services/rhythm/send-digests.ts';
import { BRAND_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { PROVIDERS } from '../support/test-database.ts';

const REP = 'U0SALREP01';
const MM = 'U0MKTMGR01';

// Units and deals are a property site's: a brand's people were answered with the site's help and roles
// (專案經理、副專、女專), and every brand digest counted 停滯的成交, which a brand cannot have.
describe.each(PROVIDERS)('units and deals asked for on a brand (%s)', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: BRAND_ORG });
  });
  afterAll(async () => h?.stop());

  it('answers /deal and /units, whatever their words, that they are for property sales sites', async () => {
    for (const [command, text] of [
      ['/deal', ''],
      ['/deal', 'help'],
      ['/deal', 'arrears'],
      ['/units', ''],
      ['/units', 'help'],
    ] as const) {
      const answer = answerText((await h.driver.command(MM, command, text)).json);
      expect(answer, `${command} ${text}`).toContain(
        command === '/deal' ? '成交只適用於樓盤銷售案場' : '房源與銷控表只適用於',
      );
      expect(answer).not.toMatch(/專案經理|副專|女專/);
    }
  });

  it('leaves stuck deals out of a brand digest', async () => {
    const chart = await h.bot.context.directory.current();
    for (const personId of [REP, MM]) {
      const digest = await buildDigest({ db: h.bot.db, chart, personId, frequency: 'weekly', now: clock.now() });
      const text = JSON.stringify(digest.blocks);
      expect(text).toContain('digest_visits');
      expect(text).not.toContain('digest_deals');
      expect(text).not.toContain('停滯的成交');
    }
  });
});
