import { describe, expect, it } from 'vitest';
import { CONTRACT_AMOUNT_MAX_CENTS, parseMoneyCents } from '../../src/domain/deals/money.ts';
import { validateClaim } from '../../src/domain/expenses/claim-input.ts';
import { parseOrderLines } from '../../src/domain/orders/order-lines.ts';
import { parseCreditWords, parsePayWords } from '../../src/domain/receivables/ledger-command.ts';
import { readFigure } from '../../src/domain/targets/figures.ts';
import { splitInputProblems } from '../../src/domain/targets/target-input.ts';
import { payModal } from '../../src/views/deals/deal-modals.ts';
import { claimModal } from '../../src/views/expenses/claim-modal.ts';
import { numberModal, salesModal, splitModal } from '../../src/views/targets/target-modals.ts';

/** What a Chinese user types for 2,000 and 2,000.50, and what no amount input takes. */
const ACCEPTED: [string, number][] = [
  ['2,000', 200_000],
  ['2000', 200_000],
  ['2,000.50', 200_050],
  // a Chinese input method's full-width digits, comma and period
  ['１２００', 120_000],
  ['２，０００．５０', 200_050],
  ['２,０００', 200_000],
];
const REFUSED = ['abc', '-5', '1,000.555', '－５', '１．２３４'];

/** Each amount a person types, through the very reader its input goes to. */
const READERS: Record<string, (typed: string) => number | undefined> = {
  'budget split row': (typed) => readFigure(typed, 'expense:差旅'),
  'target split row / sales / correction': (typed) => readFigure(typed, 'amount'),
  'claim amount': (typed) => {
    const checked = validateClaim(
      { amount: typed, category: '差旅', spentOn: '2026-11-18', description: '高鐵' },
      {
        categories: ['差旅'],
        today: '2026-11-26',
      },
    );
    return checked.ok ? checked.input.amountCents : undefined;
  },
  'order line price': (typed) => {
    const lines = parseOrderLines(`TEA001 10 ${typed}`);
    return Array.isArray(lines) ? lines[0].priceCents : undefined;
  },
  'ledger payment (/order pay)': (typed) => {
    const money = parseMoneyCents(parsePayWords(`ED01 ${typed}`)?.amount, CONTRACT_AMOUNT_MAX_CENTS);
    return money.ok ? money.cents : undefined;
  },
  'ledger credit note (/order credit)': (typed) => {
    const money = parseMoneyCents(parseCreditWords(`ED01 ${typed} 年度返利`)?.amount, CONTRACT_AMOUNT_MAX_CENTS);
    return money.ok ? money.cents : undefined;
  },
};

describe.each(Object.entries(READERS))('the %s', (_name, read) => {
  it.each(ACCEPTED)('takes "%s" as %i cents', (typed, cents) => {
    expect(read(typed)).toBe(cents);
  });
  it.each(REFUSED)('refuses "%s"', (typed) => {
    expect(read(typed)).toBeUndefined();
  });
});

describe('the budget split box', () => {
  it('names every row refused (abc, -5, three decimals) and none taken with a separator', () => {
    const rows = { a: '2,000', b: '2,000.50', c: 'abc', d: '-5', e: '1,000.555' };
    const problems = splitInputProblems({
      metric: 'expense:差旅',
      rowKeys: Object.keys(rows),
      rows,
      parentEditable: true,
      parent: '12,000',
    });
    expect(problems).toEqual(['c', 'd', 'e']);
  });
});

/** Slack's number_input refuses "2,000" in the browser, before the server's reader ever sees it. */
describe('amount inputs are text, so a thousands separator reaches the server', () => {
  const amountElements = (blocks: unknown[], ids: (id: string) => boolean) =>
    (blocks as { type: string; block_id?: string; element?: { type: string } }[])
      .filter((b) => b.type === 'input' && ids(b.block_id ?? ''))
      .map((b) => b.element?.type);
  const split = splitModal({
    locale: 'zh-Hant',
    period: '2026-11',
    metric: 'expense:差旅',
    parentLabel: '全公司',
    parentValue: null,
    parentEditable: true,
    rows: [{ key: 'person:U1', label: '劉大偉', value: 300_050 }],
    currency: 'CNY',
    metadata: '{}',
  });
  const sales = salesModal({
    locale: 'en',
    people: [],
    months: ['2026-11'],
    metrics: ['amount'],
    markets: [],
    selfId: 'U1',
  });
  const contract = numberModal({
    locale: 'zh-Hant',
    callbackId: 'c',
    titleKey: 'customer.contract.title',
    valueKey: 'customer.contract.amount',
    submitKey: 'customer.contract.submit',
    metadata: '{}',
  });
  const claim = claimModal({
    locale: 'zh-Hant',
    categories: ['差旅'],
    today: '2026-11-26',
    callbackId: 'c',
    privateMetadata: '',
  });
  const pay = payModal({ locale: 'zh-Hant', dealId: 1, today: '2026-11-26', summary: 'A-101' });
  it.each([
    ['budget split (parent and rows)', split.blocks, (id: string) => id !== 'confirm_gap', 2],
    ['sales value', sales.blocks, (id: string) => id === 'value', 1],
    ['contract amount', contract.blocks, (id: string) => id === 'value', 1],
    ['claim amount', claim.blocks, (id: string) => id === 'amount', 1],
    ['deal payment', pay.blocks, (id: string) => id === 'amount', 1],
  ])('%s', (_name, blocks, ids, count) => {
    const types = amountElements(blocks, ids);
    expect(types).toHaveLength(count);
    expect(types.every((type) => type === 'plain_text_input')).toBe(true);
  });
  it('keeps a budget row prefilled as plain digits the reader takes back', () => {
    const row = (split.blocks as { block_id?: string; element?: { initial_value?: string } }[]).find(
      (b) => b.block_id === 'row:person:U1',
    );
    expect(row?.element?.initial_value).toBe('3000.50');
    expect(readFigure(row?.element?.initial_value, 'expense:差旅')).toBe(300_050);
  });
});
