import { nameSearchKey } from '../visits/customer-name.ts';

/** The longest part of a name that is indexed; a longer query is narrowed by its first this many characters. */
export const NAME_KEY_CHARS = 12;

/** Hex of the UTF-8 bytes: every collation (SQLite's, PostgreSQL's locale) orders it as the bytes are ordered. */
const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');

/**
 * The search keys of an account's name: each suffix of its normalised name (emoji and spaces
 * dropped, full-width folded, case ignored), cut to NAME_KEY_CHARS characters, as hex. A part of
 * the name is then the prefix of one of them: a range on an index, on SQLite and PostgreSQL alike.
 */
export function accountNameKeys(name: string): string[] {
  const chars = [...nameSearchKey(name)];
  const keys = new Set<string>();
  for (let start = 0; start < chars.length; start += 1)
    keys.add(hex(chars.slice(start, start + NAME_KEY_CHARS).join('')));
  return [...keys];
}

/**
 * The range of keys a query's part of a name falls in: from its key to its key followed by `g`,
 * which sorts after every hex digit. Null when nothing is left to search for.
 */
export function nameKeyRange(query: string): { from: string; to: string } | null {
  const chars = [...nameSearchKey(query)].slice(0, NAME_KEY_CHARS);
  if (chars.length === 0) return null;
  const from = hex(chars.join(''));
  return { from, to: `${from}g` };
}
