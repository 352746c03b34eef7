import { formatMoney } from '../../domain/deals/money.ts';
import { t, tFor, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { actions, button, capBlocks, context, header, section, type Block } from '../blocks.ts';
import { OrderIds } from '../ids.ts';
import { lineText, type OrderPreview } from './order-modal.ts';

const money = (cents: number, locale: Locale, currency: string) => formatMoney(cents, currency, locale);

/** An order as its cards, `/order SO-…` and the list show it; names already resolved. */
export interface OrderShown {
  id: number;
  number: string;
  state: string;
  approvalStep: string;
  account: { code: string; name: string; market: string };
  /** the organisation's currency (currencyOf) */
  currency: string;
  owner: string;
  enteredBy: string;
  lines: OrderPreview['lines'];
  totalCents: number;
  requestedOn: string;
  note: string;
  excessCents: number;
  overdueCents: number;
  overdueDays: number;
  /** the account has no credit rating (so no limit) */
  unrated?: boolean;
  /** who must decide next while held */
  approver?: string;
  cancelReason: string;
  /** the last change: who, to what, when (local time), and its note */
  last?: { actor: string; toState: string; at: string; note: string };
}

import { holdReason } from './hold-reason.ts';

export { holdReason };

function summary(o: OrderShown, locale: Locale): string {
  return t(locale, 'order.card.summary', {
    code: o.account.code,
    name: escapeMrkdwn(truncate(o.account.name, 60)),
    market: escapeMrkdwn(o.account.market),
    owner: escapeMrkdwn(o.owner || '—'),
    enteredBy: escapeMrkdwn(o.enteredBy),
    total: money(o.totalCents, locale, o.currency),
    requestedOn: o.requestedOn,
  });
}

/**
 * The order's card, the same on every copy (the SSG channel's, the owner's, the KAM's, the CSR's) and
 * rewritten on every change; the deciders' copies carry Approve and Reject while it is held.
 */
export function orderCard(o: OrderShown, locale: Locale, withButtons: boolean): { text: string; blocks: Block[] } {
  const state = tFor(locale, 'order.state', o.state);
  const title = t(locale, 'order.card.title', { number: o.number, state });
  const lines = o.lines.slice(0, 20).map((l) => `• ${lineText(l, locale, o.currency)}`);
  if (o.lines.length > 20) lines.push(t(locale, 'order.more_lines', { count: o.lines.length - 20 }));
  const blocks: Block[] = [header(title), section(summary(o, locale)), section(lines.join('\n'))];
  if (o.note) blocks.push(context(escapeMrkdwn(truncate(o.note, 500))));
  const why = holdReason(o, locale, o.currency);
  if (o.state === 'pending_credit') {
    const approver = escapeMrkdwn(o.approver ?? '—');
    blocks.push(section(t(locale, 'order.card.held', { why, approver }), OrderIds.decisionBlock));
    if (withButtons)
      blocks.push(
        actions('order_actions', [
          button(t(locale, 'order.approve'), OrderIds.approve, String(o.id), 'primary'),
          button(t(locale, 'order.reject'), OrderIds.reject, String(o.id), 'danger'),
        ]),
      );
  } else if (why) blocks.push(context(t(locale, 'order.card.was_held', { why })));
  if (o.state === 'cancelled' && o.cancelReason)
    blocks.push(section(t(locale, 'order.card.cancelled', { reason: escapeMrkdwn(truncate(o.cancelReason, 300)) })));
  if (o.last) blocks.push(context(lastChangeText(o.last, locale)));
  return { text: `${title}：${summary(o, locale)}`, blocks: capBlocks(blocks) };
}

function lastChangeText(last: NonNullable<OrderShown['last']>, locale: Locale): string {
  return t(locale, 'order.card.last', {
    actor: escapeMrkdwn(last.actor),
    state: tFor(locale, 'order.state', last.toState),
    at: last.at,
    // the SSG leader's approval that passes the order on says so: → 待額度審核：轉銷售總監
    note: last.note ? `：${escapeMrkdwn(truncate(last.note, 200))}` : '',
  });
}

/** `/order SO-000001`: the card without buttons, and the history. */
export function orderDetail(o: OrderShown, history: NonNullable<OrderShown['last']>[], locale: Locale) {
  const card = orderCard({ ...o, last: undefined }, locale, false);
  const rows = history.slice(-20).map((h) => {
    // an imported order's change notes its source as a key: said in words
    const text = h.note === 'erp' ? t(locale, 'order.history.from_erp') : h.note;
    const note = text ? `：${escapeMrkdwn(truncate(text, 200))}` : '';
    return `• ${h.at} ${escapeMrkdwn(h.actor)} → ${tFor(locale, 'order.state', h.toState)}${note}`;
  });
  const blocks = [...card.blocks, section(`*${t(locale, 'order.history')}*\n${rows.join('\n') || '—'}`)];
  return { text: card.text, blocks: capBlocks(blocks) };
}

/** `/order list`: one line an order, newest first. */
export function orderList(
  rows: Pick<OrderShown, 'number' | 'state' | 'account' | 'totalCents' | 'requestedOn'>[],
  title: string,
  locale: Locale,
  currency: string,
): { text: string; blocks: Block[] } {
  const lines = rows.map((r) =>
    t(locale, 'order.list.line', {
      number: r.number,
      state: tFor(locale, 'order.state', r.state),
      code: r.account.code,
      name: escapeMrkdwn(truncate(r.account.name, 40)),
      total: money(r.totalCents, locale, currency),
      requestedOn: r.requestedOn,
    }),
  );
  const text = [title, ...lines].join('\n');
  return { text, blocks: [section(text)] };
}
