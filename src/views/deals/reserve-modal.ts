import type { ModalView, Option, PlainTextOption } from '@slack/types';
import { formatMoney } from '../../domain/deals/money.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { truncate } from '../../lib/text.ts';
import { modal, plain, section, type Block } from '../blocks.ts';
import { inputActionId } from '../ids.ts';
import { DealIds } from './deal-ids.ts';

interface FormUnit {
  id: number;
  building: string;
  number: string;
  layout: string;
  listPriceCents: number;
}

const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, 75), value });

/** Available units grouped by building: Slack allows 100 groups of 100 options. */
function unitGroups(units: FormUnit[], locale: Locale, currency: string) {
  const groups = new Map<string, Option[]>();
  for (const unit of units) {
    const list = groups.get(unit.building) ?? [];
    if (list.length < 100)
      list.push(
        option(
          // the building too: the chosen option is shown alone, without its group's label
          `${unit.building} ${unit.number} · ${unit.layout} · ${formatMoney(unit.listPriceCents, currency, locale)}`,
          String(unit.id),
        ),
      );
    groups.set(unit.building, list);
  }
  return [...groups.entries()]
    .slice(0, 100)
    .map(([building, options]) => ({ label: plain(truncate(building, 75), 75), options }));
}

export function input(
  blockId: string,
  label: string,
  element: Record<string, unknown>,
  optional = false,
  hint?: string,
): Block {
  return {
    type: 'input',
    block_id: blockId,
    optional,
    label: plain(label, 2000),
    ...(hint ? { hint: plain(hint, 2000) } : {}),
    element: { action_id: inputActionId(blockId), ...element },
  } as Block;
}

/** The 認購 modal: unit (only available ones), price or discount, deposit and its date, sign-by date. */
export function reserveModal(o: {
  locale: Locale;
  currency: string;
  customer?: { id: number; name: string };
  customers: { id: number; name: string }[];
  units: FormUnit[];
  today: string;
  signBy: string;
}): ModalView {
  const { locale } = o;
  const blocks: Block[] = [];
  if (o.customer)
    blocks.push(section(t(locale, 'deal.modal.customer_fixed', { customer: truncate(o.customer.name, 50) })));
  else
    blocks.push(
      input(DealIds.customerBlock, t(locale, 'deal.modal.customer'), {
        type: 'static_select',
        options: o.customers.slice(0, 100).map((c) => option(truncate(c.name, 70), String(c.id))),
      }),
    );
  blocks.push(
    input(DealIds.unitBlock, t(locale, 'deal.modal.unit'), {
      type: 'static_select',
      option_groups: unitGroups(o.units, locale, o.currency),
    }),
    input(DealIds.priceBlock, t(locale, 'deal.modal.price'), { type: 'plain_text_input', max_length: 20 }, true),
    input(DealIds.discountBlock, t(locale, 'deal.modal.discount'), { type: 'plain_text_input', max_length: 20 }, true),
    input(DealIds.depositBlock, t(locale, 'deal.modal.deposit'), { type: 'plain_text_input', max_length: 20 }),
    input(DealIds.depositDateBlock, t(locale, 'deal.modal.deposit_date'), {
      type: 'datepicker',
      initial_date: o.today,
    }),
    input(DealIds.signByBlock, t(locale, 'deal.modal.sign_by'), { type: 'datepicker', initial_date: o.signBy }),
  );
  return modal({
    callbackId: DealIds.reserveCallback,
    title: t(locale, 'deal.modal.title'),
    submit: t(locale, 'deal.modal.submit'),
    close: t(locale, 'deal.modal.close'),
    blocks,
    privateMetadata: o.customer ? JSON.stringify({ customerId: o.customer.id }) : undefined,
  });
}
