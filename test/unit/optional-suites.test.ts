import { describe, expect, it } from 'vitest';
import { skippedSuitesLine } from '../support/optional-suites.ts';

describe('suites that need PostgreSQL or Chromium on the machine', () => {
  it('skips nothing and says nothing when both are installed, with or without CI', () => {
    expect(skippedSuitesLine({ postgres: true, chromium: true }, false)).toBeUndefined();
    expect(skippedSuitesLine({ postgres: true, chromium: true }, true)).toBeUndefined();
  });

  it('names in one line what was skipped and the command that enables each, outside CI', () => {
    const line = skippedSuitesLine({ postgres: false, chromium: false }, false);
    expect(line?.split('\n')).toHaveLength(1);
    expect(line).toContain('PostgreSQL');
    expect(line).toContain('apt-get install postgresql');
    expect(line).toContain('sandbox-browser.test.ts');
    expect(line).toContain('apt-get install chromium');
    expect(skippedSuitesLine({ postgres: true, chromium: false }, false)).not.toContain('postgresql');
  });

  it('fails the run under CI=true when either is missing, naming it', () => {
    expect(() => skippedSuitesLine({ postgres: true, chromium: false }, true)).toThrow(/apt-get install chromium/);
    expect(() => skippedSuitesLine({ postgres: false, chromium: true }, true)).toThrow(/apt-get install postgresql/);
  });
});
