import type { Db } from '../../db/database.ts';
import { dealHistory, searchDeals, type Deal } from '../../db/deals/deal-repo.ts';
import { dueItemsOf, paymentHistoryOf, paymentsOf, type Payment } from '../../db/deals/payment-repo.ts';
import { dealStanding } from '../../domain/deals/payments.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format-time.ts';
import type { CardDeal, DealActionsAllowed } from '../../views/deals/deal-card.ts';
import { mayActOnDeal, mayRecordPayment, maySeeDeal } from './deal-access.ts';
import { nextStep, planOf, scheduleOf } from './deal-plan.ts';

export interface FoundDeal {
  /** the deal, its next steps and, once signed, its payment plan */
  deal: Deal & Pick<CardDeal, 'next' | 'schedule'>;
  money: { paid: number; due: number; overdue: number; refunded?: number };
  history: Awaited<ReturnType<typeof dealHistory>>;
  /** Its payments and refunds (amount, who, when), undone ones too, marked: the history keeps them. */
  payments: (Payment & { undoneAt: Date | null })[];
  /** What the viewer may do on it (the stage decides which buttons show): the card's rules. */
  may: DealActionsAllowed;
}

/** 簽約 and 退訂 by the owner's chain; 回款 by the owner or the secretary; the steps by either. */
function allowedFor(chart: OrgChart, viewerId: string, deal: Deal): DealActionsAllowed {
  const chain = mayActOnDeal(chart, viewerId, deal.ownerId);
  const pays = mayRecordPayment(chart, viewerId, deal.ownerId);
  return { sign: chain, pay: pays, steps: chain || pays, cancel: chain };
}

/**
 * `/deal <contract no | unit | customer | #id>`: the deals the viewer may see (owner, chain, the
 * site office), with what is paid, due and overdue, and their history. Others see nothing.
 */
export async function findDeals(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  viewerId: string;
  query: string;
}): Promise<FoundDeal[]> {
  const query = o.query.trim();
  const deals = query
    ? (await searchDeals(o.db, o.chart.data.orgId, query)).filter((d) => maySeeDeal(o.chart, o.viewerId, d.ownerId))
    : [];
  if (deals.length === 0) throw new AppError(ErrorCode.NotFound, { what: query }, 'no visible deal', 'deal.not_found');
  const today = formatDate(o.clock.now(), o.chart.data.timezone);
  return Promise.all(
    deals.slice(0, 5).map(async (deal) => {
      const [items, standing, payments] = await Promise.all([
        dueItemsOf(o.db, deal.id),
        paymentsOf(o.db, deal.id),
        paymentHistoryOf(o.db, deal.id),
      ]);
      return {
        deal: {
          ...deal,
          next: {
            mortgage: nextStep(planOf(deal.plan), 'mortgage'),
            registration: nextStep(planOf(deal.plan), 'registration'),
          },
          schedule: scheduleOf(deal, items, today),
        },
        payments,
        money: dealStanding(deal.stage, items, standing, today),
        history: await dealHistory(o.db, deal.id),
        may: allowedFor(o.chart, o.viewerId, deal),
      };
    }),
  );
}
