import { describe, expect, it } from 'vitest';
import { parseDigestChoice } from '../../src/domain/rhythm/digest-choice.ts';
import { progressOf } from '../../src/domain/targets/progress.ts';
import { digestAttainmentLine } from '../../src/views/targets/target-views.ts';

describe('/org digest choices', () => {
  it('reads each frequency in any case, and off', () => {
    expect(parseDigestChoice('daily')).toBe('daily');
    expect(parseDigestChoice(' Weekly ')).toBe('weekly');
    expect(parseDigestChoice('MONTHLY')).toBe('monthly');
    expect(parseDigestChoice('off')).toBe('off');
  });

  it('names none for an empty or unknown word, so the usage is shown and nothing is stored', () => {
    expect(parseDigestChoice('')).toBeUndefined();
    expect(parseDigestChoice('hourly')).toBeUndefined();
    expect(parseDigestChoice('daily please')).toBeUndefined();
  });
});

describe("the digest's attainment line", () => {
  it('says 未設目標 for a metric with no target (never "1/0"), with no stray space before ；or at the end', () => {
    const lines = [
      { metric: 'contracts' as const, progress: progressOf(null, 1, 0.5) },
      { metric: 'visits' as const, progress: progressOf(null, 2, 0.5) },
      { metric: 'amount' as const, progress: progressOf(null, 246_200_000, 0.5) },
    ];
    const zh = digestAttainmentLine('zh-Hant', lines, 'CNY');
    expect(zh).not.toMatch(/\/0|\s；|\s$/);
    expect(zh).toContain('（未設目標）；');
    expect(digestAttainmentLine('en', lines, 'CNY')).toContain('(no target set)');
  });

  it('shows actual/target and the pace when a target is set', () => {
    const zh = digestAttainmentLine('zh-Hant', [{ metric: 'visits', progress: progressOf(10, 5, 0.5) }], 'CNY');
    expect(zh).toMatch(/ 5\/10 \S/);
    expect(zh).not.toMatch(/\s$/);
    expect(digestAttainmentLine('zh-Hant', [], 'CNY')).toBe('—');
  });
});
