import { findDeal, setDealMessages, type Deal } from '../../db/deals/deal-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t, type MessageKey, type MessageParams } from '../../i18n/index.ts';
import { dealCard, discountApproval } from '../../views/deals/deal-card.ts';
import { dueItemsOf, paymentsOf } from '../../db/deals/payment-repo.ts';
import { formatMoney } from '../../domain/deals/money.ts';
import { dealStanding } from '../../domain/deals/payments.ts';
import { standingText } from '../../views/deals/deal-standing.ts';
import { formatDate } from '../../lib/format-time.ts';
import { nextStep, planOf } from './deal-plan.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf } from '../org/locale-of.ts';

export { currencyOf } from '../../domain/org/currency-of.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';

/** The site's PM, who approves discounts and cancellations. */
export function projectManagerOf(chart: OrgChart): string | undefined {
  return chart.people.find((p) => p.role === 'project_manager')?.slackId;
}

/** The card: the deal, its next steps, and what is paid, due and overdue today. */
async function cardOf(tx: DbLike, chart: OrgChart, deal: Deal, now: Date) {
  const locale = localeOf(chart, deal.ownerId);
  const currency = currencyOf(chart);
  const plan = planOf(deal.plan);
  const items = await dueItemsOf(tx, deal.id);
  const money = dealStanding(deal.stage, items, await paymentsOf(tx, deal.id), formatDate(now, chart.data.timezone));
  const format = (cents: number) => formatMoney(cents, currency, locale);
  const next = { mortgage: nextStep(plan, 'mortgage'), registration: nextStep(plan, 'registration') };
  const view = { ...deal, next, standing: standingText(locale, money, format) };
  return dealCard(view, { locale, currency, ownerName: chart.nameOf(deal.ownerId) });
}

/** Posts the deal's card to its owner, and the PM's approval request when the discount needs one. */
export async function announceReservation(
  tx: DbLike,
  o: { chart: OrgChart; dealId: number; actorId: string; awaitingApproval: boolean; now: Date },
): Promise<void> {
  const { chart, now } = o;
  const deal = (await findDeal(tx, chart.data.orgId, o.dealId)) as Deal;
  const card = await queueDirectMessage(tx, deal.ownerId, await cardOf(tx, chart, deal, now), now);
  await setDealMessages(tx, deal.id, { cardOutboxId: card.id });
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

/** Rewrites the deal's card after a change. */
export async function refreshDealCard(tx: DbLike, chart: OrgChart, dealId: number, now: Date): Promise<Deal> {
  const deal = (await findDeal(tx, chart.data.orgId, dealId)) as Deal;
  if (deal.cardOutboxId)
    await enqueueMessage(
      tx,
      { method: 'chat.update', channel: '', args: await cardOf(tx, chart, deal, now), updateOfId: deal.cardOutboxId },
      now,
    );
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
  await enqueueMessage(
    tx,
    { method: 'chat.postMessage', channel: deal.ownerId, args: { text }, threadOfId: deal.cardOutboxId },
    now,
  );
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
  await queueDirectMessage(tx, personId, { text: t(localeOf(chart, personId), key, params) }, now);
}
