import { dealAlreadyHandled } from './deal-handled.ts';
import { customerFollowsDeal, dealSource, takeBackCounted } from './deal-targets.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import type { Db } from '../../db/database.ts';
import { dealHistory, findDeal, moveDealStage, recordDealChange, type Deal } from '../../db/deals/deal-repo.ts';
import {
  deleteItems,
  paymentsOf,
  setContract,
  setDealSold,
  setStepDone,
  undoPayment,
} from '../../db/deals/payment-repo.ts';
import { moveUnitState, recordUnitChange } from '../../db/deals/unit-repo.ts';
import { countedBySource, recordActual } from '../../db/targets/target-repo.ts';
import type { Unit as Tx } from '../../db/unit-of-work.ts';
import { transaction } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { refreshDealCard, tell } from './deal-messages.ts';
import { reapplyPayments } from './record-payment.ts';

/** A step is undone by those who answer for the owner's work: the managers above the owner and leadership. */
export function mayUndoDealStep(chart: OrgChart, actorId: string, ownerId: string): boolean {
  return chart.isAbove(actorId, ownerId) || chart.isLeadership(actorId);
}

/** From sold back to contracted: the unit too. The history's one line names what was undone (note). */
async function unsell(tx: Tx, deal: Deal, actorId: string, now: Date, note: string): Promise<void> {
  await moveDealStage(tx, deal.id, 'sold', 'contracted', now);
  await setDealSold(tx, deal.id, null);
  await recordDealChange(tx, { dealId: deal.id, from: 'sold', to: 'contracted', by: actorId, at: now, note });
  await moveUnitState(tx, deal.unitId, { from: 'sold', to: 'contracted', dealId: deal.id, now });
  await recordUnitChange(tx, {
    orgId: deal.orgId,
    unitId: deal.unitId,
    kind: 'state',
    fromValue: 'sold',
    toValue: 'contracted',
    by: actorId,
    at: now,
    note: 'undo',
  });
}

/** From contracted back to reserved: the plan's items go, sign-by is open again, the targets take the contract back. */
async function unsign(
  tx: Tx,
  deal: Deal,
  actorId: string,
  now: Date,
  counted: Awaited<ReturnType<typeof countedBySource>>,
): Promise<void> {
  await moveDealStage(tx, deal.id, 'contracted', 'reserved', now);
  await setContract(tx, deal.id, { contractNo: null, totalCents: null, method: null, plan: null, at: null });
  await deleteItems(tx, deal.id, ['final', 'down_payment', 'mortgage', 'instalment', 'mortgage_docs', 'registration']);
  await setStepDone(tx, deal.id, 'sign_by', null);
  await recordDealChange(tx, {
    dealId: deal.id,
    from: 'contracted',
    to: 'reserved',
    by: actorId,
    at: now,
    note: 'undo',
  });
  await moveUnitState(tx, deal.unitId, { from: 'contracted', to: 'reserved', dealId: deal.id, now });
  await recordUnitChange(tx, {
    orgId: deal.orgId,
    unitId: deal.unitId,
    kind: 'state',
    fromValue: 'contracted',
    toValue: 'reserved',
    by: actorId,
    at: now,
    note: 'undo',
  });
  const sourceRef = `deal:${deal.id}`;
  for (const entry of counted)
    await recordActual(tx, {
      orgId: deal.orgId,
      ...entry,
      value: -entry.value,
      source: 'contract',
      sourceRef,
      createdBy: actorId,
      createdAt: now,
    });
}

/**
 * Undoes a deal's last step taken in error: its last payment (a sold deal is contracted again), or
 * else its 簽約. The undo is kept in the history like any step, and the owner is told.
 */
export async function undoDealStep(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  actorId: string;
  dealId: number;
}): Promise<'payment' | 'contract'> {
  const { chart } = o;
  const deal = Number.isInteger(o.dealId) ? await findDeal(o.db, chart.data.orgId, o.dealId) : null;
  if (!deal) throw new AppError(ErrorCode.NotFound, { what: `#${o.dealId}` });
  if (!mayUndoDealStep(chart, o.actorId, deal.ownerId))
    throw new AppError(ErrorCode.Forbidden, {}, 'not above owner', 'deal.undo.not_allowed');
  const lastChange = (await dealHistory(o.db, deal.id)).filter((c) => c.note !== 'undo').at(-1);
  const lastPayment = (await paymentsOf(o.db, deal.id)).filter((p) => p.kind === 'payment').at(-1);
  const paymentIsLast =
    lastPayment !== undefined && (!lastChange || lastPayment.at >= lastChange.at || deal.stage === 'sold');
  const what = paymentIsLast ? 'payment' : deal.stage === 'contracted' ? 'contract' : undefined;
  if (!what) throw new AppError(ErrorCode.InvalidInput, {}, `nothing to undo at ${deal.stage}`, 'deal.undo.none');
  const now = o.clock.now();
  // what the contract counted toward targets, read before the unit of work (the read goes through Prisma)
  const counted = what === 'contract' ? await countedBySource(o.db, deal.orgId, `deal:${deal.id}`) : [];
  await transaction(o.db, async (tx) => {
    if (what === 'payment' && lastPayment) {
      if (!(await undoPayment(tx, lastPayment.id, now)))
        throw await dealAlreadyHandled(tx, chart, { dealId: deal.id, askerId: o.actorId });
      const sourceRef = dealSource.payment(lastPayment.id);
      await takeBackCounted(tx, { orgId: deal.orgId, sourceRef, by: o.actorId, now });
      const note = `undo payment:${lastPayment.id}`;
      // one line in the history: the move back to 已簽約 with the payment it undid, or the undo alone
      if (deal.stage === 'sold') await unsell(tx, deal, o.actorId, now, note);
      else
        await recordDealChange(tx, { dealId: deal.id, from: deal.stage, to: deal.stage, by: o.actorId, at: now, note });
    } else {
      await unsign(tx, deal, o.actorId, now, counted);
      await customerFollowsDeal(tx, { chart, deal, to: 'reserved', by: o.actorId, now, back: true });
    }
    await reapplyPayments(tx, deal.id, now);
    await recordAudit(tx, {
      orgId: deal.orgId,
      actor: o.actorId,
      action: `deal.undo_${what}`,
      subject: `deal:${deal.id}`,
      at: now,
    });
    await refreshDealCard(tx, chart, deal.id, now);
    const params = { id: deal.id, by: escapeMrkdwn(chart.nameOf(o.actorId)) };
    await tell(
      tx,
      chart,
      deal.ownerId,
      what === 'payment' ? 'deal.undo.payment_done' : 'deal.undo.contract_done',
      params,
      now,
    );
  });
  return what;
}
