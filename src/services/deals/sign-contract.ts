import { dealAlreadyHandled } from './deal-handled.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import type { Db } from '../../db/database.ts';
import {
  closeDueItems,
  findDeal,
  insertDueItem,
  moveDealStage,
  recordDealChange,
  type Deal,
} from '../../db/deals/deal-repo.ts';
import { contractNoTaken, setContract } from '../../db/deals/payment-repo.ts';
import { moveUnitState, recordUnitChange } from '../../db/deals/unit-repo.ts';
import { transaction } from '../../db/unit-of-work.ts';
import { validateContract, type ContractErrors, type RawContract } from '../../domain/deals/contract.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format-time.ts';
import { mayActOnDeal } from './deal-access.ts';
import { refreshDealCard } from './deal-messages.ts';
import { countContract } from './deal-targets.ts';

/** A deal the actor may act on, in one of the stages the step starts from. */
export async function actableDeal(
  o: { db: Db; chart: OrgChart; dealId: number; actorId: string },
  stages: string[],
): Promise<Deal> {
  const deal = Number.isInteger(o.dealId) ? await findDeal(o.db, o.chart.data.orgId, o.dealId) : null;
  if (!deal) throw new AppError(ErrorCode.NotFound, { what: `#${o.dealId}` });
  if (!mayActOnDeal(o.chart, o.actorId, deal.ownerId))
    throw new AppError(ErrorCode.Forbidden, {}, 'not owner or chain', 'deal.not_allowed');
  if (!stages.includes(deal.stage))
    throw new AppError(ErrorCode.InvalidInput, {}, `deal is ${deal.stage}`, 'deal.wrong_stage');
  return deal;
}

/**
 * 簽約: contract number, total and the payment plan. The unit goes 已認購 → 已簽約, the plan's dates
 * become due items, the contract counts toward the owner's targets (簽約套數, 簽約金額) once, and the
 * customer file follows to 簽約.
 */
export async function signContract(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  actorId: string;
  dealId: number;
  input: RawContract;
}): Promise<{ ok: true } | { ok: false; errors: ContractErrors }> {
  const { chart } = o;
  const deal = await actableDeal(o, ['reserved']);
  const now = o.clock.now();
  const today = formatDate(now, chart.data.timezone);
  const checked = validateContract(o.input, { depositCents: deal.depositCents, today });
  if (!checked.ok) return checked;
  const c = checked.value;
  if (await contractNoTaken(o.db, deal.orgId, c.contractNo))
    return { ok: false, errors: { contractNo: 'contract_no_taken' } };
  await transaction(o.db, async (tx) => {
    if (!(await moveDealStage(tx, deal.id, 'reserved', 'contracted', now)))
      throw await dealAlreadyHandled(tx, chart, { dealId: deal.id, askerId: o.actorId, detail: 'moved meanwhile' });
    const plan = JSON.stringify({ bank: c.bank, mortgage: [], registration: [] });
    await setContract(tx, deal.id, {
      contractNo: c.contractNo,
      totalCents: c.totalCents,
      method: c.method,
      plan,
      at: now,
    });
    await moveUnitState(tx, deal.unitId, { from: 'reserved', to: 'contracted', dealId: deal.id, now });
    const unitChange = { orgId: deal.orgId, unitId: deal.unitId, kind: 'state' as const, by: o.actorId, at: now };
    await recordUnitChange(tx, {
      ...unitChange,
      fromValue: 'reserved',
      toValue: 'contracted',
      note: `deal:${deal.id}`,
    });
    await recordDealChange(tx, {
      dealId: deal.id,
      from: 'reserved',
      to: 'contracted',
      by: o.actorId,
      at: now,
      note: c.contractNo,
    });
    await closeDueItems(tx, deal.id, now, ['sign_by']);
    for (const item of c.items)
      await insertDueItem(tx, { orgId: deal.orgId, dealId: deal.id, ownerId: deal.ownerId, ...item });
    await countContract(tx, { chart, deal, by: o.actorId, now, totalCents: c.totalCents });
    await recordAudit(tx, {
      orgId: deal.orgId,
      actor: o.actorId,
      action: 'deal.contracted',
      subject: `deal:${deal.id}`,
      detail: { contractNo: c.contractNo, total: c.totalCents, method: c.method },
      at: now,
    });
    await refreshDealCard(tx, chart, deal.id, now);
  });
  return { ok: true };
}
