import { formatMoney } from '../../domain/deals/money.ts';
import { ENDED_STAGES } from '../../domain/deals/payments.ts';
import { maskPhone } from '../../domain/visits/phone.ts';
import { t, tFor, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { actions, button, section, type Block } from '../blocks.ts';
import { DealIds } from './deal-ids.ts';
import { scheduleText, type DealSchedule } from './deal-schedule.ts';

/** What a deal card shows; phones are masked, as everywhere a message may be read by others. */
export interface DealView {
  id: number;
  stage: string;
  ownerId: string;
  building: string;
  unitNumber: string;
  customerName: string;
  customerPhone: string;
  listPriceCents: number;
  priceCents: number;
  discountCents: number;
  depositCents: number;
  depositDate: string;
  signByDate: string;
  contractNo: string | null;
  totalCents: number | null;
  /** Why a cancelled deal ended (the 退訂 request's reason). */
  cancelReason?: string | null;
}

/** The summary's last line for a deal that ended: that it ended, and why. */
function endedLine(deal: DealView, locale: Locale, discount: string): string {
  if (deal.stage === 'declined') return t(locale, 'deal.card.ended_declined', { discount });
  const reason = deal.cancelReason?.trim();
  return reason
    ? t(locale, 'deal.card.ended_cancelled', { reason: escapeMrkdwn(truncate(reason, 200)) })
    : t(locale, 'deal.card.ended_cancelled_no_reason');
}

export const dealStageName = (locale: Locale, stage: string): string => tFor(locale, 'deal.stage', stage);

export function dealSummary(deal: DealView, o: { locale: Locale; currency: string; ownerName: string }): string {
  const money = (cents: number) => formatMoney(cents, o.currency, o.locale);
  // once signed, the contract replaces the sign-by date, which no longer binds anyone; once ended
  // (discount declined, 退訂 approved), why it ended replaces the dues it will never have
  const ended = ENDED_STAGES.includes(deal.stage);
  const signed = deal.contractNo !== null;
  const key = ended ? 'deal.card.body_ended' : signed ? 'deal.card.body_contracted' : 'deal.card.body';
  return t(o.locale, key, {
    id: deal.id,
    unit: escapeMrkdwn(`${deal.building} ${deal.unitNumber}`),
    customer: escapeMrkdwn(truncate(deal.customerName, 50)),
    phone: maskPhone(deal.customerPhone),
    owner: escapeMrkdwn(o.ownerName),
    stage: dealStageName(o.locale, deal.stage),
    list: money(deal.listPriceCents),
    discount: money(deal.discountCents),
    price: money(deal.totalCents ?? deal.priceCents),
    deposit: money(deal.depositCents),
    depositDate: deal.depositDate,
    signBy: deal.signByDate,
    contractNo: escapeMrkdwn(deal.contractNo ?? ''),
    ended: ended ? endedLine(deal, o.locale, money(deal.discountCents)) : '',
  });
}

export type CardDeal = DealView & {
  paymentMethod?: string | null;
  next?: { mortgage?: string; registration?: string };
  standing?: string;
  /** After 簽約: the payment plan, each item paid, due or overdue. */
  schedule?: DealSchedule;
};

/** The card's lines under the summary: the money standing, then the payment plan once signed. */
export function cardDetails(deal: CardDeal, o: { locale: Locale; currency: string }, standing?: string): string {
  const money = (cents: number) => formatMoney(cents, o.currency, o.locale);
  const parts = standing ? [standing] : [];
  if (deal.schedule) parts.push(scheduleText(o.locale, deal.schedule, money));
  return parts.join('\n');
}

/** What the one shown the buttons may do: the owner may do all; `/deal #id` shows each asker theirs. */
export interface DealActionsAllowed {
  sign: boolean;
  pay: boolean;
  steps: boolean;
  cancel: boolean;
}
const ALL: DealActionsAllowed = { sign: true, pay: true, steps: true, cancel: true };

/** The buttons for the deal's stage: 簽約, 回款, the mortgage and registration steps, 退訂. */
export function cardButtons(deal: CardDeal, locale: Locale, may: DealActionsAllowed = ALL) {
  const id = String(deal.id);
  const open = deal.stage === 'reserved' || deal.stage === 'contracted';
  const buttons = [];
  if (may.sign && deal.stage === 'reserved')
    buttons.push(button(t(locale, 'deal.button.sign'), DealIds.sign, id, 'primary'));
  if (may.pay && open) buttons.push(button(t(locale, 'deal.button.pay'), DealIds.pay, id));
  const step = (track: 'mortgage' | 'registration', name: string) =>
    t(locale, 'deal.button.step', { step: tFor(locale, `deal.step.${track}`, name) });
  const stepsOpen = may.steps && deal.stage === 'contracted';
  if (stepsOpen && deal.paymentMethod === 'mortgage' && deal.next?.mortgage)
    buttons.push(button(step('mortgage', deal.next.mortgage), DealIds.mortgageStep, id));
  // registration is independent of payment: a deal paid up (已售) may still be registered
  if (may.steps && (deal.stage === 'contracted' || deal.stage === 'sold') && deal.next?.registration)
    buttons.push(button(step('registration', deal.next.registration), DealIds.registrationStep, id));
  if (may.cancel && open) buttons.push(button(t(locale, 'deal.button.cancel'), DealIds.cancel, id, 'danger'));
  return buttons;
}

/** The deal's card, in its owner's DM: its thread carries the deal's notes. */
export function dealCard(
  deal: CardDeal,
  o: { locale: Locale; currency: string; ownerName: string },
): { text: string; blocks: Block[] } {
  const text = dealSummary(deal, o);
  const details = cardDetails(deal, o, deal.standing);
  const blocks: Block[] = [section(details ? `${text}\n${details}` : text, 'deal_body')];
  const buttons = cardButtons(deal, o.locale);
  if (buttons.length > 0) blocks.push(actions(DealIds.cardBlock, buttons));
  return { text, blocks };
}

/** The PM's approval request for a cancellation (退訂 / 退房), with the reason and the refund. */
export function cancelApproval(
  deal: DealView,
  o: { locale: Locale; currency: string; ownerName: string; byName: string; reason: string; refund: string },
): { text: string; blocks: Block[] } {
  const ask = t(o.locale, 'deal.cancel.ask', {
    by: escapeMrkdwn(o.byName),
    reason: escapeMrkdwn(truncate(o.reason, 500)),
    refund: o.refund,
  });
  const text = `${ask}\n${dealSummary(deal, o)}`;
  return {
    text,
    blocks: [
      section(text, 'deal_cancel'),
      actions(DealIds.approvalBlock, [
        button(t(o.locale, 'deal.cancel.approve'), DealIds.approveCancel, String(deal.id), 'danger'),
        button(t(o.locale, 'deal.cancel.decline'), DealIds.declineCancel, String(deal.id)),
      ]),
    ],
  };
}

/** The PM's answer to a discount: who, when, and approved, or declined and why. */
export interface DiscountDecision {
  approved: boolean;
  byName: string;
  /** When, as the reader's clock writes it (formatDateTime). */
  at: string;
  reason?: string;
}

/**
 * The PM's approval request for a discount beyond the salesperson's authority. Once decided it keeps
 * the request (who asked, the unit, the prices, the discount) without its buttons, and adds the decision.
 */
export function discountApproval(
  deal: DealView,
  o: { locale: Locale; currency: string; ownerName: string; byName: string; decision?: DiscountDecision },
): { text: string; blocks: Block[] } {
  // basis points in integers: 1.25% of the list price reads "1.25"
  const bp = deal.listPriceCents > 0 ? Math.round((deal.discountCents * 10_000) / deal.listPriceCents) : 0;
  const percent = `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;
  const ask = t(o.locale, o.decision ? 'deal.discount.asked' : 'deal.discount.ask', {
    by: escapeMrkdwn(o.byName),
    discount: formatMoney(deal.discountCents, o.currency, o.locale),
    percent,
  });
  const request = `${ask}\n${dealSummary(deal, o)}`;
  const { decision } = o;
  if (decision) {
    const by = escapeMrkdwn(decision.byName);
    const line = decision.approved
      ? t(o.locale, 'deal.discount.decided_approved', { by, at: decision.at })
      : t(o.locale, 'deal.discount.decided_declined', {
          by,
          at: decision.at,
          reason: escapeMrkdwn(truncate(decision.reason ?? '', 500)),
        });
    const blocks = [section(request, 'deal_discount'), section(line, 'deal_discount_decision')];
    return { text: `${request}\n${line}`, blocks };
  }
  return {
    text: request,
    blocks: [
      section(request, 'deal_discount'),
      actions(DealIds.approvalBlock, [
        button(t(o.locale, 'deal.discount.approve'), DealIds.approveDiscount, String(deal.id), 'primary'),
        button(t(o.locale, 'deal.discount.decline'), DealIds.declineDiscount, String(deal.id), 'danger'),
      ]),
    ],
  };
}
