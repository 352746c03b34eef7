import { describe, expect, it } from 'vitest';
import { declineReplyOf } from '../../src/domain/deals/decline-reply.ts';

describe('declineReplyOf: a reply that declines a discount, and its reason', () => {
  it('reads the reason after the word, whatever the separator', () => {
    const cases: [string, string][] = [
      ['不核准：折扣超過本月額度', '折扣超過本月額度'],
      ['不核准 折扣太大', '折扣太大'],
      ['<@U0SALES001> 不通過，請先談到 2%', '請先談到 2%'],
      ['不同意這個價格', '這個價格'],
      ['Decline: too deep for this floor', 'too deep for this floor'],
      ['reject - ask the buyer again', 'ask the buyer again'],
      ['ｄｅｃｌｉｎｅ：價格，太低', '價格，太低'],
    ];
    for (const [text, reason] of cases) expect(declineReplyOf(text), text).toEqual({ reason });
  });

  it('gives an empty reason for the word alone', () => {
    for (const text of ['不核准', '不通過。', ' decline! ', ':x: 拒絕', 'DECLINED'])
      expect(declineReplyOf(text), text).toEqual({ reason: '' });
  });

  it('is no decline for an approval, a question or a longer English word', () => {
    for (const text of ['通過', '同意', 'ok', '為什麼不核准？', 'declines are rare', 'rejection', ''])
      expect(declineReplyOf(text), text).toBeUndefined();
  });
});
