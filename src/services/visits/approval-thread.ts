import type { DbOrTx } from '../../db/database.ts';
import { findVisitByApprovalMessage } from '../../db/visits/visit-repo.ts';

export interface ApprovalThreadOptions {
  db: DbOrTx;
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
