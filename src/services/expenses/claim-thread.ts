import type { DbLike } from '../../db/unit-of-work.ts';
import { findClaimByApprovalMessage } from '../../db/expenses/claim-repo.ts';

/** The claim whose approval card started this thread, if any (a reply 通過 approves it). */
export async function claimOfApprovalThread(o: {
  db: DbLike;
  channel: string;
  threadTs: string;
}): Promise<number | undefined> {
  return (await findClaimByApprovalMessage(o.db, o.channel, o.threadTs))?.id;
}
