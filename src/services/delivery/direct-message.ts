import { enqueueMessage, messagesWrite, type MessageOrigin } from '../../db/delivery/outbox-repo.ts';
import type { DbLike, Write } from '../../db/unit-of-work.ts';

/** The private conversation of a filer, their approver and the bot, where an item is discussed. */
export const approvalConversation = (filerId: string, approverId: string): string =>
  `mpim:${[filerId, approverId].sort().join(',')}`;

/** A message to one person, delivered through the outbox; `origin` names whom to tell if it cannot arrive. */
export async function queueDirectMessage(
  tx: DbLike,
  userId: string,
  message: { text: string; blocks?: unknown[] },
  now: Date,
  origin?: MessageOrigin,
): Promise<{ id: number }> {
  return enqueueMessage(tx, { method: 'chat.postMessage', channel: userId, args: message, origin }, now);
}

/** queueDirectMessage as a write to send with others (writeTogether), when nobody needs its id. */
export const directMessageWrite = (
  userId: string,
  message: { text: string; blocks?: unknown[] },
  now: Date,
  origin?: MessageOrigin,
): Write => messagesWrite([{ method: 'chat.postMessage', channel: userId, args: message, origin }], now);
