import { describe, expect, it } from 'vitest';
import { SCORE_FIGURES, UNRANKED, type MonthFigures } from '../../src/domain/scorecards/scorecard-rules.ts';
import {
  OWNER_TABLE_LINES,
  ownedMarketsScorecardTexts,
  type Scorecard,
} from '../../src/views/scorecards/scorecard-views.ts';

const figures: MonthFigures = {
  attainment: 90,
  budgetUsed: null,
  ratioTenths: 12,
  visitsFiled: 3,
  visitsApproved: 2,
  otherMetrics: {},
  osbOpen: null,
  osbOldestDays: null,
  share: null,
  marketShares: null,
  deals: null,
};

const card = (personId: string, role: string, score: number): Scorecard => ({
  personId,
  role,
  month: '2026-11',
  figures,
  before: undefined,
  ranks: UNRANKED,
  tied: Object.fromEntries(SCORE_FIGURES.map((f) => [f, false])) as Scorecard['tied'],
  peers: Object.fromEntries(SCORE_FIGURES.map((f) => [f, 0])) as Scorecard['peers'],
  metricRanks: {},
  score,
  scoreRank: null,
  scoreTied: false,
  scorePeers: 0,
});

describe("an SLT owner's table of the people in their markets", () => {
  it('puts 600 people of a market in six numbered messages of 100, not 600, each person once', () => {
    const people = Array.from({ length: 600 }, (_, i) => {
      const role = i < 40 ? 'unit_manager' : 'key_account_manager';
      return { name: `業務${String(i).padStart(3, '0')}`, role, card: card(`U${i}`, role, i % 101) };
    });
    const options = { locale: 'zh-Hant' as const, month: '2026-11', currency: 'CNY' };
    const texts = ownedMarketsScorecardTexts([{ market: '華東', people }], options);
    expect(texts).toHaveLength(600 / OWNER_TABLE_LINES);
    expect(texts[0]).toContain('（600 人，同職級互比；你的直屬下屬見下屬考評）（第 1/6 則）');
    expect(texts[5]).toContain('（第 6/6 則）');
    const lines = texts.flatMap((text) => text.split('\n').filter((l) => l.startsWith('• ')));
    expect(lines).toHaveLength(600);
    expect(new Set(lines).size).toBe(600);
    for (const text of texts)
      expect(text.split('\n').filter((l) => l.startsWith('• ')).length).toBeLessThanOrEqual(100);
    // per role, best score first: the unit managers' heading comes once, before theirs
    expect(texts[0].indexOf('*華東｜區域經理*')).toBeLessThan(texts[0].indexOf('• '));
    expect(texts[0].split('\n')[1]).toBe('*華東｜區域經理*');
    expect(texts[0].split('\n')[2]).toContain('：總分 39，');
    // well inside what Slack shows of one message
    for (const text of texts) expect(text.length).toBeLessThan(12_000);
  });

  it('reads in English too, and sends one message when it fits', () => {
    const people = [{ name: 'Amy', role: 'unit_manager', card: card('U1', 'unit_manager', 80) }];
    const [text, ...rest] = ownedMarketsScorecardTexts([{ market: 'East', people }], {
      locale: 'en',
      month: '2026-11',
      currency: 'CNY',
    });
    expect(rest).toEqual([]);
    expect(text).toContain('Scorecards of the people in your markets, 2026-11 (1 in all');
    expect(text).toContain('*East | Unit manager*\n• Amy:');
    expect(text).not.toContain('part');
  });
});
