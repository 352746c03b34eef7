import { describe, expect, it } from 'vitest';
import { parsePayWords } from '../../src/domain/receivables/ledger-command.ts';

describe('/order pay words', () => {
  it('reads the account, the amount, a date anywhere after it, and the invoices named', () => {
    expect(parsePayWords('ED01 12,000.50')).toEqual({ code: 'ED01', amount: '12,000.50', invoices: [] });
    expect(parsePayWords('ED01 500 2026/11/20 inv-000003, INV-000004')).toEqual({
      code: 'ED01',
      amount: '500',
      invoices: ['INV-000003', 'INV-000004'],
      on: '2026/11/20',
    });
    expect(parsePayWords('ED01 500 INV-000003 2026-11-2')?.on).toBe('2026-11-2');
    expect(parsePayWords('ED01')).toBeUndefined();
  });
});
