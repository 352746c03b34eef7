import { formatCents, formatMoney } from '../../domain/deals/money.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { historyNoteText } from './deal-note.ts';
import { STATE_MARK, unitStateName } from './units-board.ts';

interface UnitLike {
  building: string;
  number: string;
  floor: number;
  layout: string;
  areaCenti: number;
  listPriceCents: number;
  state: keyof typeof STATE_MARK;
}

interface ChangeLike {
  kind: 'state' | 'price';
  fromValue: string;
  toValue: string;
  by: string;
  note?: string | null;
  at: Date;
}

/** A unit's card and every change to it: who, when, from → to. */
export function unitHistoryText(
  found: { unit: UnitLike; history: ChangeLike[] },
  o: { locale: Locale; currency: string; timeZone: string; nameOf: (id: string) => string },
): string {
  const { unit } = found;
  const money = (cents: string) => formatMoney(Number(cents), o.currency, o.locale);
  const head = t(o.locale, 'units.card', {
    mark: STATE_MARK[unit.state],
    unit: escapeMrkdwn(`${unit.building} ${unit.number}`),
    floor: unit.floor,
    layout: escapeMrkdwn(unit.layout),
    area: formatCents(unit.areaCenti),
    price: formatMoney(unit.listPriceCents, o.currency, o.locale),
    state: unitStateName(o.locale, unit.state),
  });
  const lines = found.history.slice(-30).map((c) => {
    const value = (v: string) => (c.kind === 'price' ? money(v) : unitStateName(o.locale, v));
    const note = c.note ? `（${historyNoteText(o.locale, c.note, 100)}）` : '';
    const who = `${formatDateTime(c.at, o.timeZone)} ${escapeMrkdwn(o.nameOf(c.by))}`;
    return `• ${who}: ${value(c.fromValue)} → ${value(c.toValue)}${note}`;
  });
  return [head, ...(lines.length > 0 ? lines : [t(o.locale, 'units.history.none')])].join('\n');
}
