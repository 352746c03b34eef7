import { formatMoney } from '../../domain/deals/money.ts';
import type { AgingTable } from '../../domain/receivables/aging.ts';
import { t, tFor, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';

const e = (text: string, max = 80) => escapeMrkdwn(truncate(text, max));

export interface AppliedShown {
  invoice: string;
  amountCents: number;
  openCents: number;
}

function allocationLines(locale: Locale, currency: string, applied: readonly AppliedShown[]): string {
  if (applied.length === 0) return t(locale, 'ledger.pay.none');
  const lines = applied.slice(0, 30).map((a) =>
    t(locale, 'ledger.pay.allocation', {
      invoice: a.invoice,
      amount: formatMoney(a.amountCents, currency, locale),
      open: formatMoney(a.openCents, currency, locale),
    }),
  );
  return lines.join('\n');
}

/** The answer to `/order pay`: what each invoice got, what is unapplied, the balance after. */
export function paymentAnswer(
  locale: Locale,
  p: {
    payment: string;
    account: string;
    code: string;
    amountCents: number;
    receivedOn: string;
    applied: AppliedShown[];
    unappliedCents: number;
    balanceCents: number;
    /** the organisation's currency (currencyOf) */
    currency: string;
  },
): string {
  const money = (cents: number) => formatMoney(cents, p.currency, locale);
  return t(locale, 'ledger.pay.recorded', {
    on: p.receivedOn,
    payment: p.payment,
    account: e(p.account),
    code: p.code,
    amount: money(p.amountCents),
    allocations: allocationLines(locale, p.currency, p.applied),
    unapplied: money(p.unappliedCents),
    balance: money(p.balanceCents),
  });
}

/** The answer to `/order credit`. */
export function creditAnswer(
  locale: Locale,
  c: {
    note: string;
    kind: string;
    account: string;
    code: string;
    amountCents: number;
    reason: string;
    applied: AppliedShown[];
    balanceCents: number;
    currency: string;
  },
): string {
  const money = (cents: number) => formatMoney(cents, c.currency, locale);
  return t(locale, 'ledger.credit.recorded', {
    kind: tFor(locale, 'ledger.credit.kind', c.kind),
    note: c.note,
    account: e(c.account),
    code: c.code,
    amount: money(c.amountCents),
    reason: e(c.reason, 200),
    allocations: allocationLines(locale, c.currency, c.applied),
    balance: money(c.balanceCents),
  });
}

/** The account card's lines: balance and open orders, then the aging table. */
export function ledgerCardText(
  locale: Locale,
  l: { receivableCents: number; openOrdersCents: number; aging: AgingTable; currency: string },
): string {
  // a balance may be negative (paid in advance): the formatter writes its sign
  const balance = t(locale, 'ledger.card.balance', {
    balance: formatMoney(l.receivableCents, l.currency, locale),
    orders: formatMoney(Math.max(0, l.openOrdersCents), l.currency, locale),
  });
  return `${balance}\n${t(locale, 'ledger.card.aging', agingParams(l.aging, l.currency, locale))}`;
}

export const agingParams = (a: AgingTable, currency: string, locale: Locale) => ({
  d0_30: formatMoney(a.d0_30, currency, locale),
  d31_60: formatMoney(a.d31_60, currency, locale),
  d61_90: formatMoney(a.d61_90, currency, locale),
  d90_plus: formatMoney(a.d90_plus, currency, locale),
});
