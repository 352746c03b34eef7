import { describe, expect, it } from 'vitest';
import { isMessageKey, keyFor, type KeyPrefix, tFor } from '../../src/i18n/index.ts';

describe('catalogue keys of stored values (statuses, types, metrics)', () => {
  it('finds the text of a stored value under a prefix, in each language', () => {
    expect(tFor('en', 'issue.status', 'open')).toBe('Open');
    expect(tFor('zh-Hant', 'issue.status', 'resolved')).not.toBe('resolved');
    expect(tFor('en', 'delivery.item', 'visit', { ref: 12 })).toBe('registration #12');
    expect(keyFor('metric', 'amount')).toBe('metric.amount');
  });

  it('shows a value the catalogue does not know as itself, never a missing key', () => {
    expect(keyFor('issue.status', 'archived')).toBeUndefined();
    expect(tFor('en', 'issue.status', 'archived')).toBe('archived');
    // only the catalogue's own keys count, not what every object inherits
    expect(isMessageKey('constructor')).toBe(false);
    expect(keyFor('metric', '__proto__')).toBeUndefined();
  });

  it('takes as a prefix only what starts some key of the catalogue (checked by the compiler)', () => {
    const prefixes: KeyPrefix[] = ['issue', 'issue.status', 'visit.source', 'metric'];
    expect(prefixes).toHaveLength(4);
    // @ts-expect-error no key starts with 'issue.colour.'
    expect(tFor('en', 'issue.colour', 'red')).toBe('red');
  });
});
