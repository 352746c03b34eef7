import { describe, expect, it } from 'vitest';
import { returnReplyOf } from '../../src/domain/visits/return-reply.ts';

describe('returnReplyOf: a reply that returns a registration, and its reason', () => {
  it('reads the reason after 退回 or a decline word, in either language', () => {
    for (const [text, reason] of [
      ['退回：請補預算', '請補預算'],
      ['退回 請補預算', '請補預算'],
      ['<@U0BOT> 駁回，電話不對', '電話不對'],
      ['不通過。重複登記', '重複登記'],
      ['return - missing budget', 'missing budget'],
      ['Returned: wrong phone', 'wrong phone'],
    ])
      expect(returnReplyOf(text), text).toEqual({ reason });
  });

  it('gives an empty reason for the word alone', () => {
    for (const text of ['退回', '駁回！', ' return ']) expect(returnReplyOf(text), text).toEqual({ reason: '' });
  });

  it('takes talk that only starts with the word for talk', () => {
    for (const text of ['退回的話要補什麼？', '退回去再看看', 'returning customer', '通過', '請補預算'])
      expect(returnReplyOf(text), text).toBeUndefined();
  });
});
