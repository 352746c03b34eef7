/** Cuts text to at most `max` characters (code points, as Slack counts them), ending in "…". */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/**
 * Makes user-typed text inert in mrkdwn: `<!channel>`, `<@U…>` and links show as typed and ping
 * nobody. Slack asks for exactly these three escapes.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A Slack user mention in command text: <@U123|name>, <@U123> or a bare id. */
export function parseUserMention(text: string): string | undefined {
  const match = /^<@([UW][A-Z0-9]+)(\|[^>]*)?>$/.exec(text.trim()) ?? /^([UW][A-Z0-9]{2,})$/.exec(text.trim());
  return match?.[1];
}

/**
 * Bidi controls (U+202A–202E, 2066–2069, LRM/RLM, ALM) and zero-width characters (ZWSP, ZWNJ,
 * ZWJ, word joiner, BOM, Mongolian vowel separator): invisible, they let a name read backwards
 * ("‮…") or two names look alike. Control characters other than tab and line breaks too: nobody
 * types them, and PostgreSQL refuses a NUL in text outright.
 */
const INVISIBLE = new RegExp(
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F' +
    '\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]',
  'g',
);

/** Text as people typed it, less the characters that change how it reads without showing. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}
