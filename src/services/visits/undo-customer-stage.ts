import { transaction, type Unit, type Db } from '../../db/unit-of-work.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { findCustomer, lastMoveInto, moveCustomerStage, type Customer } from '../../db/visits/customer-repo.ts';
import { countedBySource, recordActual } from '../../db/targets/target-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { previousStage, type DealStage } from '../../domain/visits/deal-stages.ts';
import { t } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { stageName } from '../../views/visits/customer-card.ts';
import { localeOf } from '../org/locale-of.ts';
import { refreshCustomerCard, refuseWhenDealDrives } from './move-customer-stage.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';

export interface UndoCustomerStageOptions {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  customerId: number;
  actorId: string;
  /** The stage the actor saw; a stale button acts on nothing. */
  from: DealStage;
}

/** A step is undone by those who answer for the owner's work: the managers above the owner and leadership. */
export function mayUndoStage(chart: OrgChart, actorId: string, ownerId: string): boolean {
  return chart.isAbove(actorId, ownerId) || chart.isLeadership(actorId);
}

/**
 * Takes a deal one step back (a mistaken click). The history keeps both moves, and a contract's
 * counted figures are taken back by opposite entries, so targets and the audit stay true.
 */
export async function undoStage(o: UndoCustomerStageOptions): Promise<Customer> {
  const { chart, actorId } = o;
  const customer = await findCustomer(o.db, o.customerId);
  if (!customer || customer.orgId !== chart.data.orgId) {
    throw new AppError(ErrorCode.NotFound, { what: `#${o.customerId}` });
  }
  if (!mayUndoStage(chart, actorId, customer.ownerId)) {
    throw new AppError(ErrorCode.Forbidden, {}, 'not above owner', 'customer.undo_not_allowed');
  }
  const lostFrom = customer.stage === 'lost' ? (await lastMoveInto(o.db, customer.id, 'lost'))?.fromStage : undefined;
  const back = customer.stage === o.from ? previousStage(customer.stage as DealStage, lostFrom) : undefined;
  const stage = stageName(localeOf(chart, actorId), customer.stage);
  const nothingToUndo = (detail: string) =>
    new AppError(ErrorCode.InvalidInput, { stage }, detail, 'customer.undo_none');
  if (!back) throw nothingToUndo(`undo ${customer.stage}`);
  await refuseWhenDealDrives(o.db, customer.id, o.from);
  const now = o.clock.now();
  return transaction(o.db, async (unit) => {
    const stepped = await moveCustomerStage(unit, customer.id, o.from, back, now, actorId, 'undo');
    if (!stepped) throw nothingToUndo('moved concurrently'); // another click got there first
    if (o.from === 'contracted') await takeBackContract(unit, customer, actorId, now);
    const moved = (await findCustomer(unit, customer.id)) as Customer;
    await tellOwner(unit, chart, moved, { actorId, from: o.from, back }, now);
    const detail = { from: o.from, to: back };
    const subject = `customer:${moved.id}`;
    await recordAudit(unit, {
      orgId: moved.orgId,
      actor: actorId,
      action: 'customer.stage_undone',
      subject,
      detail,
      at: now,
    });
    return moved;
  });
}

/** Opposite entries for what the contract counted (its count and amount), in the months it counted them. */
async function takeBackContract(unit: Unit, customer: Customer, actorId: string, now: Date): Promise<void> {
  const sourceRef = `customer:${customer.id}`;
  for (const counted of await countedBySource(unit, customer.orgId, sourceRef)) {
    const entry = { orgId: customer.orgId, ...counted, value: -counted.value, source: 'contract' as const, sourceRef };
    await recordActual(unit, { ...entry, createdBy: actorId, createdAt: now });
  }
}

/** The owner's card shows the stage again, and the owner learns who took it back. */
type Step = { actorId: string; from: string; back: string };

async function tellOwner(unit: Unit, chart: OrgChart, moved: Customer, step: Step, now: Date): Promise<void> {
  const locale = await refreshCustomerCard(unit, chart, moved, now);
  const params = {
    customer: escapeMrkdwn(truncate(moved.name, 50)),
    by: escapeMrkdwn(chart.nameOf(step.actorId)),
    from: stageName(locale, step.from),
    stage: stageName(locale, step.back),
  };
  await queueDirectMessage(unit, moved.ownerId, { text: t(locale, 'customer.stage_undone', params) }, now);
}
