import type { DbLike } from '../../db/unit-of-work.ts';
import { findVisitByApprovalMessage } from '../../db/visits/visit-repo.ts';

export interface ApprovalThreadOptions {
  db: DbLike;
  channel: string;
  /** the thread's parent message */
  threadTs: string;
}

/** The registration whose approval request started this thread, if any (a reply 通過 approves it). */
export async function visitOfApprovalThread({
  db,
  channel,
  threadTs,
}: ApprovalThreadOptions): Promise<number | undefined> {
  const visit = await findVisitByApprovalMessage(db, channel, threadTs);
  return visit?.id;
}
