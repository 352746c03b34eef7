// Emoji, their modifiers and joiners, flags and keycaps: decoration people add to a name, not the name.
const DECORATION = new RegExp(
  // pictographs, skin tones, flag letters; variation selectors, joiners, keycaps, tags; spaces
  '[\\p{Extended_Pictographic}\\u{1F3FB}-\\u{1F3FF}\\u{1F1E6}-\\u{1F1FF}' +
    '\\u{FE0E}\\u{FE0F}\\u{200D}\\u{20E3}\\u{E0020}-\\u{E007F}\\s]',
  'gu',
);

/** A name as search compares it: without emoji and spaces, full-width folded, case ignored. */
export function nameSearchKey(name: string): string {
  return name.normalize('NFKC').replace(DECORATION, '').toLowerCase();
}

/** Whether a customer's name contains what was typed (`林`, `林小姐` both find `林小姐🌸`). */
export function nameMatches(name: string, query: string): boolean {
  const key = nameSearchKey(query);
  return key.length > 0 && nameSearchKey(name).includes(key);
}

/**
 * Characters every match must contain, for the database to narrow the candidates, each with its
 * other case if it has one (SQLite and PostgreSQL compare letters' case differently).
 */
export function nameSearchCharacters(query: string): string[][] {
  return [...new Set(nameSearchKey(query))].map((c) => [...new Set([c, c.toUpperCase()])]);
}
