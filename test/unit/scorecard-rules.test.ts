import { describe, expect, it } from 'vitest';
import {
  nthWorkingDay,
  overallScore,
  ranksAmong,
  rankValues,
  scoreWeights,
  UNRANKED,
  type MonthFigures,
} from '../../src/domain/scorecards/scorecard-rules.ts';
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
    const noPeers = {
      sales: 0,
      expense: 0,
      visits: 0,
      share: 0,
      reservations: 0,
      contracts: 0,
      collections: 0,
      arrears: 0,
    };
    expect(overallScore(UNRANKED, noPeers, weights)).toBeNull();
  });

  it('weighs the figures as the org file says, over those that apply', () => {
    const none = { share: 0, reservations: 0, contracts: 0, collections: 0, arrears: 0 };
    const weights = { sales: 50, expense: 25, visits: 25, ...none };
    const peers = { sales: 2, expense: 2, visits: 2, ...none };
    const ranks = (sales: number | null, expense: number | null, visits: number | null) => ({
      ...UNRANKED,
      sales,
      expense,
      visits,
    });
    expect(overallScore(ranks(1, 2, 1), peers, weights)).toBe(75);
    expect(overallScore(ranks(2, 1, 1), peers, weights)).toBe(50);
    expect(overallScore(ranks(null, null, null), peers, weights)).toBeNull();
    expect(overallScore(ranks(1, 2, 2), peers, { ...weights, expense: 0, visits: 0 })).toBe(100);
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
