import { describe, expect, it } from 'vitest';
import { parseDigestChoice } from '../../src/domain/rhythm/digest-choice.ts';

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
