/** 查重 / 撞單: what a registration for a phone already on file becomes. */
export type DuplicateRuling = 'new_customer' | 'revisit' | 'contested';

export interface ExistingCustomer {
  ownerId: string;
  lastVisitAt: Date;
}

/** Another salesperson's registration of the phone still waiting for a decision: a claim as good as a file. */
export interface PendingClaim {
  filerId: string;
  visitAt: Date;
}

export function classifyRegistration(
  existing: ExistingCustomer | null,
  filerId: string,
  now: Date,
  protectionDays: number,
  claim: PendingClaim | null = null,
): DuplicateRuling {
  return contestOf(existing, filerId, now, protectionDays, claim).ruling;
}

/**
 * The ruling and, when contested, whom the filer is up against: a protected file's owner, else another
 * salesperson whose registration of the phone is still undecided (approving it would give them the file).
 */
export function contestOf(
  existing: ExistingCustomer | null,
  filerId: string,
  now: Date,
  protectionDays: number,
  claim: PendingClaim | null,
): { ruling: DuplicateRuling; against?: ExistingCustomer } {
  if (existing?.ownerId === filerId) return { ruling: 'revisit' };
  const stillProtected = existing && now.getTime() <= protectedUntil(existing.lastVisitAt, protectionDays).getTime();
  if (existing && stillProtected) return { ruling: 'contested', against: existing };
  if (claim && claim.filerId !== filerId) {
    return { ruling: 'contested', against: { ownerId: claim.filerId, lastVisitAt: claim.visitAt } };
  }
  return { ruling: existing ? 'revisit' : 'new_customer' };
}

export function protectedUntil(lastVisitAt: Date, protectionDays: number): Date {
  return new Date(lastVisitAt.getTime() + protectionDays * 86_400_000);
}

const APPROVAL_WORDS = ['通過', '通过', '批准', '同意', '核准', 'ok', 'okay', 'approve', 'approved', 'lgtm'];

/** A thread reply that approves: the word alone, give or take punctuation and an emoji. */
export function isApprovalReply(text: string): boolean {
  const cleaned = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/:[a-z0-9_+-]+:/g, '')
    .replace(/[\s!！。.,，~～👍]/gu, '');
  return APPROVAL_WORDS.includes(cleaned);
}
