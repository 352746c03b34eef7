import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';

const search = async (h: Harness, asker: string, query: string) =>
  answerText((await h.driver.command(asker, '/visit', query)).json);

describe.each(PROVIDERS)('finding a customer file by name on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    const file = (ownerId: string, name: string, phone: string, daysAgo: number) => {
      const at = new Date(clock.now().getTime() - daysAgo * 86_400_000);
      return {
        orgId: 1,
        phone,
        name,
        ownerId,
        stage: 'visiting',
        stageChangedAt: at,
        visitCount: 1,
        firstVisitAt: at,
        lastVisitAt: at,
        reminderLevel: 0,
        createdAt: at,
      };
    };
    // the owner's file is the oldest; 26 namesakes of another team visited since
    await h.bot.db.customer.create({ data: file('U0SALES001', '林小姐🌸', '+8613700000001', 30) });
    await h.bot.db.customer.create({ data: file('U0SALES001', 'Amy 王', '+8613700000002', 40) });
    for (let i = 0; i < 26; i++)
      await h.bot.db.customer.create({
        data: file('U0SALES003', '林小姐', `+861390000${String(i).padStart(4, '0')}`, i),
      });
  });
  afterAll(async () => h?.stop());

  it("finds the owner's file by part of the name, ignoring emoji and spaces, past 26 hidden namesakes", async () => {
    for (const query of ['林', '林小姐', '林 小姐', '小姐🌸']) {
      const answer = await search(h, 'U0SALES001', query);
      expect(answer, query).toContain('客戶檔案：林小姐🌸');
      expect(answer, query).toContain('137****0001');
    }
  });

  it('matches Latin letters in either case, on either database', async () => {
    for (const query of ['amy', 'AMY 王', 'my王'])
      expect(await search(h, 'U0SALES001', query), query).toContain('客戶檔案：Amy 王');
  });

  it("keeps the permission rules: a colleague outside the chain finds nothing, the lead finds his team's", async () => {
    expect(await search(h, 'U0SALES002', '林')).toContain('找不到符合「林」而你有權查看的客戶檔案');
    expect(await search(h, 'U0TLEAD001', '林小姐')).toContain('137****0001');
    const otherLead = await search(h, 'U0TLEAD002', '林小姐');
    expect(otherLead).toContain('符合「林小姐」的客戶檔案（20）');
    expect(otherLead).not.toContain('137****0001');
  });

  it('lists at most twenty matches for those who may see every file', async () => {
    const answer = await search(h, 'U0PROJMGR1', '林小姐');
    expect(answer).toContain('符合「林小姐」的客戶檔案（20）');
    expect(await search(h, 'U0PROJMGR1', '🌸')).toContain('找不到符合「🌸」');
  });
});
