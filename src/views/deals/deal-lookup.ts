import { formatMoney } from '../../domain/deals/money.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { actions, capBlocks, divider, section, type Block } from '../blocks.ts';
import {
  cardButtons,
  cardDetails,
  dealStageName,
  dealSummary,
  type CardDeal,
  type DealActionsAllowed,
} from './deal-card.ts';
import { DealIds } from './deal-ids.ts';
import { standingText } from './deal-standing.ts';
import { historyNoteText } from './deal-note.ts';

interface Found {
  deal: CardDeal;
  money: { paid: number; due: number; overdue: number; refunded?: number };
  history: { fromStage: string; toStage: string; by: string; note: string | null; at: Date }[];
  payments?: { amountCents: number; receivedOn: string; kind: string; by: string; at: Date }[];
  /** What the asker may do on it: the card's buttons, each only for those who may. */
  may?: DealActionsAllowed;
}

/** Deals found by `/deal <…>`: each with its money and history (who, when, from → to). */
export function dealLookupBlocks(
  found: Found[],
  o: { locale: Locale; currency: string; timeZone: string; nameOf: (id: string) => string },
): { text: string; blocks: Block[] } {
  const { locale } = o;
  const money = (cents: number) => formatMoney(cents, o.currency, locale);
  const blocks: Block[] = [];
  for (const f of found) {
    const who = (c: { at: Date; by: string }) => `${formatDateTime(c.at, o.timeZone)} ${escapeMrkdwn(o.nameOf(c.by))}`;
    const changes = f.history.map((c) => {
      // a step within the stage (a mortgage or registration step) is no move: the step is the line
      if (c.fromStage === c.toStage && c.note)
        return { at: c.at, line: `• ${who(c)}: ${historyNoteText(locale, c.note)}` };
      const from = c.fromStage ? dealStageName(locale, c.fromStage) : '—';
      const note = c.note ? ` (${historyNoteText(locale, c.note)})` : '';
      return { at: c.at, line: `• ${who(c)}: ${from} → ${dealStageName(locale, c.toStage)}${note}` };
    });
    // the payments and refunds in the same timeline: amount, who recorded it, when received
    const payments = (f.payments ?? []).map((p) => {
      const key = p.amountCents < 0 ? 'deal.history.refund' : 'deal.history.payment';
      const what = t(locale, key, { amount: money(Math.abs(p.amountCents)), on: p.receivedOn });
      return { at: p.at, line: `• ${who(p)}: ${what}` };
    });
    const lines = [...changes, ...payments]
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .slice(-20)
      .map((e) => e.line);
    const details = cardDetails(f.deal, { locale, currency: o.currency }, standingText(locale, f.money, money));
    const summary = dealSummary(f.deal, { locale, currency: o.currency, ownerName: o.nameOf(f.deal.ownerId) });
    blocks.push(section(`${summary}\n${details}\n${lines.join('\n')}`));
    // the card's own buttons, those the asker may use (簽約 and 退訂 the chain, 登記回款 the secretary too)
    const buttons = f.may ? cardButtons(f.deal, locale, f.may) : [];
    if (buttons.length > 0) blocks.push(actions(`${DealIds.lookupBlock}_${f.deal.id}`, buttons));
    blocks.push(divider());
  }
  return { text: t(locale, 'deal.lookup.title', { count: found.length }), blocks: capBlocks(blocks) };
}
