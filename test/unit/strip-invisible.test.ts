import { describe, expect, it } from 'vitest';
import { stripInvisible } from '../../src/lib/text.ts';

describe('typed text without the characters that do not show', () => {
  it('drops NUL and other control characters, keeping tabs and line breaks', () => {
    expect(stripInvisible('備註\u0000\u0007\u001b\u007f一\t二\r\n三')).toBe('備註一\t二\r\n三');
  });

  it('drops bidi controls and zero-width characters', () => {
    expect(stripInvisible('林\u202E小姐\u200B')).toBe('林小姐');
  });
});
