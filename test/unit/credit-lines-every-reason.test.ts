import { describe, expect, it } from 'vitest';
import { parseCreditLines } from '../../src/domain/accounts/credit.ts';

const reasons = (text: string) => parseCreditLines(text).problems.map((p) => `${p.line}:${p.reason}:${p.value}`);

// The SSG leader's typed credit lines name every reason of a bad line, as the file imports do.
describe('credit proposal lines report every reason of a bad line', () => {
  it('grade, limit and terms of one line, and a code twice beside them', () => {
    expect(reasons('ED01 E 20萬 400\nED02 A 1000 30\nED02 Z 1000 30')).toEqual([
      '1:credit_grade:E',
      '1:credit_limit:20萬',
      '1:credit_terms:400',
      '3:credit_grade:Z',
      '3:code_twice:ED02',
    ]);
  });

  it('keeps only the good lines, and the code of every line of four parts for the account check', () => {
    const parsed = parseCreditLines('ED01 E 500000 60\nED02 b 200,000.50 45\nbroken line');
    expect(parsed.lines).toEqual([{ code: 'ED02', grade: 'B', limitCents: 20_000_050, termsDays: 45 }]);
    expect(parsed.lineNumbers).toEqual([2]);
    expect(parsed.codes).toEqual([
      { line: 1, code: 'ED01' },
      { line: 2, code: 'ED02' },
    ]);
    expect(parsed.problems.map((p) => `${p.line}:${p.reason}`)).toEqual(['1:credit_grade', '3:credit_shape']);
  });
});
