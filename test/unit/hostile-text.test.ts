import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrgFile } from '../../src/domain/org/parse-org-file.ts';
import { neutraliseFormula } from '../../src/services/visits/export-visits.ts';
import { PROPERTY_ORG } from '../support/harness.ts';

describe('CSV cells for Excel', () => {
  it('quotes a cell that starts a formula, or starts one after a separator-like character', () => {
    for (const cell of [
      '=1+1',
      '+86 1',
      '-2',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      'x;=HYPERLINK("a")',
      'a,@b',
      'a; +b',
      'a,\t-b',
    ]) {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    }
  });

  it('leaves ordinary text alone', () => {
    for (const cell of ['林小姐', '300-400萬', 'a, b; c', 'mail@example.com', ''])
      expect(neutraliseFormula(cell)).toBe(cell);
  });
});

describe('names in the org file', () => {
  it('lose bidi and zero-width characters, so a name cannot read backwards or pass for another', () => {
    const text = readFileSync(PROPERTY_ORG, 'utf8')
      .replace('name: 周子豪', 'name: "周\u202E子\u200B豪\u2069"')
      .replace('name: 翠湖苑銷售案場', 'name: "翠湖苑\uFEFF銷售案場"');
    const result = parseOrgFile(text);
    expect(result.ok && result.org.people.find((p) => p.slack === 'U0SALES001')?.name).toBe('周子豪');
    expect(result.ok && result.org.organisation.name).toBe('翠湖苑銷售案場');
  });
});
