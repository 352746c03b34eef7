import { t, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { actions, button, section, type Block } from '../blocks.ts';
import { OrderIds } from '../ids.ts';

/** A replenishment need as its card and lists show it. */
export interface NeedShown {
  id: number;
  account: string;
  sku: string;
  urgent: boolean;
  note: string;
  reporter: string;
}

export function needLine(n: NeedShown, locale: Locale): string {
  return t(locale, n.urgent ? 'order.need.line_urgent' : 'order.need.line', {
    account: escapeMrkdwn(truncate(n.account, 60)),
    sku: n.sku,
    reporter: escapeMrkdwn(n.reporter),
    note: n.note ? `：${escapeMrkdwn(truncate(n.note, 200))}` : '',
  });
}

/** The need's card at the SSG's desk: make it an order (the form prefilled), or close it with a reason. */
export function needCard(n: NeedShown, locale: Locale): { text: string; blocks: Block[] } {
  const text = t(locale, 'order.need.card', { line: needLine(n, locale) });
  return {
    text,
    blocks: [
      section(text),
      actions(OrderIds.needBlock, [
        button(t(locale, 'order.need.to_order'), OrderIds.needToOrder, String(n.id), 'primary'),
        button(t(locale, 'order.need.close'), OrderIds.closeNeed, String(n.id)),
      ]),
    ],
  };
}
