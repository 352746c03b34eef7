import type { Customer } from '../../db/visits/customer-repo.ts';
import { DEAL_STAGES, followsDeal, nextStage, isFinished, type DealStage } from '../../domain/visits/deal-stages.ts';
import { maskPhone } from '../../domain/visits/phone.ts';
import { t, type Locale, tFor } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { CustomerIds } from '../ids.ts';
import { DealIds } from '../deals/deal-ids.ts';
import type { Button } from '@slack/types';
import { actions, button, header, plain, section, type Block } from '../blocks.ts';

/** The customer's deal that drives the file (see drivingDealOf). */
export interface DrivingDeal {
  id: number;
  stage: string;
}

export const stageName = (locale: Locale, stage: string): string => tFor(locale, 'stage', stage);

/** A customer file (客戶檔案) with buttons to move its deal on, or mark it lost. */
/** Slack asks before a stage button acts: a deal never moves on a slip of the finger. */
function confirmed(locale: Locale, element: Button, stage: string, customerName: string): Button {
  return {
    ...element,
    confirm: {
      title: plain(t(locale, 'customer.confirm.title'), 100),
      text: plain(t(locale, 'customer.confirm.text', { customer: truncate(customerName, 50), stage }), 300),
      confirm: plain(t(locale, 'customer.confirm.yes'), 30),
      deny: plain(t(locale, 'customer.confirm.no'), 30),
    },
  };
}

/**
 * `canUndo`: the card is shown to someone above the owner, who may take the last step back.
 * `deal`: a deal drives the file, so no button moves it to or back from 簽約 or a later stage; the card
 * shows the deal's state and where to act on it instead.
 */
export function customerCard(
  customer: Customer,
  o: {
    locale: Locale;
    timeZone: string;
    ownerName: string;
    showPhone?: boolean;
    canUndo?: boolean;
    deal?: DrivingDeal;
  },
): { text: string; blocks: Block[] } {
  const { locale } = o;
  const title = t(locale, 'customer.card.header', { customer: truncate(customer.name, 50) });
  const body = t(locale, 'customer.card.body', {
    owner: escapeMrkdwn(o.ownerName),
    phone: maskPhone(customer.phone),
    stage: stageName(locale, customer.stage),
    since: formatDate(customer.stageChangedAt, o.timeZone),
    count: customer.visitCount,
    first: formatDate(customer.firstVisitAt, o.timeZone),
    last: formatDate(customer.lastVisitAt, o.timeZone),
  });
  const blocks: Block[] = [header(title), section(body, 'customer_body')];
  if (customer.stage === 'lost' && customer.lostReason)
    blocks.push(
      section(
        t(locale, 'customer.card.lost', { reason: escapeMrkdwn(truncate(customer.lostReason, 500)) }),
        'customer_lost',
      ),
    );
  if (o.deal)
    blocks.push(
      section(
        t(locale, 'customer.card.deal', { id: o.deal.id, stage: tFor(locale, 'deal.stage', o.deal.stage) }),
        'customer_deal',
      ),
    );
  const byDeal = (stage: string | undefined) => o.deal !== undefined && stage !== undefined && followsDeal(stage);
  const next = byDeal(nextStage(customer.stage as DealStage)) ? undefined : nextStage(customer.stage as DealStage);
  const buttons: Button[] = [];
  if (!isFinished(customer.stage as DealStage)) {
    if (next) {
      const moveOn = button(
        t(locale, 'customer.button.next', { stage: stageName(locale, next) }),
        CustomerIds.next,
        `${customer.id}:${customer.stage}:${next}`,
        'primary',
      );
      // 簽約 opens the amount modal, which is its own confirmation
      buttons.push(next === 'contracted' ? moveOn : confirmed(locale, moveOn, stageName(locale, next), customer.name));
    }
    buttons.push(
      button(t(locale, 'customer.button.lost'), CustomerIds.lost, `${customer.id}:${customer.stage}`, 'danger'),
      // a deal (認購 of a unit) opens from the file
      button(t(locale, 'deal.button.new'), DealIds.newFromCustomer, String(customer.id)),
    );
  }
  if (o.canUndo && customer.stage !== DEAL_STAGES[0] && !byDeal(customer.stage)) {
    buttons.push(
      confirmed(
        locale,
        button(t(locale, 'customer.button.undo'), CustomerIds.undo, `${customer.id}:${customer.stage}`),
        t(locale, 'customer.undo.previous'),
        customer.name,
      ),
    );
  }
  if (buttons.length > 0) blocks.push(actions(CustomerIds.stageBlock, buttons));
  // the fallback text is mrkdwn, the header plain text: only the former needs escaping
  return { text: escapeMrkdwn(title), blocks };
}
