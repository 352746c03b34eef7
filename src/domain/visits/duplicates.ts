/** 查重 / 撞單: what a registration for a phone already on file becomes. */
export type DuplicateRuling = 'new_customer' | 'revisit' | 'contested';

export interface ExistingCustomer {
  ownerId: string;
  lastVisitAt: Date;
}

export function classifyRegistration(existing: ExistingCustomer | null, filerId: string, now: Date, protectionDays: number): DuplicateRuling {
  if (!existing) return 'new_customer';
  if (existing.ownerId === filerId) return 'revisit';
  const protectedUntil = existing.lastVisitAt.getTime() + protectionDays * 86_400_000;
  return now.getTime() <= protectedUntil ? 'contested' : 'revisit';
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
