import { recordAudit } from '../../db/audit-repo.ts';
import type { Db } from '../../db/database.ts';
import { holderOfUnit, insertDeal, insertDueItem, recordDealChange, type NewDeal } from '../../db/deals/deal-repo.ts';
import { findUnitById, moveUnitState, recordUnitChange } from '../../db/deals/unit-repo.ts';
import { findCustomer } from '../../db/visits/customer-repo.ts';
import { transaction } from '../../db/unit-of-work.ts';
import { discountNeedsApproval, DEFAULT_DEAL_SETTINGS } from '../../domain/deals/deal-settings.ts';
import { validateReservation, type RawReservation, type ReservationErrors } from '../../domain/deals/reservation.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format-time.ts';
import { mayActOnDeal } from './deal-access.ts';
import { countReservation } from './deal-targets.ts';
import { announceReservation } from './deal-messages.ts';

export interface ReserveUnitOptions {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  actorId: string;
  customerId: number;
  unitId: number;
  input: RawReservation;
}

export type ReserveResult =
  | { ok: true; dealId: number; awaitingApproval: boolean }
  | { ok: false; errors: ReservationErrors & { unit?: string; customer?: string }; params?: Record<string, string> };

/** The customer file a deal opens from: the owner or their chain only. */
async function workableCustomer(o: ReserveUnitOptions) {
  const customer = Number.isInteger(o.customerId) ? await findCustomer(o.db, o.customerId) : null;
  if (!customer || customer.orgId !== o.chart.data.orgId)
    throw new AppError(ErrorCode.NotFound, { what: `#${o.customerId}` });
  if (!mayActOnDeal(o.chart, o.actorId, customer.ownerId))
    throw new AppError(ErrorCode.Forbidden, {}, 'not owner or chain', 'deal.not_allowed');
  return customer;
}

/**
 * 認購: the unit goes from 可售 to 已認購 in the same transaction that opens the deal, by a
 * conditional update: of two salespeople at the same instant exactly one wins, and the other
 * is told who holds the unit. A discount beyond the actor's authority waits for the PM.
 */
export async function reserveUnit(o: ReserveUnitOptions): Promise<ReserveResult> {
  const { chart } = o;
  const orgId = chart.data.orgId;
  const customer = await workableCustomer(o);
  const unit = await findUnitById(o.db, orgId, o.unitId);
  if (!unit) return { ok: false, errors: { unit: 'unit_unknown' } };
  const now = o.clock.now();
  const today = formatDate(now, chart.data.timezone);
  const checked = validateReservation(o.input, unit.listPriceCents, today);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  if (unit.state !== 'available') return await takenAnswer(o, unit.id, unit.state);
  const settings = chart.data.deals ?? DEFAULT_DEAL_SETTINGS;
  const role = chart.person(o.actorId)?.role ?? '';
  const awaitingApproval = discountNeedsApproval(settings, role, unit.listPriceCents, checked.value.discountCents);
  const deal: NewDeal = {
    orgId,
    unitId: unit.id,
    customerId: customer.id,
    ownerId: customer.ownerId,
    stage: awaitingApproval ? 'awaiting_discount' : 'reserved',
    listPriceCents: unit.listPriceCents,
    ...checked.value,
    now,
  };
  const dealId = await transaction(o.db, async (tx) => {
    const id = await insertDeal(tx, deal);
    if (!(await moveUnitState(tx, unit.id, { from: 'available', to: 'reserved', dealId: id, now })))
      throw new UnitTaken();
    await recordUnitChange(tx, {
      orgId,
      unitId: unit.id,
      kind: 'state',
      fromValue: 'available',
      toValue: 'reserved',
      by: o.actorId,
      at: now,
      note: `deal:${id}`,
    });
    await recordDealChange(tx, { dealId: id, from: '', to: deal.stage, by: o.actorId, at: now });
    const item = { orgId, dealId: id, ownerId: customer.ownerId };
    await insertDueItem(tx, { ...item, kind: 'deposit', dueDate: deal.depositDate, amountCents: deal.depositCents });
    await insertDueItem(tx, { ...item, kind: 'sign_by', dueDate: deal.signByDate, amountCents: 0 });
    await recordAudit(tx, {
      orgId,
      actor: o.actorId,
      action: 'deal.reserved',
      subject: `deal:${id}`,
      detail: { unit: unit.id, stage: deal.stage },
      at: now,
    });
    await announceReservation(tx, { chart, dealId: id, actorId: o.actorId, awaitingApproval, now });
    // last: the owner's month total, which the owner's other deals wait on, is then locked only to the COMMIT
    if (!awaitingApproval) {
      const counted = { id, orgId, ownerId: customer.ownerId, customerId: customer.id, customerName: customer.name };
      await countReservation(tx, { chart, deal: counted, by: o.actorId, now });
    }
    return id;
  }).catch((error: unknown) => (error instanceof UnitTaken ? undefined : Promise.reject(error)));
  if (dealId === undefined) return await takenAnswer(o, unit.id, 'reserved');
  return { ok: true, dealId, awaitingApproval };
}

class UnitTaken extends Error {}

/** The unit is not available: say who holds it (or that the PM keeps it). */
async function takenAnswer(o: ReserveUnitOptions, unitId: number, state: string): Promise<ReserveResult> {
  const holder = await holderOfUnit(o.db, unitId);
  if (!holder) return { ok: false, errors: { unit: state === 'held' ? 'unit_held' : 'unit_taken_unknown' } };
  // the asker's own earlier 認購 (a second modal, a double submit): say it is theirs already
  if (holder.ownerId === o.actorId) return { ok: false, errors: { unit: 'unit_taken_by_you' } };
  return { ok: false, errors: { unit: 'unit_taken' }, params: { who: o.chart.nameOf(holder.ownerId) } };
}
