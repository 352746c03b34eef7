/** Our order numbers: the prefix and at least this many digits, zero-padded, never cut (SO-000001, SO-1000000). */
export const ORDER_NUMBER_PREFIX = 'SO-';
export const ORDER_NUMBER_DIGITS = 6;

/** The number of the organisation's n-th order entered in Slack. */
export const orderNumberOf = (n: number): string =>
  `${ORDER_NUMBER_PREFIX}${String(n).padStart(ORDER_NUMBER_DIGITS, '0')}`;

/**
 * On PostgreSQL a new order's number is taken in front of its unit's COMMIT, as a registration's is
 * (see domain/visits/visit-number.ts and insertOrder): until then the order's number, stored and
 * shown in what the unit queues, is a token (these around the order's id), which the statements that
 * store those fill in.
 */
export const LATE_ORDER_NUMBER_OPENS = '\u200border-number:';
export const LATE_ORDER_NUMBER_CLOSES = '\u200b';

/** A token in a text (JSON escapes none of its characters). */
export const LATE_ORDER_NUMBER = /\u200border-number:(\d+)\u200b/g;
