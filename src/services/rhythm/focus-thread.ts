import { findFocusPlanByMessage } from '../../db/rhythm/focus-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';

/** The month's focus whose draft card started this thread, if any (a reply 通過 there approves it). */
export async function focusOfThread(o: { db: DbLike; channel: string; threadTs: string }): Promise<number | undefined> {
  return (await findFocusPlanByMessage(o.db, o.channel, o.threadTs))?.id;
}
