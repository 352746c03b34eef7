import { formatCents } from '../../domain/deals/money.ts';
import type { AgingTable } from '../../domain/receivables/aging.ts';
import { t, tFor, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';

const e = (text: string, max = 80) => escapeMrkdwn(truncate(text, max));

export interface AppliedShown {
  invoice: string;
  amountCents: number;
  openCents: number;
}

function allocationLines(locale: Locale, applied: readonly AppliedShown[]): string {
  if (applied.length === 0) return t(locale, 'ledger.pay.none');
  const lines = applied.slice(0, 30).map((a) =>
    t(locale, 'ledger.pay.allocation', {
      invoice: a.invoice,
      amount: formatCents(a.amountCents),
      open: formatCents(a.openCents),
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
  },
): string {
  return t(locale, 'ledger.pay.recorded', {
    on: p.receivedOn,
    payment: p.payment,
    account: e(p.account),
    code: p.code,
    amount: formatCents(p.amountCents),
    allocations: allocationLines(locale, p.applied),
    unapplied: formatCents(p.unappliedCents),
    balance: formatSigned(p.balanceCents),
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
  },
): string {
  return t(locale, 'ledger.credit.recorded', {
    kind: tFor(locale, 'ledger.credit.kind', c.kind),
    note: c.note,
    account: e(c.account),
    code: c.code,
    amount: formatCents(c.amountCents),
    reason: e(c.reason, 200),
    allocations: allocationLines(locale, c.applied),
    balance: formatSigned(c.balanceCents),
  });
}

/** A balance may be negative (paid in advance): "-1,200.50". */
export const formatSigned = (cents: number): string => (cents < 0 ? `-${formatCents(-cents)}` : formatCents(cents));

/** The account card's lines: balance and open orders, then the aging table. */
export function ledgerCardText(
  locale: Locale,
  l: { receivableCents: number; openOrdersCents: number; aging: AgingTable },
): string {
  const balance = t(locale, 'ledger.card.balance', {
    balance: formatSigned(l.receivableCents),
    orders: formatCents(Math.max(0, l.openOrdersCents)),
  });
  return `${balance}\n${t(locale, 'ledger.card.aging', agingParams(l.aging))}`;
}

export const agingParams = (a: AgingTable) => ({
  d0_30: formatCents(a.d0_30),
  d31_60: formatCents(a.d31_60),
  d61_90: formatCents(a.d61_90),
  d90_plus: formatCents(a.d90_plus),
});
