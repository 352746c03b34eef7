import { describe, expect, it } from 'vitest';
import { accountNameKeys, nameKeyRange } from '../../src/domain/accounts/name-keys.ts';
import {
  type CallCandidate,
  CALLS_PER_WEEK,
  callReasons,
  planCalls,
  weekOf,
} from '../../src/domain/accounts/phone-visits.ts';

const now = new Date('2026-11-30T01:30:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const candidate = (over: Partial<CallCandidate> = {}): CallCandidate => ({
  accountId: 1,
  kind: 'distributor',
  market: 'E',
  grade: 'A',
  lastContact: daysAgo(10),
  openIssues: 0,
  replenishment: false,
  ...over,
});

describe('the weekly call list', () => {
  it('names why an account is due: credit risk, open issue, need, credit to review, no contact for 30 days', () => {
    expect(callReasons(candidate(), now)).toEqual([]);
    expect(callReasons(candidate({ grade: 'D' }), now)).toEqual(['credit']);
    expect(callReasons(candidate({ grade: null, lastContact: null }), now)).toEqual(['review', 'quiet']);
    expect(callReasons(candidate({ kind: 'outlet', grade: null, lastContact: daysAgo(31) }), now)).toEqual(['quiet']);
    expect(callReasons(candidate({ openIssues: 2, replenishment: true }), now)).toEqual(['issue', 'replenishment']);
  });

  it('calls an account in touch this past week again only for something open', () => {
    expect(callReasons(candidate({ grade: 'D', lastContact: daysAgo(2) }), now)).toEqual([]);
    expect(callReasons(candidate({ grade: 'D', lastContact: daysAgo(2), openIssues: 1 }), now)).toEqual(['issue']);
  });

  it('puts carried calls first, marked, then the most urgent, at most 25 a caller', () => {
    const candidates = Array.from({ length: 40 }, (_, i) =>
      candidate({ accountId: i + 10, kind: i % 2 ? 'outlet' : 'distributor', grade: null, lastContact: null }),
    );
    const planned = planCalls({
      candidates: [candidate({ accountId: 5, grade: 'C' }), ...candidates],
      carried: [{ accountId: 3, callerId: 'U1', reasons: ['quiet'] }],
      now,
      callerOf: () => 'U1',
    });
    expect(planned).toHaveLength(CALLS_PER_WEEK);
    expect(planned[0]).toEqual({ accountId: 3, callerId: 'U1', reasons: ['carried', 'quiet'] });
    expect(planned[1]).toEqual({ accountId: 5, callerId: 'U1', reasons: ['credit'] });
    expect(planned[2].reasons).toEqual(['review', 'quiet']);
  });

  it('names a week by its Monday, in the organisation’s zone', () => {
    expect(weekOf(new Date('2026-11-29T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-30'); // Monday 01:00 local
    expect(weekOf(new Date('2026-12-06T15:59:00Z'), 'Asia/Shanghai')).toBe('2026-11-30'); // Sunday 23:59 local
  });
});

describe('the name keys of an account', () => {
  const matches = (name: string, query: string) => {
    const range = nameKeyRange(query);
    return range !== null && accountNameKeys(name).some((key) => key >= range.from && key < range.to);
  };

  it('find a part of the name anywhere in it, ignoring emoji, spaces, width and case', () => {
    expect(matches('上海滬東分銷🌸', '滬東')).toBe(true);
    expect(matches('上海 滬東分銷', '海滬')).toBe(true);
    expect(matches('ＡＢＣ Trading', 'abc')).toBe(true);
    expect(matches('上海滬東分銷', '滬西')).toBe(false);
    expect(nameKeyRange(' 🌸 ')).toBeNull();
  });
});
