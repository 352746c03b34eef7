import { findDeal, keepDealCard, setDealMessages, type Deal } from '../../db/deals/deal-repo.ts';
import { messagesWrite, queueMessageKeepingId } from '../../db/delivery/outbox-repo.ts';
import { writeTogether, type DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t, type MessageKey, type MessageParams } from '../../i18n/index.ts';
import { dealCard, discountApproval } from '../../views/deals/deal-card.ts';
import { dueItemsRead, paymentsRead, type DueItem, type Payment } from '../../db/deals/payment-repo.ts';
import { readTogether } from '../../db/unit-of-work.ts';
import { formatMoney } from '../../domain/deals/money.ts';
import { dealStanding } from '../../domain/deals/payments.ts';
import { standingText } from '../../views/deals/deal-standing.ts';
import { formatDate } from '../../lib/format-time.ts';
import { nextStep, planOf, scheduleOf } from './deal-plan.ts';
import { directMessageWrite, queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf } from '../org/locale-of.ts';

export { currencyOf } from '../../domain/org/currency-of.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';

/** The site's PM, who approves discounts and cancellations. */
export function projectManagerOf(chart: OrgChart): string | undefined {
  return chart.people.find((p) => p.role === 'project_manager')?.slackId;
}

/** A deal as the unit of work already knows it after its change: the card is drawn without reading it again. */
export interface KnownDeal {
  deal: Deal;
  items: DueItem[];
  payments: Payment[];
}

/** The card: the deal, its next steps, and what is paid, due and overdue today. */
async function cardOf(tx: DbLike, chart: OrgChart, deal: Deal, now: Date, known?: KnownDeal) {
  const locale = localeOf(chart, deal.ownerId);
  const currency = currencyOf(chart);
  const plan = planOf(deal.plan);
  const [items, payments] = known
    ? [known.items, known.payments]
    : await readTogether(tx, [dueItemsRead(deal.id), paymentsRead(deal.id)]);
  const today = formatDate(now, chart.data.timezone);
  const money = dealStanding(deal.stage, items, payments, today);
  const format = (cents: number) => formatMoney(cents, currency, locale);
  const next = { mortgage: nextStep(plan, 'mortgage'), registration: nextStep(plan, 'registration') };
  const view = {
    ...deal,
    next,
    standing: standingText(locale, money, format),
    schedule: scheduleOf(deal, items, today),
  };
  return dealCard(view, { locale, currency, ownerName: chart.nameOf(deal.ownerId) });
}

/** Posts the deal's card to its owner, and the PM's approval request when the discount needs one. */
export async function announceReservation(
  tx: DbLike,
  o: { chart: OrgChart; dealId: number; actorId: string; awaitingApproval: boolean; now: Date },
): Promise<void> {
  const { chart, now } = o;
  const deal = (await findDeal(tx, chart.data.orgId, o.dealId)) as Deal;
  // the card and its id on the deal go with the unit's next statement or its COMMIT on PostgreSQL
  const card = { method: 'chat.postMessage' as const, channel: deal.ownerId, args: await cardOf(tx, chart, deal, now) };
  await queueMessageKeepingId(tx, card, now, keepDealCard(deal.id));
  const pm = projectManagerOf(chart);
  if (!o.awaitingApproval || !pm) return;
  const locale = localeOf(chart, pm);
  const request = discountApproval(deal, {
    locale,
    currency: currencyOf(chart),
    ownerName: chart.nameOf(deal.ownerId),
    byName: chart.nameOf(o.actorId),
  });
  const sent = await queueDirectMessage(tx, pm, request, now);
  await setDealMessages(tx, deal.id, { approvalOutboxId: sent.id });
}

/** Rewrites the deal's card after a change; from what the unit knows of it (`known`), or read again. */
export async function refreshDealCard(
  tx: DbLike,
  chart: OrgChart,
  dealId: number,
  now: Date,
  known?: KnownDeal,
): Promise<Deal> {
  const deal = known?.deal ?? ((await findDeal(tx, chart.data.orgId, dealId)) as Deal);
  // nobody reads the messages' ids: with the unit's next statement or its COMMIT on PostgreSQL
  if (deal.cardOutboxId) {
    const update = { method: 'chat.update' as const, channel: '', args: await cardOf(tx, chart, deal, now, known) };
    await writeTogether(tx, [messagesWrite([{ ...update, updateOfId: deal.cardOutboxId }], now)]);
  }
  return deal;
}

/** A note in the deal's thread (under its card), in the owner's language. */
export async function noteInDealThread(
  tx: DbLike,
  chart: OrgChart,
  deal: Deal,
  note: { key: MessageKey; params?: MessageParams },
  now: Date,
): Promise<void> {
  if (!deal.cardOutboxId) return;
  const text = t(localeOf(chart, deal.ownerId), note.key, note.params);
  const reply = { method: 'chat.postMessage' as const, channel: deal.ownerId, args: { text } };
  await writeTogether(tx, [messagesWrite([{ ...reply, threadOfId: deal.cardOutboxId }], now)]);
}

/** A direct message to one person in their language. */
export async function tell(
  tx: DbLike,
  chart: OrgChart,
  personId: string,
  key: MessageKey,
  params: MessageParams,
  now: Date,
): Promise<void> {
  await writeTogether(tx, [directMessageWrite(personId, { text: t(localeOf(chart, personId), key, params) }, now)]);
}
