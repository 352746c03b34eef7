/**
 * On PostgreSQL a registration's number is taken by a statement in front of its unit's COMMIT (see
 * createVisit): the organisation's counter row, which every filing waits for, is then held for the
 * rest of that round trip only. Until then the stored number is a stand-in below 1 (minus the id), and
 * the messages queued in the same unit carry this token where the number goes: the statement that
 * queues them puts the number in its place (withLateNumbers). Zero-width spaces: no typed text can
 * hold one (stripInvisible).
 */
export const lateNumberToken = (visitId: number): string => `\u200bvisit-number:${visitId}\u200b`;

/** A token in a message's text (JSON escapes none of its characters). */
export const LATE_NUMBER_TOKEN = /\u200bvisit-number:(\d+)\u200b/g;

/** The registration's number as its messages show it: the token while it is still to be taken. */
export const visitNumberText = (visit: { id: number; number: number }): string =>
  visit.number > 0 ? String(visit.number) : lateNumberToken(visit.id);
