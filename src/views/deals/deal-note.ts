import { isMessageKey, t, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';

/**
 * A note of a deal's or a unit's history in words: the codes the services write (`undo`,
 * `undo payment:1`, `deal:1`, `mortgage:approved`) read from the catalogue; anything else
 * (a reason, a contract number, the PM's note) is shown as written.
 */
export function historyNoteText(locale: Locale, note: string, max = 60): string {
  if (note === 'undo') return t(locale, 'deal.note.undo');
  const undone = /^undo payment:(\d+)$/.exec(note);
  if (undone) return t(locale, 'deal.note.undo_payment', { id: undone[1] ?? '' });
  const deal = /^deal:(\d+)$/.exec(note);
  if (deal) return t(locale, 'deal.note.deal', { id: deal[1] ?? '' });
  const step = `deal.step.${note.replace(':', '.')}`;
  if (/^(mortgage|registration):\w+$/.test(note) && isMessageKey(step)) return t(locale, step);
  return escapeMrkdwn(truncate(note, max));
}
