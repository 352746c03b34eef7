import type { DbOrTx } from './database.ts';
import type { Feedback } from '../generated/sqlite/client.ts';

export type { Feedback };

/** Feedback of a period [from, to), the important first, then the newest (the meeting agenda). */
export async function feedbackOfPeriod(db: DbOrTx, orgId: number, from: Date, to: Date, take: number): Promise<Feedback[]> {
  return db.feedback.findMany({
    where: { orgId, createdAt: { gte: from, lt: to } },
    orderBy: [{ importance: 'desc' }, { createdAt: 'desc' }],
    take,
  });
}

/** Feedback of a period [from, to) sent to one recipient, oldest first (the weekly digest). */
export async function feedbackSentTo(db: DbOrTx, o: { orgId: number; recipientId: string; from: Date; to: Date; take: number }): Promise<Feedback[]> {
  return db.feedback.findMany({
    where: { orgId: o.orgId, createdAt: { gte: o.from, lt: o.to }, recipients: { some: { recipientId: o.recipientId } } },
    orderBy: { createdAt: 'asc' },
    take: o.take,
  });
}
