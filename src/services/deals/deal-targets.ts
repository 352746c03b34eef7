import { findCustomer, moveCustomerStage } from '../../db/visits/customer-repo.ts';
import { actualWrites, countedBySource, recordActual } from '../../db/targets/target-repo.ts';
import { writeTogether, type DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { DEAL_STAGES, type OpenStage } from '../../domain/visits/deal-stages.ts';
import { formatDate } from '../../lib/format-time.ts';
import { refreshCustomerCard } from '../visits/move-customer-stage.ts';

/** What the targets need of a deal: whose it is, for which customer. */
interface CountedDeal {
  id: number;
  orgId: number;
  ownerId: string;
  customerId: number;
  customerName: string;
}

/** Where each kind of figure a deal feeds is kept; an undo or a cancellation takes back by these keys. */
export const dealSource = {
  contract: (dealId: number) => `deal:${dealId}`,
  reservation: (dealId: number) => `deal:${dealId}:reserved`,
  payment: (paymentId: number) => `payment:${paymentId}`,
};

/** A contract's figures are the contract's, as the customer file's were; 認購 and 回款 are the deal's. */
const sourceOf = (metric: string) => (metric === 'contracts' || metric === 'amount' ? 'contract' : 'deal');

/** Counts a figure toward the deal owner's targets, in the month of `now`. */
export async function countForDeal(
  tx: DbLike,
  o: { chart: OrgChart; deal: CountedDeal; metric: string; value: number; sourceRef: string; by: string; now: Date },
): Promise<void> {
  // nobody reads the figure's id: with the unit's next statement or its COMMIT on PostgreSQL
  await writeTogether(
    tx,
    actualWrites({
      orgId: o.deal.orgId,
      month: formatDate(o.now, o.chart.data.timezone).slice(0, 7),
      personId: o.deal.ownerId,
      account: o.deal.customerName,
      metric: o.metric,
      value: o.value,
      source: sourceOf(o.metric),
      sourceRef: o.sourceRef,
      createdBy: o.by,
      createdAt: o.now,
    }),
  );
}

/** Takes back everything a source still counts, in the months it was counted. */
export async function takeBackCounted(
  tx: DbLike,
  o: { orgId: number; sourceRef: string; by: string; now: Date },
): Promise<void> {
  for (const entry of await countedBySource(tx, o.orgId, o.sourceRef))
    await recordActual(tx, {
      orgId: o.orgId,
      ...entry,
      value: -entry.value,
      source: sourceOf(entry.metric),
      sourceRef: o.sourceRef,
      createdBy: o.by,
      createdAt: o.now,
    });
}

/**
 * The customer file follows its deal: 認購 moves a file still before 認購 to it; 簽約 puts it at 簽約 from
 * any other open stage (a later one it was moved to by hand too); an undone 簽約 takes it back to 認購 and a
 * cancelled deal to 來訪中, whatever later stage it had. Nothing is counted here: the deal counts its own
 * 認購 and 簽約, once.
 */
export async function customerFollowsDeal(
  tx: DbLike,
  o: { chart: OrgChart; deal: CountedDeal; to: OpenStage; by: string; now: Date; back?: boolean },
): Promise<void> {
  const customer = await findCustomer(tx, o.deal.customerId);
  if (!customer) return;
  const at = DEAL_STAGES.indexOf(customer.stage as OpenStage);
  const target = DEAL_STAGES.indexOf(o.to);
  const moves = o.back
    ? at > target
    : customer.stage === 'lost' || (at >= 0 && at < target) || (o.to === 'contracted' && at > target);
  if (!moves) return;
  if (!(await moveCustomerStage(tx, customer.id, customer.stage, o.to, o.now, o.by, `deal:${o.deal.id}`))) return;
  const moved = await findCustomer(tx, customer.id);
  if (moved) await refreshCustomerCard(tx, o.chart, moved, o.now);
}

/** 認購 stands: one 認購套數 for the owner, and the customer file moves to 認購. */
export async function countReservation(
  tx: DbLike,
  o: { chart: OrgChart; deal: CountedDeal; by: string; now: Date },
): Promise<void> {
  const sourceRef = dealSource.reservation(o.deal.id);
  await customerFollowsDeal(tx, { ...o, to: 'reserved' });
  // after the file's reads: the figure goes with the unit's next statement or its COMMIT (countForDeal)
  await countForDeal(tx, { ...o, metric: 'reservations', value: 1, sourceRef });
}

/**
 * 簽約 stands: one 簽約套數 and the contract's total for the owner. What the customer file counted
 * itself for this customer before it had a deal is taken back, so the contract counts once; the file
 * moves to 簽約.
 */
export async function countContract(
  tx: DbLike,
  o: { chart: OrgChart; deal: CountedDeal; by: string; now: Date; totalCents: number },
): Promise<void> {
  const sourceRef = dealSource.contract(o.deal.id);
  await takeBackCounted(tx, { orgId: o.deal.orgId, sourceRef: `customer:${o.deal.customerId}`, by: o.by, now: o.now });
  await countForDeal(tx, { ...o, metric: 'contracts', value: 1, sourceRef });
  // targets count amounts in cents, as the contract was checked
  await countForDeal(tx, { ...o, metric: 'amount', value: o.totalCents, sourceRef });
  await customerFollowsDeal(tx, { ...o, to: 'contracted' });
}

/** 回款金額: money received counts for the deal's owner in the month it is recorded; a refund counts back. */
export async function countCollection(
  tx: DbLike,
  o: { chart: OrgChart; deal: CountedDeal; paymentId: number; cents: number; by: string; now: Date },
): Promise<void> {
  const sourceRef = dealSource.payment(o.paymentId);
  await countForDeal(tx, { ...o, metric: 'collections', value: o.cents, sourceRef });
}
