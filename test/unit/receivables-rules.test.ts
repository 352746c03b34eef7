import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, ageInvoices, bucketOf, daysBetween } from '../../src/domain/receivables/aging.ts';
import { reminderDue } from '../../src/domain/receivables/reminders.ts';
import {
  kamOf,
  marketOwners,
  mayConfirmDelivery,
  mayKeepLedger,
  reminderRecipients,
} from '../../src/domain/receivables/ledger-access.ts';
import { BRAND_ORG } from '../support/harness.ts';
import { chartFromFile } from '../support/org-fixtures.ts';
import { settle, type OpenInvoice } from '../../src/domain/receivables/settlement.ts';

const invoice = (id: number, dueOn: string, openCents: number): OpenInvoice => ({
  id,
  number: `INV-${String(id).padStart(6, '0')}`,
  issuedOn: addDays(dueOn, -30),
  dueOn,
  openCents,
});

describe('settlement of a payment against open invoices', () => {
  it('settles the oldest first, to the cent, and keeps the rest unapplied', () => {
    const open = [invoice(2, '2026-11-10', 500_00), invoice(1, '2026-10-10', 300_00), invoice(3, '2026-12-01', 100)];
    expect(settle(1000_50, open)).toEqual({
      allocations: [
        { invoiceId: 1, amountCents: 300_00 },
        { invoiceId: 2, amountCents: 500_00 },
        { invoiceId: 3, amountCents: 100 },
      ],
      unappliedCents: 199_50,
    });
  });

  it('settles only the named invoices, in the order named', () => {
    const open = [invoice(1, '2026-10-10', 300_00), invoice(2, '2026-11-10', 500_00)];
    expect(settle(600_00, open, [2])).toEqual({
      allocations: [{ invoiceId: 2, amountCents: 500_00 }],
      unappliedCents: 100_00,
    });
    expect(settle(100, open, [2, 1])).toEqual({ allocations: [{ invoiceId: 2, amountCents: 100 }], unappliedCents: 0 });
  });

  it('pays the cent exactly: never a float on the way (property)', () => {
    const arbInvoices = fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 10_000 }),
        due: fc.integer({ min: 0, max: 400 }),
        openCents: fc.integer({ min: 0, max: 50_000_000_00 }),
      }),
      { selector: (i) => i.id, maxLength: 30 },
    );
    fc.assert(
      fc.property(arbInvoices, fc.integer({ min: 0, max: 200_000_000_00 }), fc.boolean(), (raw, amount, named) => {
        const open = raw.map((r) => invoice(r.id, addDays('2026-01-01', r.due), r.openCents));
        const names = named ? raw.filter((_, i) => i % 2 === 0).map((r) => r.id) : undefined;
        const { allocations, unappliedCents } = settle(amount, open, names);
        const applied = allocations.reduce((sum, a) => sum + a.amountCents, 0);
        expect(applied + unappliedCents).toBe(amount);
        expect(unappliedCents).toBeGreaterThanOrEqual(0);
        for (const a of allocations) {
          const target = open.find((i) => i.id === a.invoiceId);
          expect(target).toBeDefined();
          expect(Number.isInteger(a.amountCents)).toBe(true);
          expect(a.amountCents).toBeGreaterThan(0);
          expect(target!.openCents - a.amountCents).toBeGreaterThanOrEqual(0);
          if (names) expect(names).toContain(a.invoiceId);
        }
        expect(new Set(allocations.map((a) => a.invoiceId)).size).toBe(allocations.length);
        const eligible = names ? open.filter((i) => names.includes(i.id)) : open;
        const owed = eligible.reduce((sum, i) => sum + i.openCents, 0);
        // something is unapplied only once every eligible invoice is settled
        if (unappliedCents > 0) expect(applied).toBe(owed);
      }),
      { numRuns: 500 },
    );
  });
});

describe('aging', () => {
  it('counts days past due into 0–30, 31–60, 61–90 and over 90', () => {
    expect(daysBetween('2026-01-31', '2026-03-01')).toBe(29);
    expect([0, 30, 31, 60, 61, 90, 91].map(bucketOf)).toEqual([
      'd0_30',
      'd0_30',
      'd31_60',
      'd31_60',
      'd61_90',
      'd61_90',
      'd90_plus',
    ]);
    const today = '2026-06-30';
    const table = ageInvoices(
      [
        { dueOn: '2026-07-15', openCents: 1 },
        { dueOn: addDays(today, -30), openCents: 2 },
        { dueOn: addDays(today, -31), openCents: 4 },
        { dueOn: addDays(today, -90), openCents: 8 },
        { dueOn: addDays(today, -91), openCents: 16 },
      ],
      today,
    );
    expect(table).toEqual({ d0_30: 3, d31_60: 4, d61_90: 8, d90_plus: 16 });
  });
});

describe('which reminder an invoice owes', () => {
  const due = '2026-03-01';
  const on = (days: number, sent: string[] = []) =>
    reminderDue({ dueOn: due, openCents: 100 }, addDays(due, days), new Set(sent));

  it('reminds the KAM and CSR three days before it falls due, once', () => {
    expect(on(-4)).toBeUndefined();
    expect(on(-3)).toEqual({ stages: ['due_soon'], audience: ['kam', 'csr'], days: -3 });
    expect(on(-1, ['due_soon'])).toBeUndefined();
    expect(on(0, ['due_soon'])).toBeUndefined();
  });

  it('reminds each of them at most once in 7 days, the UM and MM from day 61 and the director from day 91', () => {
    expect(on(1)).toEqual({ stages: ['overdue@1'], audience: ['kam', 'csr'], days: 1 });
    expect(on(5, ['overdue@1'])).toBeUndefined();
    expect(on(8, ['overdue@1'])?.stages).toEqual(['overdue@8']);
    // the clock skipped days: a week from the last one, not from the due date's weeks
    expect(on(10, ['overdue@4'])).toBeUndefined();
    expect(on(11, ['overdue@4'])?.stages).toEqual(['overdue@11']);
    // passing 60 mid-week tells the UM and MM, not again the KAM and CSR who had this week's
    expect(on(61, ['overdue@57'])).toEqual({ stages: ['past_60@61'], audience: ['um', 'mm'], days: 61 });
    expect(on(64, ['overdue@57', 'past_60@61'])).toEqual({
      stages: ['overdue@64'],
      audience: ['kam', 'csr'],
      days: 64,
    });
    expect(on(91, ['overdue@85', 'past_60@89'])).toEqual({ stages: ['past_90@91'], audience: ['director'], days: 91 });
    expect(on(92, ['overdue@85', 'past_60@89', 'past_90@91'])?.stages).toEqual(['overdue@92']);
    expect(on(95)?.stages).toEqual(['overdue@95', 'past_60@95', 'past_90@95']);
    // stages of the weekly rule before this one count as that week's reminder
    expect(on(60, ['overdue_w8'])).toBeUndefined();
    expect(on(64, ['overdue_w8'])?.stages).toEqual(['overdue@64', 'past_60@64']);
    expect(on(66, ['overdue@64', 'past_60'])).toBeUndefined();
  });

  it('says nothing of a settled invoice', () => {
    expect(reminderDue({ dueOn: due, openCents: 0 }, addDays(due, 40), new Set())).toBeUndefined();
  });
});

describe('who hears of an invoice', () => {
  const chart = chartFromFile(BRAND_ORG);
  const rep = 'U0SALREP01'; // reports to the KAM 彭麗, under the UM 唐文傑 and the MM 梁志遠 of 華東

  it("finds a rep's KAM, the CSR settling the market, the UM and MM above, and the sales director", () => {
    expect(kamOf(chart, rep)).toBe('U0KEYACC01');
    expect(reminderRecipients(chart, { ownerId: rep, market: 'E' }, ['kam', 'csr'])).toEqual([
      'U0KEYACC01',
      'U0SSGLEAD1',
    ]);
    expect(
      reminderRecipients(chart, { ownerId: 'U0KEYACC03', market: 'N' }, ['kam', 'csr', 'um', 'mm', 'director']),
    ).toEqual(['U0KEYACC03', 'U0CSREP002', 'U0UNITMG03', 'U0MKTMGR02', 'U0SALDIR02']);
  });

  it("sends an unowned account's reminders to the market's people", () => {
    expect(reminderRecipients(chart, { ownerId: '', market: 'E' }, ['kam', 'csr', 'mm'])).toEqual([
      'U0SSGLEAD1',
      'U0MKTMGR01',
    ]);
  });

  it('lets the SSG and SLT keep the ledger, and the owner and their managers confirm deliveries', () => {
    expect(mayKeepLedger(chart, 'U0CSREP001')).toBe(true);
    expect(mayKeepLedger(chart, 'U0GENMGR01')).toBe(true);
    expect(mayKeepLedger(chart, 'U0KEYACC01')).toBe(false);
    expect(mayConfirmDelivery(chart, 'U0KEYACC01', { ownerId: rep })).toBe(true);
    expect(mayConfirmDelivery(chart, 'U0KEYACC02', { ownerId: rep })).toBe(false);
    // the market's SLT owner (馬曉燕) with its MM, UMs and KAMs
    expect(marketOwners(chart, 'E').sort()).toEqual([
      'U0DEPDIR01',
      'U0KEYACC01',
      'U0KEYACC02',
      'U0MKTMGR01',
      'U0UNITMG01',
      'U0UNITMG02',
    ]);
  });
});
