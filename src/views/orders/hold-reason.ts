import { formatMoney } from '../../domain/deals/money.ts';
import { t, type Locale } from '../../i18n/index.ts';

/** Why the order was held: "超出額度 ¥12,400；逾期 45 天 ¥8,000". */
export function holdReason(
  o: { excessCents: number; overdueCents: number; overdueDays: number; unrated?: boolean },
  locale: Locale,
  currency: string,
) {
  const money = (cents: number) => formatMoney(cents, currency, locale);
  const parts: string[] = [];
  if (o.unrated) parts.push(t(locale, 'order.hold.unrated'));
  else if (o.excessCents > 0) parts.push(t(locale, 'order.hold.excess', { amount: money(o.excessCents) }));
  if (o.overdueCents > 0)
    parts.push(t(locale, 'order.hold.overdue', { days: o.overdueDays, amount: money(o.overdueCents) }));
  return parts.join(t(locale, 'order.hold.separator'));
}
