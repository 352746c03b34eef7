import type { Db } from '../../db/database.ts';
import { dueItemsOf, type DueItem } from '../../db/deals/payment-repo.ts';
import type { DealSchedule } from '../../views/deals/deal-schedule.ts';

/** The JSON kept in Deal.plan: the bank, the mortgage and registration steps, a pending cancellation. */
export interface DealPlan {
  bank?: string;
  /** viewId: the modal that took the step, so that its double submit takes it once */
  mortgage: { step: string; date: string; by: string; amountCents?: number; viewId?: string }[];
  registration: { step: string; date: string; by: string; viewId?: string }[];
  /** refundOn: the day it was asked; the refund is recorded as received the day the PM approves it */
  cancel?: { from: string; refundCents: number; refundOn: string };
}

export function planOf(json: string | null): DealPlan {
  try {
    const parsed = JSON.parse(json ?? '{}') as Partial<DealPlan>;
    return { ...parsed, mortgage: parsed.mortgage ?? [], registration: parsed.registration ?? [] };
  } catch {
    return { mortgage: [], registration: [] };
  }
}

export const MORTGAGE_STEPS = ['docs_collected', 'submitted', 'approved', 'disbursed'] as const;
export const REGISTRATION_STEPS = ['submitted', 'registered'] as const;

/** The next step of a track, or undefined when it is complete. */
export function nextStep(plan: DealPlan, track: 'mortgage' | 'registration'): string | undefined {
  const steps: readonly string[] = track === 'mortgage' ? MORTGAGE_STEPS : REGISTRATION_STEPS;
  return steps[plan[track].length];
}

/** A signed deal's payment plan as the card and `/deal` show it; none before 簽約 or once cancelled. */
export function scheduleOf(
  deal: { stage: string; paymentMethod: string | null; plan: string | null },
  items: DueItem[],
  today: string,
): DealSchedule | undefined {
  if (!deal.paymentMethod || !['contracted', 'sold', 'cancel_requested'].includes(deal.stage)) return undefined;
  return { method: deal.paymentMethod, bank: planOf(deal.plan).bank, today, items };
}

/** The loan the contract planned (its 按揭 items): the most the bank's disbursement may bring. */
export async function approvedLoanCents(db: Db, dealId: number): Promise<number> {
  const items = await dueItemsOf(db, dealId);
  return items.filter((i) => i.kind === 'mortgage').reduce((sum, i) => sum + i.amountCents, 0);
}
