import { describe, expect, it } from 'vitest';
import { metricFromWord } from '../../src/slack/listeners/commands/targets-command.ts';

describe('a metric named in /targets', () => {
  it('is found by its key, its full name in either language, or the seed’s shorter word', () => {
    expect(metricFromWord('brand-sales', 'coverage')).toBe('coverage');
    expect(metricFromWord('brand-sales', '市場覆蓋率（%）')).toBe('coverage');
    expect(metricFromWord('brand-sales', '市場覆蓋率')).toBe('coverage');
    expect(metricFromWord('brand-sales', '覆蓋率')).toBe('coverage');
    expect(metricFromWord('brand-sales', '佔有率')).toBe('share');
    expect(metricFromWord('brand-sales', '占有率')).toBe('share');
    expect(metricFromWord('property-site', '回款')).toBe('collections');
  });

  it('names nothing when the word is too short or fits more than one', () => {
    expect(metricFromWord('brand-sales', '率')).toBeUndefined();
    expect(metricFromWord('brand-sales', '有率')).toBe('share');
    expect(metricFromWord('brand-sales', '市場')).toBeUndefined();
  });
});
