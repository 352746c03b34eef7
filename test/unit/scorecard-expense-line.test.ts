import { describe, expect, it } from 'vitest';
import { SCORE_FIGURES, UNRANKED, type MonthFigures } from '../../src/domain/scorecards/scorecard-rules.ts';
import { scorecardText, type Scorecard } from '../../src/views/scorecards/scorecard-views.ts';

const month = (ratioTenths: number | null, attainment: number): MonthFigures => ({
  ...{ attainment, budgetUsed: null, ratioTenths, visitsFiled: 0, visitsApproved: 0, otherMetrics: {} },
  ...{ osbOpen: null, osbOldestDays: null, share: null, marketShares: null, deals: null },
});

const card = (figures: MonthFigures, before: MonthFigures | undefined): Scorecard => ({
  ...{ personId: 'U1', role: 'sales', month: '2026-11', figures, before },
  ranks: { ...UNRANKED, expense: 1, sales: 1 },
  tied: Object.fromEntries(SCORE_FIGURES.map((f) => [f, false])) as Scorecard['tied'],
  peers: Object.fromEntries(SCORE_FIGURES.map((f) => [f, 2])) as Scorecard['peers'],
  ...{ metricRanks: {}, score: 80, scoreRank: 1, scoreTied: false, scorePeers: 2 },
});

const expenseOf = (c: Scorecard, locale: 'zh-Hant' | 'en') =>
  scorecardText(c, { locale, name: 'U1', currency: 'CNY' })
    .split('\n')
    .find((line) => line.startsWith('• 費用') || line.startsWith('• Expense'));

describe("a scorecard's expense ratio and its change", () => {
  it('says a month without sales has no ratio, and a ratio against a month without sales has no change', () => {
    const noSales = card(month(null, 80), month(50, 90));
    expect(expenseOf(noSales, 'zh-Hant')).toContain('費用率 —（當月無銷售額，不計費用率、不排名）');
    expect(expenseOf(noSales, 'en')).toContain('expense ratio — (no sales this month: no ratio, unranked)');
    const noSalesBefore = card(month(81, 80), month(null, 90));
    expect(expenseOf(noSalesBefore, 'zh-Hant')).toContain('費用率 8.1%（第 1/2，上月無銷售額，無從比較）');
    expect(expenseOf(noSalesBefore, 'en')).toContain('expense ratio 8.1% (#1 of 2, no sales last month to compare)');
    // no scorecard last month at all: that is what 上月無資料 says
    expect(expenseOf(card(month(81, 80), undefined), 'zh-Hant')).toContain('費用率 8.1%（第 1/2，上月無資料）');
  });

  it('rounds the change of an unrounded attainment once: 73.33% → 86.67% is +13 pt', () => {
    const text = scorecardText(card(month(50, 86.666_666_7), month(50, 73.333_333_3)), {
      locale: 'zh-Hant',
      name: 'U1',
      currency: 'CNY',
    });
    expect(text).toContain('• 銷售達成：87%（第 1/2，較上月 +13 pt）');
  });
});
