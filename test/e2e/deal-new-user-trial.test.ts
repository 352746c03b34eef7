import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';

// what a new user's first tries turned up: a page past the last, the help, a mistyped undo
describe.each(PROVIDERS.slice(0, 1))('a new user’s first tries of /units and /deal on %s', (provider) => {
  let h: Harness;
  const ask = async (user: string, command: string, text: string) =>
    answerText((await h.driver.command(user, command, text)).json);

  beforeAll(async () => {
    h = await startHarness({ provider });
  });
  afterAll(async () => h?.stop());

  it('says there is no such page instead of showing page 1, in both languages', async () => {
    expect(await ask('U0PROJMGR1', '/units', 'p1')).toContain('第 1/1 頁');
    expect(await ask('U0PROJMGR1', '/units', 'p9')).toContain('沒有第 9 頁：符合條件的房源共 1 頁，請輸入 p1 至 p1。');
    await h.driver.command('U0PROJMGR1', '/org', 'lang en');
    const english = await ask('U0PROJMGR1', '/units', 'p9');
    await h.driver.command('U0PROJMGR1', '/org', 'lang zh-Hant');
    expect(english).toContain('There is no page 9: the units shown fill 1 page; use p1 to p1.');
  });

  it('lists every /deal form in the help, and explains a mistyped undo', async () => {
    const help = await ask('U0SALES001', '/deal', 'help');
    for (const form of ['/deal new', '/deal list', '逾期', '@負責人', '/deal arrears', '/deal export', '/deal undo'])
      expect(help).toContain(form);
    expect(await ask('U0TLEAD001', '/deal', 'undo abc')).toBe(
      '用法：/deal undo 成交編號，如 /deal undo 12（編號見成交卡或 /deal list）。',
    );
  });
});
