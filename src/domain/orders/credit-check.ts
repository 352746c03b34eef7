/** What the credit check looks at, in integer cents, with this order already counted in the exposure. */
export interface CreditPosition {
  /** The account's limit; an account with no rating has none (0), so every order of it is held. */
  limitCents: number;
  openOrdersCents: number;
  receivableCents: number;
  /** Open invoices past their due date, and the days since the oldest one fell due. */
  overdueCents: number;
  overdueDays: number;
}

export interface CreditDecision {
  approved: boolean;
  excessCents: number;
}

/** Within the limit and nothing overdue: approved at once; otherwise held for the SSG leader. */
export function checkCredit(p: CreditPosition): CreditDecision {
  const excessCents = Math.max(0, p.openOrdersCents + p.receivableCents - p.limitCents);
  return { approved: excessCents === 0 && p.overdueCents === 0, excessCents };
}

/** What remains of the limit after the exposure (negative: over it). */
export const remainingCents = (p: Pick<CreditPosition, 'limitCents' | 'openOrdersCents' | 'receivableCents'>) =>
  p.limitCents - p.openOrdersCents - p.receivableCents;

/** Approval steps of a held order: the SSG leader, then the sales director above the threshold. */
export type ApprovalStep = 'ssg_leader' | 'sales_director';

/** The step after the SSG leader's approval: the director when the excess is above the threshold. */
/**
 * After the SSG leader, the sales director when this order's own part of the excess (the part of the
 * order above the limit: the excess, at most the order's amount) is above the threshold; an excess
 * left by orders already approved does not send a small order to the director again.
 */
export function nextStep(
  step: ApprovalStep,
  excessCents: number,
  thresholdCents: number,
  orderCents: number = excessCents,
): ApprovalStep | undefined {
  if (step === 'ssg_leader' && Math.min(excessCents, orderCents) > thresholdCents) return 'sales_director';
  return undefined;
}

/** Whole days from one YYYY-MM-DD to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
