import { moveExposure } from '../../db/orders/exposure-repo.ts';
import { openInvoicesOf, reduceOpen } from '../../db/receivables/invoice-repo.ts';
import { findAccountByCodeAnyCase, type LedgerAccount } from '../../db/receivables/ledger-account-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import { CONTRACT_AMOUNT_MAX_CENTS, parseMoneyCents } from '../../domain/deals/money.ts';
import { settle } from '../../domain/receivables/settlement.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import { orderStateText } from '../../views/receivables/shipment-views.ts';
import { orgLocaleOf } from '../org/locale-of.ts';
import { advanceOrder } from './ledger-order.ts';

export async function requireAccount(db: DbLike, chart: OrgChart, code: string): Promise<LedgerAccount> {
  const account = await findAccountByCodeAnyCase(db, chart.data.orgId, code);
  if (!account) throw new AppError(ErrorCode.NotFound, { code }, 'no account', 'ledger.account_not_found');
  return account;
}

/** Typed money in cents, or a refusal naming what is wrong with it. */
export function requireAmount(raw: string): number {
  const parsed = parseMoneyCents(raw, CONTRACT_AMOUNT_MAX_CENTS);
  if (parsed.ok) return parsed.cents;
  throw new AppError(ErrorCode.InvalidInput, { value: raw }, 'bad amount', `ledger.money.${parsed.error}`);
}

export interface Applied {
  invoice: string;
  amountCents: number;
  openCents: number;
}

/**
 * Inside the unit of work: lowers the account's receivables by the whole amount first (the row
 * every writer of the account queues on), then settles its open invoices oldest first or the named
 * ones, and moves each order touched on (to settled when all its invoices are). The applied parts,
 * the unapplied rest and the balance after.
 */
export async function applyToInvoices(
  unit: DbLike,
  o: {
    chart: OrgChart;
    actorId: string;
    account: LedgerAccount;
    amountCents: number;
    namedIds?: number[];
    now: Date;
  },
): Promise<{ applied: (Applied & { invoiceId: number })[]; unappliedCents: number; balanceCents: number }> {
  const { account, now } = o;
  const exposure = await moveExposure(unit, {
    orgId: o.chart.data.orgId,
    accountId: account.id,
    ordersCents: 0,
    receivableCents: -o.amountCents,
    now,
  });
  const open = await openInvoicesOf(unit, account.id);
  const { allocations, unappliedCents } = settle(o.amountCents, open, o.namedIds);
  const applied: (Applied & { invoiceId: number })[] = [];
  const orders = new Set<number>();
  for (const a of allocations) {
    const invoice = open.find((i) => i.id === a.invoiceId);
    if (!invoice || !(await reduceOpen(unit, a.invoiceId, a.amountCents))) throw new Error('invoice changed meanwhile');
    applied.push({
      invoiceId: a.invoiceId,
      invoice: invoice.number,
      amountCents: a.amountCents,
      openCents: invoice.openCents - a.amountCents,
    });
    if (invoice.orderId !== null) orders.add(invoice.orderId);
  }
  const locale = orgLocaleOf(o.chart);
  for (const orderId of orders) {
    const note = (state: string, number: string) =>
      state === 'settled'
        ? t(locale, 'ledger.order.settled_thread', { order: number, state: orderStateText(locale, state) })
        : undefined;
    await advanceOrder(unit, { chart: o.chart, orderId, actorId: o.actorId, now, note });
  }
  return { applied, unappliedCents, balanceCents: exposure.receivableCents };
}
