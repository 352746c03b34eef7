import { DECLINE_WORDS, declineReplyOf } from '../deals/decline-reply.ts';

/** A registration is not declined but returned to its filer to edit: 退回 and every decline word say so. */
const RETURN_WORDS = ['退回', '退件', 'returned', 'return', ...DECLINE_WORDS].sort((a, b) => b.length - a.length);

/**
 * A reply under a registration's approval request that returns it, e.g. 「退回：請補預算」 or
 * "return - missing budget": the reason ('' for the word alone), or undefined when it is no return. The
 * word must stand apart: 「退回的話要補什麼？」 is a question, not a return.
 */
export const returnReplyOf = (text: string): { reason: string } | undefined => declineReplyOf(text, RETURN_WORDS, true);
