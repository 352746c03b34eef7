import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { zhHant } from '../../src/i18n/zh-hant.ts';
import { ErrorCode } from '../../src/lib/app-error.ts';

// `{count}` and `{count, plural, …}` both name the placeholder count
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))];
const catalogue: Record<string, string> = zhHant;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The names an argument surely gives: undefined when it cannot be told (a variable, a spread). */
function givenNames(arg: ts.Expression | undefined): string[] | undefined {
  if (!arg) return [];
  if (!ts.isObjectLiteralExpression(arg)) return undefined;
  const names: string[] = [];
  for (const p of arg.properties) {
    if (ts.isSpreadAssignment(p) || !p.name) return undefined;
    names.push(p.name.getText());
  }
  return names;
}

const codeValues = ErrorCode as unknown as Record<string, string>;

/**
 * Each `new AppError(ErrorCode.X, {…}, detail, key)` and `t(locale, 'key', {…})` whose names can be told
 * (not_in_org is filled by errorText from the chart).
 */
function callSites(file: string): { where: string; key: string; given: string[] }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { where: string; key: string; given: string[] }[] = [];
  const visit = (node: ts.Node) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    const where = `${path.relative(process.cwd(), file)}:${line}`;
    if (ts.isNewExpression(node) && node.expression.getText() === 'AppError' && node.arguments) {
      const [code, params, , messageKey] = node.arguments;
      const codeName = code?.getText().replace(/^ErrorCode\./, '') ?? '';
      const key = messageKey && ts.isStringLiteral(messageKey) ? messageKey.text : `error.${codeValues[codeName]}`;
      const given = givenNames(params);
      const keyKnown = !messageKey || ts.isStringLiteral(messageKey);
      if (given && keyKnown && key !== 'error.not_in_org') found.push({ where, key, given });
    }
    if (ts.isCallExpression(node) && node.expression.getText() === 't' && node.arguments.length >= 2) {
      const [, key, params] = node.arguments;
      const given = givenNames(params);
      if (key && ts.isStringLiteral(key) && given) found.push({ where, key: key.text, given });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('catalogue placeholders at their call sites', () => {
  it('fills every {placeholder} of the sentence an error or a t() call names', () => {
    const missing: string[] = [];
    for (const file of sourceFiles('src'))
      for (const site of callSites(file)) {
        const template = catalogue[site.key];
        if (template === undefined) continue;
        const lacking = placeholders(template).filter((name) => !site.given.includes(name));
        if (lacking.length > 0) missing.push(`${site.where} ${site.key} lacks ${lacking.join(', ')}`);
      }
    expect(missing).toEqual([]);
  });
});
