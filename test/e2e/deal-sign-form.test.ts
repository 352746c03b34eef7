import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/fake-slack/workspace-state.ts';
import { formatCents } from '../../src/domain/deals/money.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { actOnDeal, customerCardOf, dealCardOf, reserve } from '../support/deal-flow.ts';
import { openedView } from '../support/visit-flow.ts';

type Input = { block_id: string; label: { text: string }; hint?: { text: string }; element: Record<string, unknown> };

// issue 15: the 簽約 modal took due dates in the past, and its optional dates started at today
describe.each(PROVIDERS.slice(0, 1))('the 簽約 form on %s', (provider) => {
  let h: Harness;
  let card: StoredMessage;
  let id: number;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  const deal = () => h.bot.db.deal.findUniqueOrThrow({ where: { id } });
  const sign = (values: Record<string, string>) => actOnDeal(h, 'U0SALES001', 'U0SALES001', id, 'deal_sign', values);
  const plan = async () => {
    const d = await deal();
    const total = Number(d.priceCents);
    return { total, down: 50_000_000, loan: total - 5_000_000 - 50_000_000 };
  };

  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    card = await customerCardOf(h, 'U0SALES001', '13900006161', '方先生');
    id = await reserve(h, 'U0SALES001', card, { building: '1棟', number: '0201' });
  });
  afterAll(async () => h?.stop());

  it('shows the total as people write it, leaves optional dates empty, says when each field is needed', async () => {
    const view = await openedView(h, () =>
      h.driver.clickButton('U0SALES001', dealCardOf(h, 'U0SALES001', id), 'deal_sign'),
    );
    const inputs = (view.view.blocks as Input[]).filter((b) => b.block_id);
    const field = (blockId: string) => inputs.find((b) => b.block_id === blockId)!;
    expect(field('total').element.initial_value).toBe(formatCents(Number((await deal()).priceCents)));
    expect(String(field('total').element.initial_value)).toContain(',');
    expect(field('loanDate').element.initial_date).toBeUndefined();
    expect(field('downDate').element.initial_date).toBe('2026-12-03');
    expect(field('downDate').label.text).toBe('首付或尾款到期日（預設 7 天後）');
    expect(field('downDate').hint?.text).toContain('一次性：尾款');
    expect(field('down').label.text).not.toMatch(/必填|選填/);
    expect(field('down').hint?.text).toContain('按揭、分期時填寫');
  });

  it('refuses a loan, down-payment or instalment date before today, under its field, storing nothing', async () => {
    const { total, down, loan } = await plan();
    const mortgage = {
      contractNo: 'HT-P1',
      total: formatCents(total),
      method: 'mortgage',
      down: formatCents(down),
      downDate: '2026-12-10',
      bank: '建設銀行',
      loan: formatCents(loan),
      loanDate: '2027-01-15',
    };
    expect(await sign({ ...mortgage, loanDate: '2026-01-01' })).toEqual({ loanDate: '日期不可早於今天。' });
    expect(await sign({ ...mortgage, downDate: '2026-11-25' })).toEqual({ downDate: '日期不可早於今天。' });
    expect(await sign({ ...mortgage, loanDate: '' })).toEqual({ loanDate: '請選擇日期。' });
    const instalments = {
      contractNo: 'HT-P1',
      total: formatCents(total),
      method: 'instalments',
      down: formatCents(down),
      downDate: '2026-12-10',
      schedule: `2026-01-01 ${formatCents(loan)}`,
    };
    expect(await sign(instalments)).toEqual({ schedule: '分期日期不可早於今天。' });
    expect((await deal()).stage).toBe('reserved');
    expect(await h.bot.db.dealDueItem.count({ where: { dealId: id, kind: { in: ['mortgage', 'instalment'] } } })).toBe(
      0,
    );
    // today itself is fine
    expect(await sign({ ...instalments, schedule: `2026-11-26 ${formatCents(loan)}` })).toBeUndefined();
    expect((await deal()).stage).toBe('contracted');
  });

  it('refuses a down payment typed for a lump sum instead of dropping it', async () => {
    const other = await reserve(h, 'U0SALES001', card, { building: '1棟', number: '0202' });
    const total = Number((await h.bot.db.deal.findUniqueOrThrow({ where: { id: other } })).priceCents);
    const errors = await actOnDeal(h, 'U0SALES001', 'U0SALES001', other, 'deal_sign', {
      contractNo: 'HT-P2',
      total: formatCents(total),
      method: 'lump_sum',
      down: '1,000,000',
      downDate: '2026-12-10',
    });
    expect(errors?.down).toContain('一次性付款沒有首付');
    expect((await h.bot.db.deal.findUniqueOrThrow({ where: { id: other } })).stage).toBe('reserved');
  });
});
