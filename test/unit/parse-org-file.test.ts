import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOrgFile } from '../../src/domain/org/parse-org-file.ts';
import { BRAND_ORG, PROPERTY_ORG } from '../support/harness.ts';

const property = readFileSync(PROPERTY_ORG, 'utf8');
const brand = readFileSync(BRAND_ORG, 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('parseOrgFile', () => {
  it('loads both shared fixtures unchanged', () => {
    const a = parseOrgFile(property);
    const b = parseOrgFile(brand);
    expect(a.ok && a.org.people.length).toBe(12);
    expect(b.ok && b.org.people.length).toBe(18);
    expect(b.ok && b.org.markets.length).toBe(8);
  });

  it('keeps the repo copies identical to shared/fixtures when those are present', () => {
    const shared = path.resolve(import.meta.dirname, '../../../shared/fixtures');
    for (const name of ['org-property-site.yml', 'org-brand-sales.yml']) {
      let original: string;
      try {
        original = readFileSync(path.join(shared, name), 'utf8');
      } catch {
        continue; // a clone without shared/ beside it
      }
      expect(readFileSync(path.join(path.dirname(PROPERTY_ORG), name), 'utf8')).toBe(original);
    }
  });

  it('refuses an unknown role, naming its line', () => {
    const text = property.replace('role: trainee', 'role: intern');
    const result = parseOrgFile(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([{ line: lineOf(text, 'intern'), reason: 'unknown_role', value: 'intern' }]);
  });

  it('refuses a role of the other template', () => {
    const result = parseOrgFile(property.replace('role: trainee', 'role: sales_rep'));
    expect(!result.ok && result.problems[0].reason).toBe('unknown_role');
  });

  it('refuses reports_to naming nobody', () => {
    const text = property.replace('U0TRAIN001, name: 蔡宗翰, role: trainee, reports_to: [U0TLEAD002]', 'U0TRAIN001, name: 蔡宗翰, role: trainee, reports_to: [U0GHOST001]');
    const result = parseOrgFile(text);
    expect(!result.ok && result.problems).toEqual([{ line: lineOf(text, 'U0GHOST001'), reason: 'unknown_manager', value: 'U0GHOST001' }]);
  });

  it('refuses a cycle in the chain', () => {
    const text = property.replace('{ slack: U0MKTDIR01, name: 陳志明, role: marketing_director }', '{ slack: U0MKTDIR01, name: 陳志明, role: marketing_director, reports_to: [U0SALES001] }');
    const result = parseOrgFile(text);
    expect(result.ok).toBe(false);
    const cycle = !result.ok ? result.problems.find((p) => p.reason === 'cycle') : undefined;
    expect(cycle?.value).toContain('U0SALES001');
    expect(cycle?.line).toBeGreaterThan(1);
  });

  it('refuses a market with no owner, and one whose owner is nobody', () => {
    const noOwner = parseOrgFile(brand.replace('{ code: SW, name: 西南, owner: U0DEPDIR01 }', '{ code: SW, name: 西南 }'));
    expect(!noOwner.ok && noOwner.problems).toEqual([{ line: lineOf(brand, 'code: SW'), reason: 'market_without_owner', value: 'SW' }]);
    const ghost = parseOrgFile(brand.replace('{ code: SW, name: 西南, owner: U0DEPDIR01 }', '{ code: SW, name: 西南, owner: U0NOBODY01 }'));
    expect(!ghost.ok && ghost.problems[0].reason).toBe('market_without_owner');
  });

  it('refuses a person in a market that does not exist', () => {
    const result = parseOrgFile(brand.replace('markets: [E] }', 'markets: [XX] }'));
    expect(!result.ok && result.problems[0]).toMatchObject({ reason: 'unknown_market', value: 'XX' });
  });

  it('refuses broken YAML and unknown keys with a line', () => {
    const yaml = parseOrgFile(`${property}\n  - { slack: U0X, name: [unclosed`);
    expect(!yaml.ok && yaml.problems[0].reason).toBe('yaml');
    const unknown = parseOrgFile(property.replace('  timezone: Asia/Shanghai', '  timezone: Asia/Shanghai\n  colour: blue'));
    expect(!unknown.ok && unknown.problems[0]).toMatchObject({ reason: 'unknown_key', value: 'colour', line: 7 });
  });

  it('refuses an unknown time zone and duplicate people', () => {
    const tz = parseOrgFile(property.replace('Asia/Shanghai', 'Mars/Olympus'));
    expect(!tz.ok && tz.problems[0]).toMatchObject({ reason: 'timezone', line: 6 });
    const dup = parseOrgFile(property.replace('U0SALES002', 'U0SALES001'));
    expect(!dup.ok && dup.problems.map((p) => p.reason)).toContain('duplicate_person');
  });
});
