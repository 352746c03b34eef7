import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columns } from '../../scripts/check-line-length.ts';

const root = path.resolve(import.meta.dirname, '../..');
const biome = path.join(root, 'node_modules/.bin/biome');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const lineChecker = path.join(root, 'scripts/check-line-length.ts');

function plant(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

/** A function whose body has `lines` statements, one a line. */
const functionOf = (name: string, lines: number) =>
  `export function ${name}(): number {\n  let n = 0;\n${'  n += 1;\n'.repeat(lines - 2)}  return n;\n}\n`;

/** Runs the project's Biome config, as `npm test` does, on a tree of planted files. */
function lint(dir: string): { status: number | null; rules: string[] } {
  const config = JSON.parse(readFileSync(path.join(root, 'biome.json'), 'utf8'));
  config.$schema = undefined;
  config.vcs = { enabled: false };
  writeFileSync(path.join(dir, 'biome.json'), JSON.stringify(config));
  const run = spawnSync(biome, ['lint', '--reporter=github', '--max-diagnostics=100', 'src'], {
    cwd: dir,
    encoding: 'utf8',
  });
  const rules = [...run.stdout.matchAll(/title=lint\/\w+\/(\w+),file=([^,]+),/g)].map(
    (m) => `${m[1]}: ${path.relative(dir, m[2])}`,
  );
  return { status: run.status, rules };
}

describe('the code-shape limits checked by npm test', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'code-shape-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a function over 60 lines and a file over 300 lines in src/, and fails the run', () => {
    const tree = mkdtempSync(path.join(dir, 'over-'));
    plant(tree, {
      'src/services/long-function.ts': functionOf('tooLong', 62),
      'src/services/long-file.ts': Array.from({ length: 6 }, (_, i) => functionOf(`part${i}`, 50)).join('\n'),
    });
    const { status, rules } = lint(tree);
    expect(rules).toEqual(
      expect.arrayContaining([
        'noExcessiveLinesPerFunction: src/services/long-function.ts',
        'noExcessiveLinesPerFile: src/services/long-file.ts',
      ]),
    );
    expect(status).not.toBe(0);
  });

  it('passes functions of 60 lines in files of 300', () => {
    const tree = mkdtempSync(path.join(dir, 'within-'));
    plant(tree, {
      'src/services/fits.ts': Array.from({ length: 4 }, (_, i) => functionOf(`part${i}`, 60)).join('\n'),
    });
    const { status, rules } = lint(tree);
    expect(rules).toEqual([]);
    expect(status).toBe(0);
  });

  it('refuses a line over 120 columns, counting a Chinese character as two, and fails the run', () => {
    const tree = mkdtempSync(path.join(dir, 'lines-'));
    const fits = `export const fits = '${'x'.repeat(120 - 23)}';\n`;
    const wide = `export const wide = '${'字'.repeat(50)}';\n`; // 73 characters, 123 columns
    plant(tree, { 'src/fits.ts': fits, 'test/wide.test.ts': wide, 'bench/ok.ts': 'export {};\n' });
    expect(columns(fits.trimEnd())).toBe(120);
    expect(columns('字')).toBe(2);
    const run = spawnSync(tsx, [lineChecker], { cwd: tree, encoding: 'utf8' });
    expect(run.stderr).toContain('test/wide.test.ts:1: 123 columns');
    expect(run.stderr).not.toContain('src/fits.ts');
    expect(run.status).not.toBe(0);
  });

  it('passes a tree whose lines all fit', () => {
    const tree = mkdtempSync(path.join(dir, 'clean-'));
    plant(tree, { 'src/fits.ts': "export const fits = '中文 fits';\n" });
    const run = spawnSync(tsx, [lineChecker], { cwd: tree, encoding: 'utf8' });
    expect(run.status).toBe(0);
  });
});
