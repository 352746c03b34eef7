import { describe, expect, it } from 'vitest';
import { marketsRunBy, targetOfPerson, type TargetLookup } from '../../src/domain/targets/person-target.ts';
import { recentMonths } from '../../src/domain/targets/periods.ts';
import { correctionProblems, readFigure, splitInputProblems } from '../../src/domain/targets/target-input.ts';
import { figureInput, formatFigure } from '../../src/domain/targets/figures.ts';
import { validateSales } from '../../src/services/targets/record-sales.ts';
import { brandChart } from '../support/org-fixtures.ts';

const chart = brandChart();
const lookupOf =
  (targets: Record<string, number>): TargetLookup =>
  (scope, metric) =>
    targets[`${scope.kind}:${scope.id}:${metric}`] ?? null;

describe("one person's target, read the same way everywhere", () => {
  const targets = lookupOf({
    'market:E:amount': 2_500_000,
    'market:SD:amount': 500_000,
    'market:N:amount': 1_000_000,
    'person:U0UNITMG01:amount': 1_500_000,
    'person:U0SALREP01:amount': 700_000,
  });

  it("gives a market manager his market's target and an SLT member his markets and his reports', each once", () => {
    expect(targetOfPerson(chart, 'U0MKTMGR01', 'amount', targets)).toBe(2_500_000);
    expect(marketsRunBy(chart, 'U0DEPDIR01').sort()).toEqual(['E', 'S', 'SD', 'SW']);
    expect(marketsRunBy(chart, 'U0SALDIR02').sort()).toEqual(['C', 'N', 'NE', 'NW']);
    // the deputy: 山東, and 華東 through its manager 梁志遠 under her
    expect(targetOfPerson(chart, 'U0DEPDIR01', 'amount', targets)).toBe(3_000_000);
    // the sales director: 華北 through 宋建華, and his deputy's, counted once under her
    expect(targetOfPerson(chart, 'U0SALDIR02', 'amount', targets)).toBe(4_000_000);
  });

  it("prefers a person's own target, else sums their reports, else has none", () => {
    expect(targetOfPerson(chart, 'U0UNITMG01', 'amount', targets)).toBe(1_500_000);
    expect(targetOfPerson(chart, 'U0KEYACC01', 'amount', targets)).toBe(700_000);
    expect(targetOfPerson(chart, 'U0KEYACC02', 'amount', targets)).toBeNull();
    expect(targetOfPerson(chart, 'U0MKTMGR01', 'volume', targets)).toBeNull();
  });

  it("gives the top of the chart the company's target when there is one", () => {
    expect(targetOfPerson(chart, 'U0GENMGR01', 'amount', targets)).toBe(4_000_000);
    expect(targetOfPerson(chart, 'U0GENMGR01', 'amount', lookupOf({ 'org::amount': 9_000_000 }))).toBe(9_000_000);
    // the company's target is the top's, never the sales director's
    expect(
      targetOfPerson(chart, 'U0SALDIR02', 'amount', lookupOf({ 'org::amount': 9_000_000, 'market:NE:amount': 1 })),
    ).toBe(1);
  });
});

describe('typed figures and the months /sales offers', () => {
  it('reads figures from 0 to a trillion and nothing else; empty is not zero', () => {
    // an amount is read exactly in cents, a share in hundredths of a point, a count as a count
    expect([readFigure('0', 'amount'), readFigure(12.5, 'amount'), readFigure(' 3 ', 'amount')]).toEqual([
      0, 1250, 300,
    ]);
    expect([readFigure('1,450,001.5', 'amount'), readFigure('12.34', 'share'), readFigure('8', 'contracts')]).toEqual([
      145000150, 1234, 8,
    ]);
    const bad = ['', null, '-1', 'abc', '1e13', '1.005', '10000000000000'];
    expect(bad.map((raw) => readFigure(raw, 'amount'))).toEqual(bad.map(() => undefined));
    expect([readFigure('1.5', 'contracts'), readFigure('2.0', 'visits')]).toEqual([undefined, 2]);
    expect(
      splitInputProblems({
        metric: 'amount',
        rowKeys: ['a', 'b', 'c'],
        rows: { a: '5', b: '', c: 'x' },
        parentEditable: true,
        parent: '-3',
      }),
    ).toEqual(['c', 'parent']); // a row left empty is no share (0), only text that is no figure is refused
    expect(correctionProblems({ value: '10', reason: ' ', metric: 'amount' })).toEqual([
      { field: 'reason', problem: 'required' },
    ]);
  });

  it('prints figures exactly from their stored units, never a float', () => {
    expect(formatFigure('amount', 145000150)).toBe('1,450,001.50');
    expect(formatFigure('amount', 800000000)).toBe('8,000,000');
    expect(formatFigure('share', 1250)).toBe('12.50');
    expect(formatFigure('volume', 1234)).toBe('1,234');
    expect([figureInput('amount', 145000150), figureInput('amount', 500), figureInput('contracts', 3)]).toEqual([
      '1450001.50',
      '5',
      '3',
    ]);
  });

  it("offers the last three months across a year's end, in the organisation's time zone", () => {
    // 1 January 2027 at 01:00 in Shanghai is still 31 December in UTC
    expect(recentMonths(new Date('2026-12-31T17:00:00Z'), 'Asia/Shanghai')).toEqual(['2027-01', '2026-12', '2026-11']);
  });
});

describe('a /sales entry checked before it is saved', () => {
  const now = new Date('2026-11-26T02:00:00Z');
  it('lets the SSG record for any field person, and market share without a person or customer', () => {
    const amount = validateSales(
      chart,
      'U0CSREP001',
      { person: 'U0SALREP04', account: '京北分銷', month: '2026-11', metric: 'amount', value: '10' },
      now,
    );
    expect(amount.ok).toBe(true);
    const share = validateSales(
      chart,
      'U0SSGLEAD1',
      { month: '2026-11', metric: 'share', market: 'E', value: '18.5' },
      now,
    );
    expect(share).toEqual({
      ok: true,
      input: { personId: 'U0SSGLEAD1', account: '', month: '2026-11', metric: 'share', marketCode: 'E', value: 1850 },
    });
  });

  it('refuses share from someone who does not speak for the market, and a long customer name', () => {
    const share = validateSales(
      chart,
      'U0MKTMGR02',
      { month: '2026-11', metric: 'share', market: 'E', value: '5' },
      now,
    );
    expect(share.ok ? [] : share.errors).toEqual([{ field: 'market', key: 'sales.error.share_market' }]);
    const long = validateSales(
      chart,
      'U0SALREP01',
      { person: 'U0SALREP01', account: '客'.repeat(81), month: '2026-11', metric: 'amount', value: '1' },
      now,
    );
    expect(long.ok ? [] : long.errors).toEqual([{ field: 'account', key: 'sales.error.too_long' }]);
  });
});
