/** The words that decline a discount in its request's thread, longest first so that 不核准 is not read as 不. */
export const DECLINE_WORDS = [
  '不核准',
  '不核準',
  '不通過',
  '不通过',
  '不批准',
  '不同意',
  '拒絕',
  '拒绝',
  '駁回',
  '驳回',
  '否決',
  '否决',
  'declined',
  'decline',
  'rejected',
  'reject',
];

const SEPARATORS = /^[\s:：,，、。.;；!！~～\-—–👎]+/u;

/**
 * A thread reply that declines: one of `words` (longest first) first, give or take a mention, an emoji
 * or punctuation, then the reason, e.g. 「不核准：折扣超過本月額度」 or "decline - too deep". The reason
 * is empty when the reply is the word alone; undefined when the reply is no decline at all. `apart`:
 * the word must stand apart from what follows (「退回：…」, not 「退回的話…」), for words said in passing.
 */
export function declineReplyOf(
  text: string,
  words: readonly string[] = DECLINE_WORDS,
  apart = false,
): { reason: string } | undefined {
  const cleaned = text
    .replace(/<[^>]*>/g, '')
    .replace(/:[a-z0-9_+-]+:/g, '')
    .trim();
  // the word is matched as typed in any width (ｄｅｃｌｉｎｅ); the reason is kept as written
  const word = words.find((w) => cleaned.slice(0, w.length).normalize('NFKC').toLowerCase() === w);
  if (!word) return undefined;
  const rest = cleaned.slice(word.length);
  // an English word must end there: "declines" or "rejection" is no decline word
  if (/^[a-z]/i.test(rest)) return undefined;
  const reason = rest.replace(SEPARATORS, '');
  if (apart && rest !== '' && reason.length === rest.length) return undefined;
  return { reason: reason.trim() };
}
