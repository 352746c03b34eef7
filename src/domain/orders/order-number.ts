/** Our order numbers: the prefix and at least this many digits, zero-padded, never cut (SO-000001, SO-1000000). */
export const ORDER_NUMBER_PREFIX = 'SO-';
export const ORDER_NUMBER_DIGITS = 6;

/** The number of the organisation's n-th order entered in Slack. */
export const orderNumberOf = (n: number): string =>
  `${ORDER_NUMBER_PREFIX}${String(n).padStart(ORDER_NUMBER_DIGITS, '0')}`;
