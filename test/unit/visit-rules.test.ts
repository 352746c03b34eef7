import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canMove, dueReminderLevel, nextStage } from '../../src/domain/visits/deal-stages.ts';
import { classifyRegistration, isApprovalReply } from '../../src/domain/visits/duplicates.ts';
import { maskPhone, nationalFormat, normalisePhone } from '../../src/domain/visits/phone.ts';
import { validateVisit } from '../../src/domain/visits/validate-visit.ts';

const NOW = new Date('2026-11-26T02:00:00Z');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const DAY = 86_400_000;

describe('phone numbers', () => {
  it.each([
    ['138 1234 5678', '+8613812345678'],
    ['138-1234-5678', '+8613812345678'],
    ['+86 138 1234 5678', '+8613812345678'],
    ['008613812345678', '+8613812345678'],
    ['0912-345-678', '+886912345678'],
    ['+886 912 345 678', '+886912345678'],
    ['9123 4567', '+85291234567'],
    ['+852 6123 4567', '+85261234567'],
    ['+1 415 555 2671', '+14155552671'],
    ['１３８１２３４５６７８', '+8613812345678'],
  ])('normalises %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each([
    '12345',
    '1381234567',
    '23812345678',
    '0812345678',
    '+86 238 1234 5678',
    '+852 1234 5678',
    'abc',
    '',
    '+0123456789',
  ])('refuses %s', (input) => {
    expect(normalisePhone(input)).toBeUndefined();
  });

  it('masks the middle digits for display', () => {
    expect(maskPhone('+8613812345678')).toBe('138****5678');
    expect(maskPhone('+886912345678')).toBe('091***5678');
    expect(maskPhone('+85291234567')).toBe('91****67');
    expect(nationalFormat('+886912345678')).toBe('0912345678');
  });

  it('never shows more than the ends of any valid number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (digits) => {
        const masked = maskPhone(normalisePhone(digits)!);
        // the middle four are starred whatever they are (they may repeat the ends by chance)
        expect(masked).toBe(`${digits.slice(0, 3)}****${digits.slice(7)}`);
      }),
    );
  });
});

describe('validateVisit', () => {
  const good = {
    customerName: '林小姐',
    phone: '13812345678',
    visitAt: seconds(NOW) - 600,
    partySize: '2',
    source: 'walk_in',
    visitType: 'first',
    grade: 'A',
  };

  it('accepts a complete registration and normalises it', () => {
    const result = validateVisit('property', good, NOW);
    expect(result.ok && result.input).toMatchObject({
      kind: 'property',
      phone: '+8613812345678',
      partySize: 2,
      budget: '',
    });
  });

  it('refuses a future time, a party of 0, a bad phone, an unknown source and over-long notes, field by field', () => {
    const result = validateVisit(
      'property',
      { ...good, visitAt: seconds(NOW) + 3600, partySize: '0', phone: '555', source: 'pigeon', notes: 'x'.repeat(501) },
      NOW,
    );
    expect(!result.ok && result.errors.map((e) => [e.field, e.reason])).toEqual([
      ['visitAt', 'future'],
      ['phone', 'phone'],
      ['partySize', 'party_size'],
      ['source', 'choice'],
      ['notes', 'too_long'],
    ]);
  });

  it('counts characters, not bytes, for Chinese and emoji', () => {
    expect(validateVisit('property', { ...good, customerName: '林'.repeat(50) }, NOW).ok).toBe(true);
    expect(validateVisit('property', { ...good, customerName: '😀'.repeat(50) }, NOW).ok).toBe(true);
    expect(validateVisit('property', { ...good, customerName: '林'.repeat(51) }, NOW).ok).toBe(false);
  });

  it('allows five minutes of clock skew and refuses visits older than 90 days', () => {
    expect(validateVisit('property', { ...good, visitAt: seconds(NOW) + 240 }, NOW).ok).toBe(true);
    const old = validateVisit('property', { ...good, visitAt: seconds(NOW) - 91 * 86_400 }, NOW);
    expect(!old.ok && old.errors[0]).toMatchObject({ field: 'visitAt', reason: 'too_old' });
  });

  it('either accepts or names fields for any input, and never throws', () => {
    const anyText = fc.option(
      fc.oneof(
        fc.string({ maxLength: 3000 }),
        fc.constantFrom('<!channel>', "'; DROP TABLE visit; --", '‮RTL', '😀', '13812345678'),
      ),
      { nil: undefined },
    );
    fc.assert(
      fc.property(
        fc.record({
          customerName: anyText,
          phone: anyText,
          visitAt: fc.option(fc.oneof(fc.integer(), fc.string()), { nil: undefined }),
          partySize: anyText,
          source: anyText,
          visitType: anyText,
          grade: anyText,
          notes: anyText,
        }),
        (raw) => {
          const result = validateVisit('property', raw, NOW);
          if (result.ok) {
            expect(result.input.kind).toBe('property');
            if (result.input.kind !== 'property') return;
            expect(result.input.phone).toMatch(/^\+\d+$/);
            expect([...result.input.notes].length).toBeLessThanOrEqual(500);
          } else {
            expect(result.errors.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('needs account, purpose and outcome on a brand visit', () => {
    const result = validateVisit('brand', { visitAt: seconds(NOW) }, NOW);
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual(['account', 'purpose', 'outcome']);
  });
});

describe('duplicate customers (撞單)', () => {
  const owned = { ownerId: 'U0SALES001', lastVisitAt: new Date(NOW.getTime() - 10 * DAY) };
  it('is a new customer, a revisit for the owner, contested inside the window and a revisit outside it', () => {
    expect(classifyRegistration(null, 'U0SALES003', NOW, 30)).toBe('new_customer');
    expect(classifyRegistration(owned, 'U0SALES001', NOW, 30)).toBe('revisit');
    expect(classifyRegistration(owned, 'U0SALES003', NOW, 30)).toBe('contested');
    expect(classifyRegistration(owned, 'U0SALES003', NOW, 9)).toBe('revisit');
    expect(
      classifyRegistration({ ...owned, lastVisitAt: new Date(NOW.getTime() - 30 * DAY) }, 'U0SALES003', NOW, 30),
    ).toBe('contested');
  });

  it('recognises approval words in a thread, and nothing else', () => {
    for (const text of ['通過', '通過！', ' 批准 ', '同意。', 'OK', 'ok 👍', 'Approve', ':white_check_mark: 通過'])
      expect(isApprovalReply(text), text).toBe(true);
    for (const text of ['不通過', '還不能通過', 'ok?  再看看', '同意嗎', '', 'okay then maybe not'])
      expect(isApprovalReply(text), text).toBe(false);
  });
});

describe('deal stages', () => {
  it('moves forward one stage at a time, or to lost', () => {
    expect(nextStage('visiting')).toBe('reserved');
    expect(nextStage('paid')).toBe('closed');
    expect(nextStage('closed')).toBeUndefined();
    expect(canMove('reserved', 'contracted')).toBe(true);
    expect(canMove('reserved', 'mortgage')).toBe(false);
    expect(canMove('mortgage', 'lost')).toBe(true);
    expect(canMove('lost', 'visiting')).toBe(false);
    expect(canMove('closed', 'lost')).toBe(false);
  });

  it('reminds the owner past the limit and the deputy past twice the limit, once each', () => {
    const changed = new Date(NOW.getTime() - 8 * DAY);
    expect(dueReminderLevel('reserved', changed, 0, NOW)).toBe(1);
    expect(dueReminderLevel('reserved', changed, 1, NOW)).toBe(0);
    expect(dueReminderLevel('reserved', new Date(NOW.getTime() - 15 * DAY), 1, NOW)).toBe(2);
    expect(dueReminderLevel('mortgage', changed, 0, NOW)).toBe(0);
    expect(dueReminderLevel('lost', changed, 0, NOW)).toBe(0);
  });
});
