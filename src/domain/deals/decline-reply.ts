/** The words that decline a discount in its request's thread, longest first so that 不核准 is not read as 不. */
const DECLINE_WORDS = [
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

/**
 * A thread reply that declines: a decline word first (give or take a mention, an emoji, punctuation),
 * then the reason, e.g. 「不核准：折扣超過本月額度」 or "decline - too deep". The reason is empty when the
 * reply is the word alone; undefined when the reply is no decline at all.
 */
export function declineReplyOf(text: string): { reason: string } | undefined {
  const cleaned = text
    .replace(/<[^>]*>/g, '')
    .replace(/:[a-z0-9_+-]+:/g, '')
    .trim();
  // the word is matched as typed in any width (ｄｅｃｌｉｎｅ); the reason is kept as written
  const word = DECLINE_WORDS.find((w) => cleaned.slice(0, w.length).normalize('NFKC').toLowerCase() === w);
  if (!word) return undefined;
  const rest = cleaned.slice(word.length);
  // an English word must end there: "declines" or "rejection" is no decline word
  if (/^[a-z]/i.test(rest)) return undefined;
  return { reason: rest.replace(/^[\s:：,，、。.;；!！~～\-—–👎]+/u, '').trim() };
}
