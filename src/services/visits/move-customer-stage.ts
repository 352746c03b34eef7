import { transaction, type Db, type DbLike, type Unit } from '../../db/unit-of-work.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { findCustomer, moveCustomerStage, type Customer } from '../../db/visits/customer-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import { recordActual } from '../../db/targets/target-repo.ts';
import { drivingDealOf } from '../../db/deals/deal-repo.ts';
import { formatDate } from '../../lib/format-time.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { CONTRACT_AMOUNT_MAX_CENTS, formatMoney } from '../../domain/deals/money.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { canMove, followsDeal, type DealStage } from '../../domain/visits/deal-stages.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { customerCard, stageName } from '../../views/visits/customer-card.ts';
import { localeOf } from '../org/locale-of.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';

export interface MoveCustomerStageOptions {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  customerId: number;
  actorId: string;
  /** The stage the actor saw; a stale button acts on nothing. */
  from: DealStage;
  to: DealStage;
  reason?: string;
  /** On reaching 簽約: the contract's amount in cents (required), counted toward the owner's targets. */
  contractAmountCents?: number;
}

/** The owner, anyone above them, and the site office (deputy, secretary) move a deal on. */
export function mayWorkOnCustomer(chart: OrgChart, actorId: string, ownerId: string): boolean {
  return (
    actorId === ownerId ||
    chart.isAbove(actorId, ownerId) ||
    (chart.isSiteWide(actorId) && chart.canSee(actorId, ownerId))
  );
}

/** Rewrites the owner's card of a customer file in the owner's language (no hand 簽約 while a deal drives it). */
export async function refreshCustomerCard(
  unit: DbLike,
  chart: OrgChart,
  customer: Customer,
  now: Date,
): Promise<Locale> {
  const locale = localeOf(chart, customer.ownerId);
  const card = customerCard(customer, {
    locale,
    timeZone: chart.data.timezone,
    ownerName: chart.nameOf(customer.ownerId),
    deal: (await drivingDealOf(unit, customer.id)) ?? undefined,
  });
  if (customer.cardOutboxId)
    await enqueueMessage(
      unit,
      { method: 'chat.update', channel: '', args: card, updateOfId: customer.cardOutboxId },
      now,
    );
  return locale;
}

/** Refuses a move the actor may not make, the stage does not allow, or a contract without a sound amount. */
function checkMove(o: MoveCustomerStageOptions, customer: Customer | null): asserts customer is Customer {
  const { chart, actorId } = o;
  if (!customer || customer.orgId !== chart.data.orgId)
    throw new AppError(ErrorCode.NotFound, { what: `#${o.customerId}` });
  if (!mayWorkOnCustomer(chart, actorId, customer.ownerId))
    throw new AppError(ErrorCode.Forbidden, {}, 'not owner or chain', 'customer.not_allowed');
  const locale = localeOf(chart, actorId);
  const stageParams = { stage: stageName(locale, customer.stage), to: stageName(locale, o.to) };
  if (customer.stage !== o.from || !canMove(customer.stage as DealStage, o.to)) {
    throw new AppError(
      ErrorCode.InvalidInput,
      stageParams,
      `${customer.stage} -> ${o.to}`,
      'customer.stage_not_allowed',
    );
  }
  const cents = o.contractAmountCents ?? 0;
  if (o.to === 'contracted' && !(Number.isInteger(cents) && cents > 0 && cents <= CONTRACT_AMOUNT_MAX_CENTS)) {
    const max = formatMoney(CONTRACT_AMOUNT_MAX_CENTS, currencyOf(o.chart), localeOf(o.chart, o.actorId));
    throw new AppError(
      ErrorCode.InvalidInput,
      { max },
      `contract amount ${cents}`,
      'customer.contract.error.too_large',
    );
  }
  if (o.to === 'lost' && !(o.reason ?? '').trim()) throw new AppError(ErrorCode.InvalidInput, { reason: '—' });
}

export async function moveStage(o: MoveCustomerStageOptions): Promise<Customer> {
  const { chart, actorId } = o;
  const customer = await findCustomer(o.db, o.customerId);
  checkMove(o, customer);
  await refuseWhenDealDrives(o.db, customer.id, o.to);
  const locale = localeOf(chart, actorId);
  const stageParams = { stage: stageName(locale, customer.stage), to: stageName(locale, o.to) };
  const reason = (o.reason ?? '').trim();
  const now = o.clock.now();
  return transaction(o.db, async (unit) => {
    if (!(await moveCustomerStage(unit, customer.id, o.from, o.to, now, actorId, reason || undefined))) {
      throw new AppError(ErrorCode.InvalidInput, stageParams, 'moved concurrently', 'customer.stage_not_allowed');
    }
    const moved = (await findCustomer(unit, customer.id)) as Customer;
    if (o.to === 'contracted') await countContract(unit, o, moved, now);
    const ownerLocale = await refreshCustomerCard(unit, chart, moved, now);
    if (actorId !== moved.ownerId) {
      const params = {
        customer: escapeMrkdwn(truncate(moved.name, 50)),
        by: escapeMrkdwn(chart.nameOf(actorId)),
        stage: stageName(ownerLocale, o.to),
        reason: escapeMrkdwn(truncate(reason, 300)),
      };
      const text = t(ownerLocale, o.to === 'lost' ? 'customer.stage_lost' : 'customer.stage_moved', params);
      await queueDirectMessage(unit, moved.ownerId, { text }, now);
    }
    await recordAudit(unit, {
      orgId: moved.orgId,
      actor: actorId,
      action: 'customer.stage_moved',
      subject: `customer:${moved.id}`,
      detail: { from: o.from, to: o.to },
      at: now,
    });
    return moved;
  });
}

/**
 * A file with a deal follows the deal: its 簽約 and every stage after it are the deal's (counted there,
 * once), never a move of the file's own, nor taken back by the file's undo. (A hand move to 認購 counts
 * nothing; the deal finds it there.)
 */
export async function refuseWhenDealDrives(db: DbLike, customerId: number, stage: string): Promise<void> {
  if (!followsDeal(stage) && stage !== 'lost') return;
  const deal = await drivingDealOf(db, customerId);
  // a file whose deal stands is not lost: the deal is cancelled (退訂), and the file follows it
  if (deal !== null && stage === 'lost' && deal.stage !== 'sold')
    throw new AppError(ErrorCode.InvalidInput, { id: deal.id }, 'the deal stands', 'customer.lost_deal_active');
  if (deal !== null && stage !== 'lost')
    throw new AppError(
      ErrorCode.InvalidInput,
      { id: deal.id },
      'the deal drives the file',
      'customer.stage_follows_deal',
    );
}

/** A signed contract counts toward the owner's targets: one contract and its amount. */
async function countContract(unit: Unit, o: MoveCustomerStageOptions, moved: Customer, now: Date): Promise<void> {
  const base = {
    orgId: moved.orgId,
    month: formatDate(now, o.chart.data.timezone).slice(0, 7),
    personId: moved.ownerId,
    account: moved.name,
    source: 'contract' as const,
    sourceRef: `customer:${moved.id}`,
    createdBy: o.actorId,
    createdAt: now,
  };
  await recordActual(unit, { ...base, metric: 'contracts', value: 1 });
  // targets count amounts in cents, as the contract's amount was checked exactly above
  await recordActual(unit, { ...base, metric: 'amount', value: o.contractAmountCents ?? 0 });
}
