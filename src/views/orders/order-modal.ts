import { formatQuantity } from '../../domain/orders/order-lines.ts';
import type { ModalView } from '@slack/types';
import { formatMoney } from '../../domain/deals/money.ts';
import { nextStep } from '../../domain/orders/credit-check.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { context, modal, plain, section, type Block } from '../blocks.ts';
import { inputActionId, OrderIds } from '../ids.ts';
import { holdReason } from './hold-reason.ts';

const money = (cents: number, locale: Locale, currency: string) => formatMoney(cents, currency, locale);

/** What the order form starts with: empty, or a replenishment need's account, SKU and note. */
export interface OrderPrefill {
  account?: string;
  lines?: string;
  note?: string;
  /** The replenishment need this order answers. */
  needId?: number;
}

function textInput(o: {
  id: string;
  label: string;
  hint?: string;
  multiline?: boolean;
  max: number;
  initial?: string;
}) {
  return {
    type: 'input' as const,
    block_id: o.id,
    optional: o.id === OrderIds.noteBlock,
    label: plain(o.label, 2000),
    ...(o.hint ? { hint: plain(o.hint, 2000) } : {}),
    element: {
      type: 'plain_text_input' as const,
      action_id: inputActionId(o.id),
      multiline: o.multiline ?? false,
      max_length: o.max,
      ...(o.initial ? { initial_value: o.initial } : {}),
    },
  };
}

/** `/order`: the account, one line a product (`SKU 數量 [單價]`), the requested delivery date and a note. */
export function orderEntryModal(o: { locale: Locale; today: string; prefill?: OrderPrefill }): ModalView {
  const { locale, prefill } = o;
  const blocks: Block[] = [
    textInput({
      id: OrderIds.accountBlock,
      label: t(locale, 'order.field.account'),
      hint: t(locale, 'order.field.account_hint'),
      max: 80,
      initial: prefill?.account,
    }),
    textInput({
      id: OrderIds.linesBlock,
      label: t(locale, 'order.field.lines'),
      hint: t(locale, 'order.field.lines_hint'),
      multiline: true,
      max: 3000,
      initial: prefill?.lines,
    }),
    {
      type: 'input',
      block_id: OrderIds.dateBlock,
      label: plain(t(locale, 'order.field.requested_on'), 2000),
      element: { type: 'datepicker', action_id: inputActionId(OrderIds.dateBlock), initial_date: o.today },
    },
    textInput({ id: OrderIds.noteBlock, label: t(locale, 'order.field.note'), max: 500, initial: prefill?.note }),
  ];
  return modal({
    callbackId: OrderIds.entryCallback,
    title: t(locale, 'order.modal.title'),
    submit: t(locale, 'order.modal.next'),
    close: t(locale, 'visit.modal.close'),
    blocks,
    privateMetadata: prefill?.needId ? JSON.stringify({ needId: prefill.needId }) : undefined,
  });
}

/** The order as checked, shown before it is stored, with what it does to the account's credit. */
export interface OrderPreview {
  account: { code: string; name: string };
  /** the organisation's currency (currencyOf) */
  currency: string;
  lines: { sku: string; name: string; unit: string; quantity: number; priceCents: number }[];
  totalCents: number;
  requestedOn: string;
  note: string;
  receivableCents: number;
  openOrdersCents: number;
  /** undefined when the account has no credit rating */
  limitCents?: number;
  overdueCents: number;
  overdueDays: number;
  /** above this excess the sales director decides after the SSG leader */
  directorThresholdCents: number;
  /** an outlet that belongs to no distributor: no credit to check, nothing holds the order */
  noCreditCheck?: boolean;
  /** an outlet's distributor, whose limit and exposure (with its outlets') the order is checked against */
  creditOf?: { code: string; name: string };
}

export function lineText(l: OrderPreview['lines'][number], locale: Locale, currency: string): string {
  const amount = money(l.quantity * l.priceCents, locale, currency);
  return t(locale, 'order.line', {
    sku: l.sku,
    name: escapeMrkdwn(truncate(l.name, 40)),
    quantity: formatQuantity(l.quantity),
    unit: escapeMrkdwn(l.unit),
    price: money(l.priceCents, locale, currency),
    amount,
  });
}

/** Whether the order will be held and why (over the limit by X, overdue Y, unrated), and by whom. */
function heldLine(p: OrderPreview, remaining: number, locale: Locale): string {
  if (p.noCreditCheck) return t(locale, 'order.confirm.no_credit_check');
  const unrated = p.limitCents === undefined;
  const excessCents = Math.max(0, -remaining);
  if (excessCents === 0 && p.overdueCents === 0) return t(locale, 'order.confirm.will_approve');
  const why = holdReason(
    { excessCents, overdueCents: p.overdueCents, overdueDays: p.overdueDays, unrated },
    locale,
    p.currency,
  );
  const director = nextStep('ssg_leader', excessCents, p.directorThresholdCents, p.totalCents) === 'sales_director';
  return t(locale, director ? 'order.confirm.will_hold_director' : 'order.confirm.will_hold', { why });
}

const limitText = (p: OrderPreview, locale: Locale) => {
  if (p.noCreditCheck) return t(locale, 'order.no_credit_check');
  return p.limitCents === undefined ? t(locale, 'order.no_limit') : money(p.limitCents, locale, p.currency);
};

/** The confirmation: total, open receivables and orders, the limit and what remains after this order. */
export function orderConfirmModal(o: { locale: Locale; preview: OrderPreview; metadata: string }): ModalView {
  const { locale, preview: p } = o;
  const limit = p.limitCents ?? 0;
  const remaining = limit - p.receivableCents - p.openOrdersCents - p.totalCents;
  const shown = p.lines.slice(0, 30).map((l) => `• ${lineText(l, locale, p.currency)}`);
  if (p.lines.length > 30) shown.push(t(locale, 'order.more_lines', { count: p.lines.length - 30 }));
  const blocks: Block[] = [
    section(t(locale, 'order.confirm.account', { code: p.account.code, name: escapeMrkdwn(p.account.name) })),
    section(shown.join('\n')),
    section(
      t(locale, 'order.confirm.figures', {
        total: money(p.totalCents, locale, p.currency),
        receivable: money(p.receivableCents, locale, p.currency),
        open: money(p.openOrdersCents, locale, p.currency),
        limit: limitText(p, locale),
        // no limit to go by (no check, or unrated): nothing remains to show, not a negative amount
        remaining: p.noCreditCheck || p.limitCents === undefined ? '—' : money(remaining, locale, p.currency),
        requestedOn: p.requestedOn,
      }),
    ),
  ];
  if (p.creditOf)
    blocks.push(
      context(t(locale, 'order.confirm.credit_of', { code: p.creditOf.code, name: escapeMrkdwn(p.creditOf.name) })),
    );
  if (p.note) blocks.push(context(escapeMrkdwn(truncate(p.note, 500))));
  blocks.push(context(heldLine(p, remaining, locale)));
  return modal({
    callbackId: OrderIds.confirmCallback,
    title: t(locale, 'order.confirm.title'),
    submit: t(locale, 'order.confirm.submit'),
    close: t(locale, 'order.confirm.back'),
    blocks,
    privateMetadata: o.metadata,
  });
}

/** A reason asked by a modal: a held order's rejection, or a replenishment need closed. */
export function orderReasonModal(o: { locale: Locale; callbackId: string; title: string; ref: string }): ModalView {
  return modal({
    callbackId: o.callbackId,
    title: o.title,
    submit: t(o.locale, 'order.reason.submit'),
    close: t(o.locale, 'visit.modal.close'),
    privateMetadata: o.ref,
    blocks: [textInput({ id: OrderIds.reasonBlock, label: t(o.locale, 'order.reason.label'), max: 300 })],
  });
}
