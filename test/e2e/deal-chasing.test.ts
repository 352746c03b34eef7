import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { customerCardOf, dealCardOf, reserve } from '../support/deal-flow.ts';
import { blocksText, dmsTo } from '../support/visit-flow.ts';

// 2026-11-26 is a Thursday; the site is in Asia/Shanghai, so 09:00 there is 01:00Z.
const DAYS = ['11-26', '11-27', '11-28', '11-29', '11-30', '12-01', '12-02', '12-03', '12-04'];

describe.each(PROVIDERS)('催收: chasing a deal’s due items day by day on %s', (provider) => {
  let h: Harness;
  let dealId = 0;
  const clock = new FixedClock(new Date('2026-11-26T00:30:00Z'));
  const chaseTexts = (user: string) =>
    dmsTo(h, user)
      .filter((m) => !m.threadTs)
      .map((m) => m.text ?? '')
      .filter((t) => /(提醒|逾期|逾期上報)：成交/.test(t));

  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    const card = await customerCardOf(h, 'U0SALES002', '13900006666', '鄭女士');
    dealId = await reserve(
      h,
      'U0SALES002',
      card,
      { building: '3棟', number: '0201' },
      {
        depositDate: '2026-11-30',
        signBy: '2026-12-04',
      },
    );
  });
  afterAll(async () => h?.stop());

  it('reminds the owner a day before, owner and deputy when overdue, the PM after 3 days, once each', async () => {
    const seen: Record<string, { owner: string[]; deputy: string[]; pm: string[] }> = {};
    for (const day of DAYS) {
      const before = {
        owner: chaseTexts('U0SALES002').length,
        deputy: chaseTexts('U0DEPUTY01').length,
        pm: chaseTexts('U0PROJMGR1').length,
      };
      clock.set(`2026-${day}T01:00:00Z`);
      await h.bot.scheduler.tick();
      await h.flushOutbox();
      seen[day] = {
        owner: chaseTexts('U0SALES002').slice(before.owner),
        deputy: chaseTexts('U0DEPUTY01').slice(before.deputy),
        pm: chaseTexts('U0PROJMGR1').slice(before.pm),
      };
    }
    // Thursday: the deposit (Monday) is two working days off
    expect(seen['11-26']).toEqual({ owner: [], deputy: [], pm: [] });
    // Friday is the working day before Monday
    expect(seen['11-27'].owner).toEqual([
      `提醒：成交 #${dealId}（3棟 0201，鄭女士）的「定金」¥50,000 將於 2026-11-30 到期。`,
    ]);
    for (const day of ['11-28', '11-29', '11-30']) expect(seen[day], day).toEqual({ owner: [], deputy: [], pm: [] });
    expect(seen['12-01'].owner[0]).toContain('逾期：成交');
    expect(seen['12-01'].owner[0]).toContain('逾期 1 天');
    expect(seen['12-01'].deputy[0]).toContain('負責人 鄭欣怡');
    expect(seen['12-01'].pm).toEqual([]);
    // the sign-by date (Friday 12-04) is reminded on Thursday, as the deposit reaches 3 working days overdue
    expect(seen['12-03'].owner).toEqual([
      `提醒：成交 #${dealId}（3棟 0201，鄭女士）的「簽約期限」將於 2026-12-04 到期。`,
    ]);
    expect(seen['12-03'].pm[0]).toContain('逾期上報');
    expect(seen['12-03'].pm[0]).toContain('逾期 3 天');
    expect(seen['12-04']).toEqual({ owner: [], deputy: [], pm: [] });
    const thread = h.fake.state.messages.filter((m) => m.threadTs && m.text?.includes('已上報專案經理'));
    expect(thread).toHaveLength(1);
  });

  it('lists the arrears by owner and item, with amount and days overdue, for the site office only', async () => {
    const arrears = answerText((await h.driver.command('U0DEPUTY01', '/deal', 'arrears')).json);
    expect(arrears).toContain('*鄭欣怡*：1 項，¥50,000');
    expect(arrears).toContain(`#${dealId} 3棟 0201 鄭女士「定金」¥50,000，2026-11-30 到期，逾期 4 天`);
    expect(answerText((await h.driver.command('U0SALES002', '/deal', 'arrears')).json)).toContain(
      '只有專案經理、副專與女專可以查看欠款',
    );
  });

  it('keeps on each item the last message it was sent, so none goes twice', async () => {
    const items = await h.bot.db.dealDueItem.findMany({ where: { dealId }, orderBy: { id: 'asc' } });
    expect(items.map((i) => [i.kind, i.reminderLevel])).toEqual([
      ['deposit', 3],
      ['sign_by', 1],
    ]);
  });
});

describe.each(PROVIDERS)('催收 of an item due on a Saturday, seen on the Monday after on %s', (provider) => {
  let h: Harness;
  let dealId = 0;
  const clock = new FixedClock(new Date('2026-11-26T00:30:00Z'));
  const lastText = (user: string, pattern: RegExp) =>
    dmsTo(h, user)
      .map((m) => m.text ?? '')
      .filter((t) => pattern.test(t))
      .at(-1);
  const arrears = async () => answerText((await h.driver.command('U0DEPUTY01', '/deal', 'arrears')).json);
  const dayAt = async (day: string) => {
    clock.set(`2026-${day}T01:00:00Z`);
    await h.bot.scheduler.tick();
    await h.flushOutbox();
  };

  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    const card = await customerCardOf(h, 'U0SALES002', '13900006667', '鄭先生');
    dealId = await reserve(
      h,
      'U0SALES002',
      card,
      { building: '3棟', number: '0202' },
      { depositDate: '2026-11-28', signBy: '2026-12-20' },
    );
  });
  afterAll(async () => h?.stop());

  it('rewrites the owner’s deal card when the chasing job finds the deposit newly overdue', async () => {
    await dayAt('11-27');
    expect(blocksText(dealCardOf(h, 'U0SALES002', dealId))).toContain('逾期 ¥0');
    await dayAt('11-30');
    expect(lastText('U0SALES002', /^逾期：成交/)).toContain('¥50,000');
    const shown = blocksText(dealCardOf(h, 'U0SALES002', dealId));
    expect(shown).toContain('逾期 ¥50,000');
    expect(shown).not.toContain('逾期 ¥0');
  });

  it('counts the days overdue alike in the notice, /deal arrears and the escalation: calendar days', async () => {
    // the clock went from Friday to Monday: the notice and the arrears both count Saturday → Monday
    expect(lastText('U0SALES002', /^逾期：成交/)).toContain('逾期 2 天');
    expect(await arrears()).toContain('2026-11-28 到期，逾期 2 天');
    await dayAt('12-03');
    expect(lastText('U0PROJMGR1', /^逾期上報：成交/)).toContain('已逾期 5 天');
    expect(await arrears()).toContain('2026-11-28 到期，逾期 5 天');
  });
});
