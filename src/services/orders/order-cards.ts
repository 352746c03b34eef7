import { creditOf } from '../../db/accounts/credit-repo.ts';
import { findAccountById, findAccountWithDistributor, type Account } from '../../db/accounts/account-repo.ts';
import { creditHolderFrom } from './credit-holder.ts';
import {
  enqueueMessage,
  queueMessagesKeepingIds,
  repliesWrite,
  type OutgoingMessage,
} from '../../db/delivery/outbox-repo.ts';
import {
  cardsOf,
  changesOf,
  firstCardOf,
  keepOrderCards,
  linesOf,
  type Order,
  type OrderChangeRow,
  type StoredLine,
} from '../../db/orders/order-repo.ts';
import type { DbLike, Write } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { holdReason, orderCard, type OrderShown } from '../../views/orders/order-card.ts';
import { localeOf } from '../org/locale-of.ts';

const orgLocale = (chart: OrgChart) => chart.data.locale as Locale;

/** Where the SSG works orders: its channel, else its leader's DM. */
export const ssgDesk = (chart: OrgChart): string | undefined =>
  chart.channel('ssg') ?? chart.firstWithRole('ssg_leader')?.slackId;

/** Who decides a held order's step: the SSG leader, then the sales director. */
export function approverOf(chart: OrgChart, step: string): string | undefined {
  if (step === 'sales_director')
    return (chart.firstWithRole('sales_director') ?? chart.firstWithRole('general_manager'))?.slackId;
  if (step === 'ssg_leader') return chart.firstWithRole('ssg_leader')?.slackId;
  return undefined;
}

/** The owner's KAM: the owner when a KAM, else the KAM above the owning rep. */
export function kamOf(chart: OrgChart, ownerId: string): string | undefined {
  if (!ownerId) return undefined;
  if (chart.person(ownerId)?.role === 'key_account_manager') return ownerId;
  return chart.chainOf(ownerId).find((id) => chart.person(id)?.role === 'key_account_manager');
}

type ChangeShown = ReturnType<typeof changeShown>;

function changeShown(chart: OrgChart, c: OrderChangeRow) {
  return {
    actor: chart.nameOf(c.actorId),
    toState: c.toState,
    at: formatDateTime(c.at, chart.data.timezone),
    note: c.note,
  };
}

/** Whether the order was held with no rating to go by: its holder's (an outlet's distributor's) none. */
async function isUnrated(db: DbLike, order: Order): Promise<boolean> {
  const found = await findAccountWithDistributor(db, order.accountId);
  const holder = found ? creditHolderFrom(found.account, found.distributor) : ({ kind: 'none' } as const);
  return holder.kind !== 'none' && (await creditOf(db, holder.account.id)) === null;
}

/** What the order's views show, from what is known of it: names resolved. */
function shownOf(
  chart: OrgChart,
  order: Order,
  known: { account: Pick<Account, 'code' | 'name'> | null; lines: StoredLine[]; last?: ChangeShown; unrated: boolean },
): OrderShown {
  const approver = approverOf(chart, order.approvalStep);
  return {
    ...order,
    currency: currencyOf(chart),
    account: {
      code: known.account?.code ?? '?',
      name: known.account?.name ?? '?',
      market: chart.market(order.market)?.name ?? order.market,
    },
    owner: order.ownerId ? chart.nameOf(order.ownerId) : '',
    enteredBy: chart.nameOf(order.enteredById),
    lines: known.lines,
    approver: approver ? chart.nameOf(approver) : undefined,
    last: known.last,
    unrated: known.unrated,
  };
}

/** The order as its views show it, names resolved, read from the database; with its history. */
export async function orderShown(
  db: DbLike,
  chart: OrgChart,
  order: Order,
): Promise<{ shown: OrderShown; history: ChangeShown[] }> {
  const account = await findAccountById(db, order.accountId);
  const lines = await linesOf(db, order.id);
  const history = (await changesOf(db, order.id)).map((c) => changeShown(chart, c));
  const unrated = await isUnrated(db, order);
  return { shown: shownOf(chart, order, { account, lines, last: history.at(-1), unrated }), history };
}

/**
 * What a new order's cards show, from what placing it knows (no read: placing holds its distributor's
 * exposure row and the organisation's counter while it runs): its account, its lines named, the one
 * change that made it, and whether its holder is rated.
 */
export function newOrderShown(
  chart: OrgChart,
  order: Order,
  known: { account: Account; lines: StoredLine[]; change: OrderChangeRow; unrated: boolean },
): OrderShown {
  return shownOf(chart, order, { ...known, last: changeShown(chart, known.change) });
}

/** The copies that carry the buttons while held: the SSG desk's, and the director's once it is their step. */
function decides(chart: OrgChart, channel: string): boolean {
  return channel === ssgDesk(chart) || channel === approverOf(chart, 'sales_director');
}

/**
 * Queues a new order's cards: in the SSG's desk (where a held order's thread takes 通過), and to the
 * account's owner, the owner's KAM and whoever entered it. A held order's thread names its approver.
 * `shown` is what the cards show (newOrderShown). The cards and their rows wait for the unit's next
 * statement (queueMessagesKeepingIds); the thread note is returned, for writeTogether.
 */
export async function postOrderCards(
  unit: DbLike,
  chart: OrgChart,
  order: Order,
  shown: OrderShown,
  now: Date,
): Promise<Write[]> {
  const locale = orgLocale(chart);
  const desk = ssgDesk(chart);
  const origin = { kind: 'order', ref: order.number, by: order.enteredById };
  const people = [order.ownerId, kamOf(chart, order.ownerId), order.enteredById].filter(
    (id): id is string => !!id && !chart.isSsg(id),
  );
  const targets = [...new Set([...(desk ? [desk] : []), ...people])];
  const cards = targets.map((channel) => {
    const args = orderCard(shown, channel === desk ? locale : localeOf(chart, channel), channel === desk);
    return { method: 'chat.postMessage' as const, channel, args, origin };
  });
  if (cards.length === 0) return [];
  await queueMessagesKeepingIds(unit, cards, now, keepOrderCards(order.id));
  const ask = desk && order.state === 'pending_credit' ? approverAsk(chart, order, !!shown.unrated) : undefined;
  // the desk's card is the first queued: the lowest of the order's cards
  return ask ? [repliesWrite([ask], firstCardOf(order.id), now)] : [];
}

/** The note in the desk card's thread naming who must decide, and the reason (its thread given by the caller). */
function approverAsk(chart: OrgChart, order: Order, unrated: boolean): Omit<OutgoingMessage, 'threadOfId'> | undefined {
  const approver = approverOf(chart, order.approvalStep);
  if (!approver) return undefined;
  const locale = orgLocale(chart);
  const text = t(locale, 'order.thread.ask', {
    approver: `<@${approver}>`,
    why: holdReason({ ...order, unrated }, locale, currencyOf(chart)),
  });
  return { method: 'chat.postMessage', channel: '', args: { text } };
}

/** A note in the desk card's thread naming who must decide, and the reason. */
export async function askApprover(unit: DbLike, chart: OrgChart, order: Order, deskCardId: number, now: Date) {
  const ask = approverAsk(chart, order, await isUnrated(unit, order));
  if (ask) await enqueueMessage(unit, { ...ask, threadOfId: deskCardId }, now);
}

/** Rewrites every card of the order (chat.update through the outbox) and notes the change in the desk's thread. */
export async function refreshOrderCards(
  unit: DbLike,
  chart: OrgChart,
  order: Order,
  now: Date,
  threadNote?: string,
): Promise<void> {
  const { shown } = await orderShown(unit, chart, order);
  const desk = ssgDesk(chart);
  for (const card of await cardsOf(unit, order.id)) {
    const locale = card.channel === desk ? orgLocale(chart) : localeOf(chart, card.channel);
    const args = orderCard(shown, locale, decides(chart, card.channel));
    await enqueueMessage(unit, { method: 'chat.update', channel: '', args, updateOfId: card.outboxId }, now);
    if (threadNote && card.channel === desk)
      await enqueueMessage(
        unit,
        { method: 'chat.postMessage', channel: '', args: { text: threadNote }, threadOfId: card.outboxId },
        now,
      );
  }
}

/** The desk card's outbox row, for a thread note. */
export async function deskCardOf(unit: DbLike, chart: OrgChart, orderId: number): Promise<number | undefined> {
  const desk = ssgDesk(chart);
  return (await cardsOf(unit, orderId)).find((c) => c.channel === desk)?.outboxId;
}

/** The DM telling the account's owner that the order is held, released or refused. */
export function ownerNotice(
  chart: OrgChart,
  order: Order,
  what: 'held' | 'released' | 'refused',
  unrated: boolean,
  reason = '',
): OutgoingMessage {
  const to = order.ownerId || order.enteredById;
  const locale = localeOf(chart, to);
  const text = t(locale, `order.dm.${what}`, {
    number: order.number,
    why: holdReason({ ...order, unrated }, locale, currencyOf(chart)),
    reason,
  });
  return {
    method: 'chat.postMessage',
    channel: to,
    args: { text },
    origin: { kind: 'order', ref: order.number, by: order.enteredById },
  };
}

/** Tells the account's owner that the order is held, released or refused (a DM beside the card). */
export async function tellOwner(
  unit: DbLike,
  chart: OrgChart,
  order: Order,
  what: 'held' | 'released' | 'refused',
  now: Date,
  reason = '',
): Promise<void> {
  await enqueueMessage(unit, ownerNotice(chart, order, what, await isUnrated(unit, order), reason), now);
}
