import { recordAudit } from '../../db/audit-repo.ts';
import { moveExposure } from '../../db/orders/exposure-repo.ts';
import {
  findOrder,
  findOrderByMessage,
  findOrderByNumber,
  moveOrder,
  recordOrderChange,
  type Order,
} from '../../db/orders/order-repo.ts';
import type { Db, DbLike } from '../../db/unit-of-work.ts';
import { transaction } from '../../db/unit-of-work.ts';
import { nextStep, type ApprovalStep } from '../../domain/orders/credit-check.ts';
import { mayCancelOrder, mayDecideStep } from '../../domain/orders/order-access.ts';
import { DEFAULT_ORDER_SETTINGS, directorThresholdCents } from '../../domain/orders/order-settings.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import { approverOf, askApprover, deskCardOf, refreshOrderCards, tellOwner } from './order-cards.ts';
import { orderCard } from '../../views/orders/order-card.ts';
import { orderShown } from './order-cards.ts';
import { addOrderCard, changesOf } from '../../db/orders/order-repo.ts';
import { localeOf } from '../org/locale-of.ts';
import { alreadyHandled } from '../org/already-handled.ts';

const orgLocale = (chart: OrgChart) => chart.data.locale as Locale;

/** The order one of whose cards started this thread, if any (a reply 通過 there approves it). */
export async function orderOfThread(o: { db: Db; channel: string; threadTs: string }): Promise<number | undefined> {
  return (await findOrderByMessage(o.db, o.channel, o.threadTs))?.id;
}

async function orderIn(db: DbLike, chart: OrgChart, orderId: number): Promise<Order> {
  const order = await findOrder(db, orderId);
  if (!order || order.orgId !== chart.data.orgId)
    throw new AppError(ErrorCode.NotFound, { what: `#${orderId}` }, 'no such order');
  return order;
}

function notHeld(chart: OrgChart, order: Order): AppError {
  const state = t(orgLocale(chart), `order.state.${order.state === 'cancelled' ? 'cancelled' : 'approved'}`);
  return new AppError(ErrorCode.InvalidInput, { number: order.number, state }, 'not held', 'order.not_held');
}

function requireDecider(chart: OrgChart, deciderId: string, order: Order): ApprovalStep {
  if (order.state !== 'pending_credit') throw notHeld(chart, order);
  const step = order.approvalStep === 'sales_director' ? 'sales_director' : 'ssg_leader';
  if (!mayDecideStep(chart, deciderId, step)) {
    const approver = chart.nameOf(approverOf(chart, step) ?? '');
    throw new AppError(ErrorCode.Forbidden, { approver }, `${deciderId} may not decide`, 'order.decide.forbidden');
  }
  return step;
}

/**
 * A second click on a decided step: the order moved past the step the asker decides (released,
 * refused, cancelled, or passed on to the director after the SSG leader's approval). Answered as every
 * approval answers it, with who decided and when ("你已於…處理過" to the one who did); undefined
 * while the asker's step is still open, or when nobody decided it from the held state.
 */
async function decidedAlready(db: DbLike, chart: OrgChart, order: Order, askerId: string) {
  const held = order.state === 'pending_credit';
  const leaderStepDone = held && order.approvalStep === 'sales_director' && mayDecideStep(chart, askerId, 'ssg_leader');
  if (held && (!leaderStepDone || mayDecideStep(chart, askerId, 'sales_director'))) return undefined;
  const decided = (await changesOf(db, order.id)).filter((c) => c.fromState === 'pending_credit').at(-1);
  if (!decided) return undefined;
  return alreadyHandled(chart, { by: decided.actorId, at: decided.at, askerId, detail: `order ${order.id} decided` });
}

/** The order as the asker may decide it now: refused with who decided it when that is done already. */
async function requireOpenStep(db: DbLike, chart: OrgChart, deciderId: string, order: Order): Promise<ApprovalStep> {
  const done = await decidedAlready(db, chart, order, deciderId);
  if (done) throw done;
  return requireDecider(chart, deciderId, order);
}

/** Before the reason is asked: refuses who may not reject, or an order no longer held. */
export async function checkMayDecide(o: { db: DbLike; chart: OrgChart; orderId: number; deciderId: string }) {
  await requireOpenStep(o.db, o.chart, o.deciderId, await orderIn(o.db, o.chart, o.orderId));
}

/**
 * Approves a held order's current step, by button or by a reply 通過 in a card's thread. The SSG
 * leader's approval releases it, unless the excess is above the director threshold: then it goes on
 * to the sales director (a card with the buttons in their DM). Every card is rewritten; the owner is told.
 */
export async function approveOrder(o: { db: Db; clock: Clock; chart: OrgChart; orderId: number; deciderId: string }) {
  const { chart, deciderId } = o;
  const order = await orderIn(o.db, chart, o.orderId);
  const step = await requireOpenStep(o.db, chart, deciderId, order);
  const settings = chart.data.orders ?? DEFAULT_ORDER_SETTINGS;
  const next = nextStep(step, order.excessCents, directorThresholdCents(settings), order.totalCents);
  const now = o.clock.now();
  const to = next ? { state: 'pending_credit', step: next } : { state: 'approved', step: '' };
  const moved = await transaction(o.db, async (unit) => {
    const from = { state: order.state, step: order.approvalStep };
    if (!(await moveOrder(unit, { id: order.id, from, to, deciderId, now }))) return false;
    const note = next ? t(orgLocale(chart), 'order.change.to_director') : '';
    await recordOrderChange(unit, { ...change(order, to.state, deciderId, now), note });
    await recordAudit(unit, {
      orgId: order.orgId,
      actor: deciderId,
      action: 'order.approve',
      subject: order.number,
      at: now,
    });
    const after = await orderIn(unit, chart, order.id);
    const noteKey = next ? 'order.thread.passed_on' : 'order.thread.approved';
    await refreshOrderCards(
      unit,
      chart,
      after,
      now,
      t(orgLocale(chart), noteKey, { decider: chart.nameOf(deciderId) }),
    );
    if (next) await sendDirectorCard(unit, chart, after, now);
    else await tellOwner(unit, chart, after, 'released', now);
    return true;
  });
  if (!moved) throw await racedAway(o.db, chart, order.id, deciderId);
}

/** Decided by someone else between the read and the write: who did it, as a second click is told. */
async function racedAway(db: DbLike, chart: OrgChart, orderId: number, askerId: string): Promise<AppError> {
  const now = await orderIn(db, chart, orderId);
  return (await decidedAlready(db, chart, now, askerId)) ?? notHeld(chart, now);
}

const change = (order: Order, toState: string, actorId: string, at: Date) => ({
  orgId: order.orgId,
  orderId: order.id,
  fromState: order.state,
  toState,
  actorId,
  at,
});

/** The sales director's own card, with the buttons, and a note in the desk's thread naming them. */
async function sendDirectorCard(unit: DbLike, chart: OrgChart, order: Order, now: Date): Promise<void> {
  const director = approverOf(chart, 'sales_director');
  if (!director) return;
  const { shown } = await orderShown(unit, chart, order);
  const args = orderCard(shown, localeOf(chart, director), true);
  const origin = { kind: 'order', ref: order.number, by: order.enteredById };
  const { id } = await enqueueMessage(unit, { method: 'chat.postMessage', channel: director, args, origin }, now);
  await addOrderCard(unit, order.id, id);
  const desk = await deskCardOf(unit, chart, order.id);
  if (desk !== undefined) await askApprover(unit, chart, order, desk, now);
}

/** Refuses a held order with a reason: it is cancelled and its amount leaves the account's open orders. */
export async function rejectOrder(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  orderId: number;
  deciderId: string;
  reason: string;
}) {
  const { chart, deciderId } = o;
  const order = await orderIn(o.db, chart, o.orderId);
  await requireOpenStep(o.db, chart, deciderId, order);
  await cancelInUnit(o.db, chart, order, deciderId, o.reason, o.clock.now(), 'refused');
}

/** `/order cancel SO-000001 reason`: while held or approved and not shipped; the exposure is released. */
export async function cancelOrder(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  number: string;
  reason: string;
}): Promise<Order> {
  const { chart } = o;
  const order = await findOrderByNumber(o.db, chart.data.orgId, o.number.toUpperCase());
  if (!order) throw new AppError(ErrorCode.NotFound, { number: o.number }, 'no such order', 'order.not_found');
  if (!mayCancelOrder(chart, o.askerId, order))
    throw new AppError(ErrorCode.Forbidden, {}, 'may not cancel', 'order.cancel.forbidden');
  if (order.state === 'cancelled') throw await alreadyCancelled(o.db, chart, order);
  if (order.state !== 'pending_credit' && order.state !== 'approved')
    throw new AppError(ErrorCode.InvalidInput, { number: order.number }, 'too late', 'order.cancel.too_late');
  await cancelInUnit(o.db, chart, order, o.askerId, o.reason, o.clock.now(), 'cancelled');
  return order;
}

/** An order cancelled already: who cancelled it and when, from its history. */
async function alreadyCancelled(db: Db, chart: OrgChart, order: Order): Promise<AppError> {
  const last = (await changesOf(db, order.id)).filter((c) => c.toState === 'cancelled').at(-1);
  const params = {
    number: order.number,
    name: last ? chart.nameOf(last.actorId) : '—',
    at: last ? formatDateTime(last.at, chart.data.timezone) : '—',
  };
  return new AppError(ErrorCode.InvalidInput, params, 'already cancelled', 'order.cancel.already');
}

async function cancelInUnit(
  db: Db,
  chart: OrgChart,
  order: Order,
  actorId: string,
  reason: string,
  now: Date,
  kind: 'refused' | 'cancelled',
): Promise<void> {
  const to = { state: 'cancelled', step: '' };
  const done = await transaction(db, async (unit) => {
    const from = { state: order.state, step: order.approvalStep };
    if (!(await moveOrder(unit, { id: order.id, from, to, deciderId: actorId, cancelReason: reason, now })))
      return false;
    const accountId = order.accountId;
    await moveExposure(unit, {
      orgId: order.orgId,
      accountId,
      ordersCents: -order.totalCents,
      receivableCents: 0,
      now,
    });
    await recordOrderChange(unit, { ...change(order, 'cancelled', actorId, now), note: reason });
    await recordAudit(unit, {
      orgId: order.orgId,
      actor: actorId,
      action: `order.${kind}`,
      subject: order.number,
      at: now,
    });
    const after = await orderIn(unit, chart, order.id);
    const note = t(orgLocale(chart), `order.thread.${kind}`, { decider: chart.nameOf(actorId), reason });
    await refreshOrderCards(unit, chart, after, now, note);
    if (kind === 'refused') await tellOwner(unit, chart, after, 'refused', now, reason);
    return true;
  });
  if (!done) throw notHeld(chart, await orderIn(db, chart, order.id));
}
