import { describe, expect, it } from 'vitest';
import {
  nthWorkingDay,
  ranksAmong,
  rankValues,
  scoreWeights,
  UNRANKED,
  type MonthFigures,
} from '../../src/domain/scorecards/scorecard-rules.ts';
import { overallScore, scoreParts } from '../../src/domain/scorecards/scorecard-score.ts';
import { OrgChart } from '../../src/domain/org/org-chart.ts';
import { brandChart } from '../support/org-fixtures.ts';

const calendar = {
  timeZone: 'Asia/Shanghai',
  dayStartMinute: 9 * 60,
  dayEndMinute: 18 * 60,
  holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05']),
  makeUpDays: new Set(['2026-10-10']),
};

const figures = (attainment: number | null, ratioTenths: number | null, visitsApproved: number): MonthFigures => ({
  attainment,
  budgetUsed: null,
  ratioTenths,
  visitsFiled: visitsApproved,
  visitsApproved,
  otherMetrics: {},
  osbOpen: null,
  osbOldestDays: null,
  marketShares: null,
  share: null,
  deals: null,
});

describe('the scorecard day and score', () => {
  it('finds the 3rd working day past weekends and holidays', () => {
    expect(nthWorkingDay(calendar, 2026, 11, 3)).toBe(3); // December 2026: Tue 1, Wed 2, Thu 3
    expect(nthWorkingDay(calendar, 2026, 9, 3)).toBe(8); // October: Thu 1, Fri 2, Mon 5 holidays; Tue 6, Wed 7, Thu 8
    expect(nthWorkingDay(calendar, 2026, 7, 3)).toBe(5); // August: Sat 1, Sun 2
  });

  it('ranks each figure among peers, ties sharing a rank, a lower expense ratio better', () => {
    const ranks = ranksAmong(
      new Map([
        ['a', figures(120, 10, 3)],
        ['b', figures(80, 0, 3)],
        ['c', figures(null, null, 1)],
      ]),
    );
    expect(ranks.get('a')).toEqual({ ...UNRANKED, sales: 1, expense: 2, visits: 1 });
    expect(ranks.get('b')).toEqual({ ...UNRANKED, sales: 2, expense: 1, visits: 1 });
    expect(ranks.get('c')).toEqual({ ...UNRANKED, sales: null, expense: null, visits: 3 });
  });

  it('ranks nobody on a figure only one of them has, and no one alone in their role', () => {
    const ranks = ranksAmong(
      new Map([
        ['a', { ...figures(120, 10, 3), share: 2350 }],
        ['b', figures(80, null, 3)],
      ]),
    );
    // a's share and expense ratio are theirs alone: no rank, rather than first of one
    expect(ranks.get('a')).toEqual({ ...UNRANKED, sales: 1, visits: 1 });
    const alone = ranksAmong(new Map([['a', figures(120, 10, 3)]]));
    expect(alone.get('a')).toEqual(UNRANKED);
    const weights = scoreWeights(brandChart());
    const parts = scoreParts(new Map([['a', figures(120, 10, 3)]])).get('a')!;
    expect(overallScore(UNRANKED, parts, weights)).toBeNull();
  });

  it('weighs the figures as the org file says, over those that apply, from the figures themselves', () => {
    const none = { share: 0, reservations: 0, contracts: 0, collections: 0, arrears: 0 };
    const weights = { sales: 50, expense: 25, visits: 25, ...none };
    const ranks = { ...UNRANKED, sales: 1, expense: 1, visits: 1 };
    const parts = scoreParts(
      new Map([
        ['a', { ...figures(120, 10, 4), budgetUsed: 90 }],
        ['b', { ...figures(60, 20, 2), budgetUsed: 150 }],
      ]),
    );
    // a: attainment capped at 100%, within budget, the most visits: full marks
    expect(parts.get('a')).toMatchObject({ sales: 1, expense: 1, visits: 1 });
    // b: 60%, half a budget over, half the best visits: 50×0.6 + 25×0.5 + 25×0.5
    expect(parts.get('b')).toMatchObject({ sales: 0.6, expense: 0.5, visits: 0.5 });
    expect(overallScore(ranks, parts.get('a')!, weights)).toBe(100);
    expect(overallScore(ranks, parts.get('b')!, weights)).toBe(55);
    expect(overallScore({ ...UNRANKED }, parts.get('b')!, weights)).toBeNull();
    expect(overallScore(ranks, parts.get('b')!, { ...weights, expense: 0, visits: 0 })).toBe(60);
    const custom = new OrgChart({ ...brandChart().data, scorecard: { weights: { visits: 0, arrears: 10 } } });
    expect(scoreWeights(custom)).toEqual({
      sales: 50,
      expense: 25,
      visits: 0,
      share: 0,
      reservations: 0,
      contracts: 0,
      collections: 0,
      arrears: 10,
    });
  });
});

describe('scoring people tied at zero', () => {
  it('gives no marks for 0% against 0%, no visits against none, or a budget four times over', () => {
    const weights = { ...scoreWeights(brandChart()) };
    const zero = { ...figures(0, null, 0), budgetUsed: 413 };
    const parts = scoreParts(
      new Map([
        ['a', zero],
        ['b', { ...figures(0, null, 0), budgetUsed: 0 }],
      ]),
    );
    const ranks = ranksAmong(
      new Map([
        ['a', zero],
        ['b', { ...figures(0, null, 0), budgetUsed: 0 }],
      ]),
    );
    expect(ranks.get('a')).toMatchObject({ sales: 1, visits: 1 });
    expect(parts.get('a')).toMatchObject({ sales: 0, expense: 0, visits: 0 });
    expect(overallScore(ranks.get('a')!, parts.get('a')!, weights)).toBe(0);
  });

  it('lowers the expense part as the budget is overspent, whole up to 100%', () => {
    const part = (budgetUsed: number) =>
      scoreParts(new Map([['a', { ...figures(100, 10, 1), budgetUsed }]])).get('a')!.expense;
    expect([part(40), part(100), part(120), part(180), part(413)]).toEqual([1, 1, 0.8, 0.2, 0]);
  });
});

describe('ranking one value among peers', () => {
  it('ranks the highest first, lets ties share a rank and leaves those without a value unranked', () => {
    const ranks = rankValues(
      new Map([
        ['a', 80],
        ['b', 110],
        ['c', 80],
        ['d', null],
      ]),
    );
    expect(Object.fromEntries(ranks)).toEqual({ a: 2, b: 1, c: 2, d: null });
    // one value among peers is not ranked against itself
    expect(
      Object.fromEntries(
        rankValues(
          new Map([
            ['a', 80],
            ['b', null],
          ]),
        ),
      ),
    ).toEqual({ a: null, b: null });
  });
});
