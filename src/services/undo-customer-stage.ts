import { recordAudit } from '../db/audit-repo.ts';
import { findCustomer, lastMoveInto, moveCustomerStage, type Customer } from '../db/customer-repo.ts';
import type { Db } from '../db/database.ts';
import { enqueueMessage } from '../db/outbox-repo.ts';
import { countedBySource, recordActual } from '../db/target-repo.ts';
import type { OrgChart } from '../domain/org/org-chart.ts';
import { previousStage, type DealStage } from '../domain/visits/deal-stages.ts';
import { t } from '../i18n/index.ts';
import { AppError, ErrorCode } from '../lib/app-error.ts';
import type { Clock } from '../lib/clock.ts';
import { escapeMrkdwn, truncate } from '../lib/text.ts';
import { customerCard, stageName } from '../views/customer-card.ts';
import { localeOf } from './locale-of.ts';
import { queueDirectMessage } from './visit-messages.ts';

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
  if (!customer || customer.orgId !== chart.data.orgId) throw new AppError(ErrorCode.NotFound, { what: `#${o.customerId}` });
  if (!mayUndoStage(chart, actorId, customer.ownerId)) throw new AppError(ErrorCode.Forbidden, {}, 'not above owner', 'customer.undo_not_allowed');
  const lostFrom = customer.stage === 'lost' ? (await lastMoveInto(o.db, customer.id, 'lost'))?.fromStage : undefined;
  const back = customer.stage === o.from ? previousStage(customer.stage as DealStage, lostFrom) : undefined;
  const locale = localeOf(chart, actorId);
  if (!back) throw new AppError(ErrorCode.InvalidInput, { stage: stageName(locale, customer.stage) }, `undo ${customer.stage}`, 'customer.undo_none');
  const now = o.clock.now();
  return o.db.$transaction(async (tx) => {
    if (!(await moveCustomerStage(tx, customer.id, o.from, back, now, actorId, 'undo'))) {
      throw new AppError(ErrorCode.InvalidInput, { stage: stageName(locale, customer.stage) }, 'moved concurrently', 'customer.undo_none');
    }
    if (o.from === 'contracted') {
      const sourceRef = `customer:${customer.id}`;
      for (const counted of await countedBySource(tx, customer.orgId, sourceRef)) {
        await recordActual(tx, { orgId: customer.orgId, ...counted, value: -counted.value, source: 'contract', sourceRef, createdBy: actorId, createdAt: now });
      }
    }
    const moved = (await findCustomer(tx, customer.id)) as Customer;
    const ownerLocale = localeOf(chart, moved.ownerId);
    const card = customerCard(moved, { locale: ownerLocale, timeZone: chart.data.timezone, ownerName: chart.nameOf(moved.ownerId) });
    if (moved.cardOutboxId) await enqueueMessage(tx, { method: 'chat.update', channel: '', args: card, updateOfId: moved.cardOutboxId }, now);
    const params = { customer: escapeMrkdwn(truncate(moved.name, 50)), by: escapeMrkdwn(chart.nameOf(actorId)), from: stageName(ownerLocale, o.from), stage: stageName(ownerLocale, back) };
    await queueDirectMessage(tx, moved.ownerId, { text: t(ownerLocale, 'customer.stage_undone', params) }, now);
    await recordAudit(tx, { orgId: moved.orgId, actor: actorId, action: 'customer.stage_undone', subject: `customer:${moved.id}`, detail: { from: o.from, to: back }, at: now });
    return moved;
  });
}
