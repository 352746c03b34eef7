import { t, type Locale } from '../../i18n/index.ts';

/** The card's money line: paid, due, overdue; for a cancelled deal, paid and refunded, nothing to receive. */
export function standingText(
  locale: Locale,
  money: { paid: number; due: number; overdue: number; refunded?: number },
  format: (cents: number) => string,
): string {
  if (money.refunded !== undefined)
    return t(locale, 'deal.card.standing_cancelled', { paid: format(money.paid), refunded: format(money.refunded) });
  return t(locale, 'deal.card.standing', {
    paid: format(money.paid),
    due: format(money.due),
    overdue: format(money.overdue),
  });
}
