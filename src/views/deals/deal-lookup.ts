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
  payments?: HistoryPayment[];
  /** What the asker may do on it: the card's buttons, each only for those who may. */
  may?: DealActionsAllowed;
}

interface HistoryPayment {
  id?: number;
  amountCents: number;
  receivedOn: string;
  kind: string;
  by: string;
  at: Date;
  undoneAt?: Date | null;
}

/**
 * A deal's history, oldest first, the last 20: its moves and steps, and its payments and refunds
 * (an undone one kept, marked). A payment comes before the move it caused at the same moment
 * (回款 then 已簽約 → 已售); an undone payment's line names the payment and its amount.
 */
function historyLines(
  f: Found,
  o: { locale: Locale; timeZone: string; nameOf: (id: string) => string; money: (cents: number) => string },
): string[] {
  const { locale, money } = o;
  const who = (c: { at: Date; by: string }) => `${formatDateTime(c.at, o.timeZone)} ${escapeMrkdwn(o.nameOf(c.by))}`;
  const byId = new Map((f.payments ?? []).map((p) => [p.id, p]));
  const changes = f.history.map((c) => {
    const undone = byId.get(Number(/^undo payment:(\d+)$/.exec(c.note ?? '')?.[1] ?? Number.NaN));
    const noteText = undone
      ? t(locale, 'deal.history.undo_payment', { amount: money(Math.abs(undone.amountCents)), on: undone.receivedOn })
      : c.note
        ? historyNoteText(locale, c.note)
        : '';
    // a step within the stage (a mortgage or registration step, an undone payment) is no move: the step is the line
    if (c.fromStage === c.toStage && noteText) return { at: c.at, rank: 1, line: `• ${who(c)}: ${noteText}` };
    const from = c.fromStage ? dealStageName(locale, c.fromStage) : '—';
    const note = noteText ? ` (${noteText})` : '';
    return { at: c.at, rank: 1, line: `• ${who(c)}: ${from} → ${dealStageName(locale, c.toStage)}${note}` };
  });
  // the payments and refunds in the same timeline: amount, who recorded it, when received
  const payments = (f.payments ?? []).map((p) => {
    const key = p.amountCents < 0 ? 'deal.history.refund' : 'deal.history.payment';
    const what = t(locale, key, { amount: money(Math.abs(p.amountCents)), on: p.receivedOn });
    const mark = p.undoneAt ? t(locale, 'deal.history.undone') : '';
    return { at: p.at, rank: 0, line: `• ${who(p)}: ${what}${mark}` };
  });
  return [...changes, ...payments]
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.rank - b.rank)
    .slice(-20)
    .map((e) => e.line);
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
    const lines = historyLines(f, { ...o, money });
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
