import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { BRAND_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { blocksText, openedView, waitFor } from '../support/visit-flow.ts';

const GM = 'U0GENMGR01';
const DIRECTOR = 'U0SALDIR02'; // 孫立群: owns 華北 (run by MM 宋建華) and three markets nobody runs
const DEPUTY = 'U0DEPDIR01'; // 馬曉燕, under him: owns 華東 (run by MM 梁志遠)
const MM_E = 'U0MKTMGR01';
const MM_N = 'U0MKTMGR02';
const UM_N = 'U0UNITMG03';
const KAM_N = 'U0KEYACC03'; // 袁芳, 華北
const KAM_E = 'U0KEYACC01'; // 彭麗, 華東
const UM_E = 'U0UNITMG01';

describe.each(PROVIDERS)('the expense budget, spend and sales over one scope on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: BRAND_ORG });
    const db = h.bot.db;
    // 差旅: 華北 20,000 and 華東 10,000, split by the SLT to the markets
    for (const [id, value] of [
      ['N', 2_000_000],
      ['E', 1_000_000],
    ] as const)
      await db.target.create({
        data: {
          orgId: 1,
          period: '2026-11',
          scopeKind: 'market',
          scopeId: id,
          metric: 'expense:差旅',
          value,
          setBy: DEPUTY,
          setAt: clock.now(),
        },
      });
    // sales: 華北's KAM 300,000, 華東's 460,000.50
    for (const [personId, value] of [
      [KAM_N, 30_000_000],
      [KAM_E, 46_000_050],
    ] as const)
      await db.actualTotal.create({ data: { orgId: 1, personId, month: '2026-11', metric: 'amount', value } });
  });
  afterAll(async () => h?.stop());

  const fileAndApprove = async (user: string, approver: string, amount: string) => {
    const view = await openedView(h, () => h.driver.command(user, '/expense'));
    const values = { spentOn: '2026-11-18', amount, category: '差旅', description: '出差' };
    expect((await h.driver.submitView(user, view, values)).text).toBe('');
    await h.flushOutbox();
    const claim = await h.bot.db.expenseClaim.findFirstOrThrow({ where: { sourceViewId: view.id } });
    const card = h.fake.state.messages.filter((m) => !m.threadTs && blocksText(m).includes(`報銷 #${claim.number}：`));
    await h.driver.replyInThread(approver, card.at(-1)!, '通過');
    await waitFor(
      async () => (await h.bot.db.expenseClaim.findUniqueOrThrow({ where: { id: claim.id } })).status === 'approved',
      'approved',
    );
  };
  const budgetOf = async (user: string) =>
    answerText((await h.driver.command(user, '/expense', 'budget 2026-11')).json);

  it('measures a leader on his subtree: the budget, the spend and the sales of the same people', async () => {
    await fileAndApprove(KAM_N, UM_N, '1600');
    await fileAndApprove(KAM_E, UM_E, '1400');
    // the director: 華北 and 華東 both (his deputy's within his), as /targets reads his sales
    const director = await budgetOf(DIRECTOR);
    expect(director).toContain('*差旅*：預算 ¥30,000｜實際 ¥3,000');
    expect(director).toContain('（銷售額 ¥760,000.50）');
    const targets = answerText((await h.driver.command(DIRECTOR, '/targets', '2026-11')).json);
    expect(targets).toContain('¥760,000.50');
    expect(await budgetOf(GM)).toContain('*差旅*：預算 ¥30,000｜實際 ¥3,000');
    expect(await budgetOf(GM)).toContain('（銷售額 ¥760,000.50）');
    // the deputy and each market manager: their market only
    for (const [who, spent, sales] of [
      [DEPUTY, '1,400', '460,000.50'],
      [MM_E, '1,400', '460,000.50'],
    ] as const) {
      const text = await budgetOf(who);
      expect(text, who).toContain(`*差旅*：預算 ¥10,000｜實際 ¥${spent}`);
      expect(text, who).toContain(`（銷售額 ¥${sales}）`);
    }
    const north = await budgetOf(MM_N);
    expect(north).toContain('*差旅*：預算 ¥20,000｜實際 ¥1,600');
    expect(north).toContain('（銷售額 ¥300,000）');
    // a UM, a KAM: no budget of their own yet, their own subtree's spend and sales
    expect(await budgetOf(UM_N)).toContain('*差旅*：實際 ¥1,600（未設預算）');
    expect(await budgetOf(KAM_E)).toContain('（銷售額 ¥460,000.50）');
    expect(await budgetOf(KAM_E)).not.toContain('1,600');
  });

  it('shows a row per report with 團隊, each over their own subtree, as /targets team rows them', async () => {
    const team = answerText((await h.driver.command(DIRECTOR, '/expense', 'budget 2026-11 團隊')).json);
    expect(team).not.toBe(await budgetOf(DIRECTOR));
    expect(team).toContain('*團隊*（各下屬及其下屬）');
    expect(team).toContain('• 馬曉燕：預算 ¥10,000｜實際 ¥1,400｜14%｜費用率 0.3%');
    expect(team).toContain('• 宋建華：預算 ¥20,000｜實際 ¥1,600｜8%｜費用率 0.5%');
    // a market he holds himself (no market manager runs it) is a row of its own
    expect(team).toContain('• 東北：實際 ¥0（未設預算）｜費用率 —');
    const mm = answerText((await h.driver.command(MM_E, '/expense', 'budget 2026-11 團隊')).json);
    expect(mm).toContain('• 唐文傑：實際 ¥1,400（未設預算）｜費用率 0.3%');
    expect(mm).toContain('• 韓雪：實際 ¥0（未設預算）');
    expect(mm).not.toContain('宋建華');
    await h.driver.command(MM_N, '/org', 'lang en');
    const english = answerText((await h.driver.command(MM_N, '/expense', 'budget 2026-11 team')).json);
    expect(english).toContain('• 曹永: spent ¥1,600 (no budget) | expense ratio 0.5%');
  });
});

describe.each(PROVIDERS)('splitting a budget on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: BRAND_ORG });
  });
  afterAll(async () => h?.stop());
  const answer = async (user: string, text: string) =>
    answerText((await h.driver.command(user, '/expense', text)).json);

  it('refuses a split below the top while the parent line has no budget, naming who sets it', async () => {
    const before = h.fake.state.views.size;
    expect(await answer(MM_E, 'budget set 2026-12 招待')).toBe(
      '上級預算（華東）在 2026-12 還沒有招待預算，沒有可以拆分的預算。' +
        '請 馬曉燕 先用 `/expense budget set 2026-12 招待` 設定。',
    );
    expect(await answer(UM_E, 'budget set 2026-12 招待')).toContain('上級預算（唐文傑）在 2026-12 還沒有招待預算');
    expect(await answer(UM_E, 'budget set 2026-12 招待')).toContain('請 梁志遠 先用');
    expect(h.fake.state.views.size).toBe(before);
    // nobody splits the company's budget from above: the SLT at the top sets it
    await openedView(h, () => h.driver.command(DEPUTY, '/expense', 'budget set 2026-12 招待'));
    expect(await answer('U0SALREP04', 'help')).toContain('[團隊|市場 E|@某人]');
    // a rep has nothing to split a budget across (not 目標)
    expect(await answer('U0SALREP04', 'budget set 2026-12 招待')).toBe('你沒有可以拆分預算的下屬或市場。');
    await h.driver.command('U0SALREP04', '/org', 'lang en');
    expect(await answer('U0SALREP04', 'budget set 2026-12 招待')).toBe(
      'You have no reports or markets to split a budget across.',
    );
    await h.driver.command(MM_E, '/org', 'lang en');
    expect(await answer(MM_E, 'budget set 2026-12 招待')).toBe(
      'The parent budget (華東) has no 招待 budget for 2026-12: there is nothing to split. ' +
        'Ask 馬曉燕 to set it first with `/expense budget set 2026-12 招待`.',
    );
  });

  it('opens the split once the parent line has a budget', async () => {
    await h.bot.db.target.create({
      data: {
        ...{ orgId: 1, period: '2026-12', scopeKind: 'market', scopeId: 'E', metric: 'expense:招待' },
        ...{ value: 800_000, setBy: DEPUTY, setAt: clock.now() },
      },
    });
    const view = await openedView(h, () => h.driver.command(MM_E, '/expense', 'budget set 2026-12 招待'));
    expect(JSON.stringify(view.view.blocks)).toContain('8,000');
  });
});
