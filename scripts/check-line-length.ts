/**
 * No line of TypeScript over 120 columns in src/, test/, bench/ and scripts/ (run by `npm test`).
 * Columns as the formatter counts them: a Chinese character (East Asian wide) takes two. Biome's
 * formatter keeps code within 120 but never splits a string, a comment or a test's name; this does.
 *
 * Usage: tsx scripts/check-line-length.ts [folder…]   (from the project root; default the four above)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const MAX_COLUMNS = 120;

const WIDE = new RegExp(
  '[' +
    '\\u1100-\\u115F\\u231A\\u231B\\u2329\\u232A\\u23E9-\\u23EC\\u23F0\\u23F3\\u25FD\\u25FE\\u2614' +
    '\\u2615\\u2648-\\u2653\\u267F\\u2693\\u26A1\\u26AA\\u26AB\\u26BD\\u26BE\\u26C4\\u26C5\\u26CE' +
    '\\u26D4\\u26EA\\u26F2\\u26F3\\u26F5\\u26FA\\u26FD\\u2705\\u270A\\u270B\\u2728\\u274C\\u274E' +
    '\\u2753-\\u2755\\u2757\\u2795-\\u2797\\u27B0\\u27BF\\u2B1B\\u2B1C\\u2B50\\u2B55\\u2E80-\\u303E' +
    '\\u3041-\\u33FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uA000-\\uA4CF\\uAC00-\\uD7A3\\uF900-\\uFAFF' +
    '\\uFE10-\\uFE19\\uFE30-\\uFE6F\\uFF00-\\uFF60\\uFFE0-\\uFFE6\\u{1F300}-\\u{1F64F}' +
    '\\u{1F680}-\\u{1F6FF}\\u{1F900}-\\u{1F9FF}\\u{20000}-\\u{3FFFD}' +
    ']',
  'u',
);

/** The columns a line takes in a terminal: two for each East Asian wide character, else one. */
export function columns(line: string): number {
  let width = 0;
  for (const char of line) width += WIDE.test(char) ? 2 : 1;
  return width;
}

function typescriptFiles(folder: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const file = path.join(folder, name);
    if (name === 'node_modules' || file === path.join('src', 'generated')) return [];
    if (statSync(file).isDirectory()) return typescriptFiles(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

/** `file:line: N columns` for each line over the limit, in the folders given (paths relative to the cwd). */
export function longLines(folders: string[]): string[] {
  const found: string[] = [];
  for (const file of folders.flatMap(typescriptFiles)) {
    const name = file.split(path.sep).join('/');
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        const width = columns(line);
        if (width > MAX_COLUMNS) found.push(`${name}:${index + 1}: ${width} columns`);
      });
  }
  return found;
}

if (process.argv[1]?.endsWith('check-line-length.ts')) {
  const folders = process.argv.slice(2);
  const found = longLines(folders.length > 0 ? folders : ['src', 'test', 'bench', 'scripts']);
  for (const line of found) console.error(line);
  if (found.length > 0) {
    console.error(`${found.length} lines over ${MAX_COLUMNS} columns: split strings with +, wrap comments.`);
    process.exit(1);
  }
  console.log(`no line over ${MAX_COLUMNS} columns`);
}
