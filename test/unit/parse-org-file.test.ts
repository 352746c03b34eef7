import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CHAIN_DEPTH, parseOrgFile } from '../../src/domain/org/parse-org-file.ts';
import { OrgFileError } from '../../src/domain/org/org-file-error.ts';
import { errorText } from '../../src/views/error-text.ts';
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
      // the project's property fixture may name its sample units (units is optional): nothing else differs
      const ours = readFileSync(path.join(path.dirname(PROPERTY_ORG), name), 'utf8').replace(/^units: .*\n/m, '');
      expect(ours).toBe(original);
    }
  });

  it('refuses an unknown role, naming its line', () => {
    const text = property.replace('role: trainee', 'role: intern');
    const result = parseOrgFile(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      { line: lineOf(text, 'intern'), reason: 'unknown_role', value: 'intern' },
    ]);
  });

  it("takes plans' approvers as roles or people of the file, refusing anything else with its line", () => {
    const ok = parseOrgFile(`${property}plans:\n  project: [sales_director, U0MKTDIR01]\n`);
    expect(ok.ok && ok.org.plans).toEqual({ project: ['sales_director', 'U0MKTDIR01'] });
    const text = `${property}plans:\n  stage:\n    - sales_director\n    - 策劃部\n`;
    const result = parseOrgFile(text);
    expect(!result.ok && result.problems).toEqual([
      { line: lineOf(text, '- 策劃部'), reason: 'unknown_role', value: '策劃部' },
    ]);
  });

  it('refuses a role of the other template', () => {
    const result = parseOrgFile(property.replace('role: trainee', 'role: sales_rep'));
    expect(!result.ok && result.problems[0].reason).toBe('unknown_role');
  });

  it('refuses reports_to naming nobody', () => {
    const text = property.replace(
      'U0TRAIN001, name: 蔡宗翰, role: trainee, reports_to: [U0TLEAD002]',
      'U0TRAIN001, name: 蔡宗翰, role: trainee, reports_to: [U0GHOST001]',
    );
    const result = parseOrgFile(text);
    expect(!result.ok && result.problems).toEqual([
      { line: lineOf(text, 'U0GHOST001'), reason: 'unknown_manager', value: 'U0GHOST001' },
    ]);
  });

  it('refuses a cycle in the chain', () => {
    const text = property.replace(
      '{ slack: U0MKTDIR01, name: 陳志明, role: marketing_director }',
      '{ slack: U0MKTDIR01, name: 陳志明, role: marketing_director, reports_to: [U0SALES001] }',
    );
    const result = parseOrgFile(text);
    expect(result.ok).toBe(false);
    const cycle = !result.ok ? result.problems.find((p) => p.reason === 'cycle') : undefined;
    expect(cycle?.value).toContain('U0SALES001');
    expect(cycle?.line).toBeGreaterThan(1);
  });

  it('refuses a market with no owner, and one whose owner is nobody', () => {
    const noOwner = parseOrgFile(
      brand.replace('{ code: SW, name: 西南, owner: U0DEPDIR01 }', '{ code: SW, name: 西南 }'),
    );
    expect(!noOwner.ok && noOwner.problems).toEqual([
      { line: lineOf(brand, 'code: SW'), reason: 'market_without_owner', value: 'SW' },
    ]);
    const ghost = parseOrgFile(
      brand.replace('{ code: SW, name: 西南, owner: U0DEPDIR01 }', '{ code: SW, name: 西南, owner: U0NOBODY01 }'),
    );
    expect(!ghost.ok && ghost.problems[0].reason).toBe('market_without_owner');
  });

  it('refuses a person in a market that does not exist', () => {
    const result = parseOrgFile(brand.replace('markets: [E] }', 'markets: [XX] }'));
    expect(!result.ok && result.problems[0]).toMatchObject({ reason: 'unknown_market', value: 'XX' });
  });

  it('refuses broken YAML and unknown keys with a line', () => {
    const yaml = parseOrgFile(`${property}\n  - { slack: U0X, name: [unclosed`);
    expect(!yaml.ok && yaml.problems[0].reason).toBe('yaml');
    const unknown = parseOrgFile(
      property.replace('  timezone: Asia/Shanghai', '  timezone: Asia/Shanghai\n  colour: blue'),
    );
    expect(!unknown.ok && unknown.problems[0]).toMatchObject({ reason: 'unknown_key', value: 'colour', line: 7 });
  });

  it('refuses an unknown time zone and duplicate people', () => {
    const tz = parseOrgFile(property.replace('Asia/Shanghai', 'Mars/Olympus'));
    expect(!tz.ok && tz.problems[0]).toMatchObject({ reason: 'timezone', line: 6 });
    const dup = parseOrgFile(property.replace('U0SALES002', 'U0SALES001'));
    expect(!dup.ok && dup.problems.map((p) => p.reason)).toContain('duplicate_person');
  });
});

/** The property fixture plus a chain of `levels` salespeople under the last team lead, each under the one before. */
function withChain(levels: number): string {
  const rows = Array.from({ length: levels }, (_, i) => {
    const manager = i === 0 ? 'U0TLEAD001' : `U0CHAIN${String(i - 1).padStart(5, '0')}`;
    return (
      `  - { slack: U0CHAIN${String(i).padStart(5, '0')}, name: 鏈${i}, role: salesperson, reports_to: [${manager}] ` +
      `}`
    );
  });
  return property.replace('people:\n', `people:\n${rows.join('\n')}\n`);
}

/** An anchor bomb: nine levels of nine aliases each would expand to 9^9 strings. */
function anchorBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i += 1) {
    const name = String.fromCharCode(97 + i);
    lines.push(
      `${name}: &${name} [${Array(9)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(',')}]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('parseOrgFile limits (hostile files)', () => {
  it('refuses a 20,000-level reporting chain, naming the first person too deep and their line', () => {
    const text = withChain(20_000);
    const result = parseOrgFile(text);
    expect(result.ok).toBe(false);
    // the PM is level 2 under the directors, a team lead level 3, so the chain's 48th is level 51
    expect(!result.ok && result.problems).toEqual([
      { line: lineOf(text, 'U0CHAIN00047,'), reason: 'too_deep', value: 'U0CHAIN00047' },
    ]);
  }, 30_000);

  it('accepts a chain of exactly the limit', () => {
    const result = parseOrgFile(withChain(MAX_CHAIN_DEPTH - 3));
    expect(result.ok).toBe(true);
  });

  it('refuses a YAML anchor bomb at the first alias, without expanding it', () => {
    const result = parseOrgFile(anchorBomb());
    expect(!result.ok && result.problems).toEqual([{ line: 2, reason: 'yaml_aliases', value: '100' }]);
  });

  it('explains both refusals in Chinese and English with the line', () => {
    const deep = parseOrgFile(withChain(60));
    const bomb = parseOrgFile(anchorBomb());
    const error = new OrgFileError('org.yml', [...(!deep.ok ? deep.problems : []), ...(!bomb.ok ? bomb.problems : [])]);
    expect(errorText(error, 'zh-Hant')).toContain(
      `第 ${lineOf(withChain(60), 'U0CHAIN00047,')} 行：匯報鏈超過 50 層（U0CHAIN00047`,
    );
    expect(errorText(error, 'zh-Hant')).toContain('第 2 行：YAML 別名');
    expect(errorText(error, 'en')).toContain('reporting chain is deeper than 50 levels (U0CHAIN00047');
    expect(errorText(error, 'en')).toContain('Line 2: too many YAML aliases');
  });
});
