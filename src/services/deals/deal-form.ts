import type { Db } from '../../db/database.ts';
import { findDeal, type Deal } from '../../db/deals/deal-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format-time.ts';
import { mayActOnDeal, mayRecordPayment } from './deal-access.ts';
import { approvedLoanCents, nextStep, planOf } from './deal-plan.ts';

export type DealFormPurpose = 'sign' | 'pay' | 'cancel' | 'mortgage' | 'registration';

/**
 * The deal a card button opens a modal for, checked before the modal opens: 簽約 and 退訂 by the
 * owner's chain, 回款 and the steps also by the secretary; the stage must allow it.
 */
export async function dealForForm(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  actorId: string;
  dealId: number;
  purpose: DealFormPurpose;
}): Promise<{ deal: Deal; today: string; step?: string; loanCents?: number }> {
  const deal = Number.isInteger(o.dealId) ? await findDeal(o.db, o.chart.data.orgId, o.dealId) : null;
  if (!deal) throw new AppError(ErrorCode.NotFound, { what: `#${o.dealId}` });
  const byChain = mayActOnDeal(o.chart, o.actorId, deal.ownerId);
  const allowed =
    o.purpose === 'sign' || o.purpose === 'cancel'
      ? byChain
      : byChain || mayRecordPayment(o.chart, o.actorId, deal.ownerId);
  if (!allowed) throw new AppError(ErrorCode.Forbidden, {}, `may not ${o.purpose}`, 'deal.not_allowed');
  const stages =
    o.purpose === 'sign'
      ? ['reserved']
      : o.purpose === 'pay' || o.purpose === 'cancel'
        ? ['reserved', 'contracted']
        : o.purpose === 'registration'
          ? ['contracted', 'sold'] // registration is independent of payment
          : ['contracted'];
  if (!stages.includes(deal.stage)) throw new AppError(ErrorCode.InvalidInput, {}, deal.stage, 'deal.wrong_stage');
  const today = formatDate(o.clock.now(), o.chart.data.timezone);
  if (o.purpose !== 'mortgage' && o.purpose !== 'registration') return { deal, today };
  const step = nextStep(planOf(deal.plan), o.purpose);
  if (!step) throw new AppError(ErrorCode.InvalidInput, {}, 'track complete', 'deal.wrong_stage');
  // the disbursement starts at the loan the contract planned
  if (step === 'disbursed') return { deal, today, step, loanCents: await approvedLoanCents(o.db, deal.id) };
  return { deal, today, step };
}
