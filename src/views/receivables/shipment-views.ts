import { formatQuantity } from '../../domain/orders/order-lines.ts';
import type { ModalView, PlainTextOption } from '@slack/types';
import { formatMoney } from '../../domain/deals/money.ts';
import { t, tFor, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { actions, button, context, modal, plain, section, type Block } from '../blocks.ts';
import { inputActionId } from '../ids.ts';
import { LedgerIds } from './ledger-ids.ts';

const e = (text: string, max = 80) => escapeMrkdwn(truncate(text, max));

export interface ShipmentFormOrder {
  number: string;
  accountCode: string;
  accountName: string;
  lines: { id: number; sku: string; name: string; quantity: number; shippedQuantity: number }[];
}

/** One number input per line still to ship, filled with what is left. */
function lineInputs(locale: Locale, order: ShipmentFormOrder): Block[] {
  return order.lines
    .filter((l) => l.shippedQuantity < l.quantity)
    .slice(0, 40)
    .map((l) => ({
      type: 'input',
      block_id: `${LedgerIds.linePrefix}${l.id}`,
      optional: true,
      label: plain(
        t(locale, 'ledger.ship.field.line', {
          sku: l.sku,
          name: truncate(l.name, 60),
          ordered: formatQuantity(l.quantity),
          shipped: formatQuantity(l.shippedQuantity),
        }),
        2000,
      ),
      element: {
        type: 'number_input',
        is_decimal_allowed: false,
        action_id: inputActionId(`${LedgerIds.linePrefix}${l.id}`),
        initial_value: String(l.quantity - l.shippedQuantity),
        min_value: '0',
      },
    }));
}

/** `/order ship SO-000001`: date, carrier (from the logistics table), waybill, and a quantity per line left to ship. */
export function shipmentModal(o: {
  locale: Locale;
  order: ShipmentFormOrder;
  carriers: string[];
  defaultCarrier?: string;
  today: string;
}): ModalView {
  const { locale, order } = o;
  const option = (text: string): PlainTextOption => ({ text: plain(text, 75), value: truncate(text, 75) });
  const options = o.carriers.slice(0, 100).map(option);
  const initial = options.find((x) => x.value === o.defaultCarrier);
  const carrier: Block = {
    type: 'input',
    block_id: LedgerIds.carrierBlock,
    label: plain(t(locale, 'ledger.ship.field.carrier')),
    element:
      options.length > 0
        ? {
            type: 'static_select',
            action_id: inputActionId(LedgerIds.carrierBlock),
            options,
            ...(initial ? { initial_option: initial } : {}),
          }
        : { type: 'plain_text_input', action_id: inputActionId(LedgerIds.carrierBlock), max_length: 40 },
  };
  const lines = lineInputs(locale, order);
  return modal({
    callbackId: LedgerIds.shipCallback,
    title: t(locale, 'ledger.ship.title'),
    submit: t(locale, 'ledger.ship.submit'),
    close: t(locale, 'ledger.ship.close'),
    privateMetadata: JSON.stringify({ order: order.number }),
    blocks: [
      section(
        t(locale, 'ledger.ship.order', {
          number: order.number,
          account: e(order.accountName),
          code: order.accountCode,
        }),
        LedgerIds.orderBlock,
      ),
      {
        type: 'input',
        block_id: LedgerIds.dateBlock,
        label: plain(t(locale, 'ledger.ship.field.date')),
        element: { type: 'datepicker', action_id: inputActionId(LedgerIds.dateBlock), initial_date: o.today },
      },
      carrier,
      {
        type: 'input',
        block_id: LedgerIds.waybillBlock,
        optional: true,
        label: plain(t(locale, 'ledger.ship.field.waybill')),
        element: { type: 'plain_text_input', action_id: inputActionId(LedgerIds.waybillBlock), max_length: 64 },
      },
      ...lines,
    ],
  });
}

export interface ShipmentShown {
  shipmentId: number;
  shipment: string;
  order: string;
  accountCode: string;
  accountName: string;
  shippedOn: string;
  carrier: string;
  waybill: string;
  lines: { sku: string; name: string; quantity: number }[];
  invoice: string;
  amountCents: number;
  dueOn: string;
  delivered?: { by: string; on: string };
}

/** The shipment's message: what went, its invoice, and a button to confirm delivery until someone does. */
export function shipmentMessage(s: ShipmentShown, locale: Locale, currency: string): { text: string; blocks: Block[] } {
  const text = t(locale, 'ledger.shipment.message', {
    shipment: s.shipment,
    order: s.order,
    account: e(s.accountName),
    code: s.accountCode,
    date: s.shippedOn,
    carrier: e(s.carrier || '—', 40),
    waybill: e(s.waybill || '—', 64),
    lines: s.lines
      .slice(0, 30)
      .map((l) =>
        t(locale, 'ledger.shipment.line', { sku: l.sku, name: e(l.name, 60), quantity: formatQuantity(l.quantity) }),
      )
      .join('\n'),
    invoice: s.invoice,
    amount: formatMoney(s.amountCents, currency, locale),
    due: s.dueOn,
  });
  const last = s.delivered
    ? context(t(locale, 'ledger.shipment.delivered', { by: e(s.delivered.by, 40), date: s.delivered.on }))
    : actions(LedgerIds.deliveryBlock, [
        button(t(locale, 'ledger.shipment.confirm'), LedgerIds.confirmDelivery, String(s.shipmentId), 'primary'),
      ]);
  return { text: truncate(text, 3000), blocks: [section(truncate(text, 3000)), last] };
}

/** An order state's words. */
export const orderStateText = (locale: Locale, state: string): string => tFor(locale, 'order.state', state);
