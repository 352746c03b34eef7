import { recordAudit } from '../../db/audit-repo.ts';
import { nextDocumentNumber } from '../../db/receivables/document-number.ts';
import { invoicesByNumber } from '../../db/receivables/invoice-repo.ts';
import { insertAllocation, insertPayment } from '../../db/receivables/payment-repo.ts';
import { transaction, type Db } from '../../db/unit-of-work.ts';
import type { PayWords } from '../../domain/receivables/ledger-command.ts';
import { parseOpenedOn } from '../../domain/accounts/account-fields.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { paymentAnswer } from '../../views/receivables/ledger-answers.ts';
import { localeOf } from '../org/locale-of.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { localToday, requireLedgerKeeper } from './ledger-order.ts';
import { applyToInvoices, requireAccount, requireAmount } from './settle-account.ts';

/** Named invoices must be the account's and still open; their ids, in the order named. */
async function namedInvoiceIds(db: Db, chart: OrgChart, accountId: number, code: string, numbers: string[]) {
  if (numbers.length === 0) return undefined;
  const found = await invoicesByNumber(db, chart.data.orgId, numbers);
  const missing = numbers.filter((n) => !found.some((i) => i.number === n && i.accountId === accountId));
  if (missing.length > 0)
    throw new AppError(
      ErrorCode.InvalidInput,
      { numbers: missing.join('、'), code },
      'bad invoice',
      'ledger.pay.unknown_invoice',
    );
  const settled = found.filter((i) => i.openCents <= 0).map((i) => i.number);
  if (settled.length > 0)
    throw new AppError(
      ErrorCode.InvalidInput,
      { numbers: settled.join('、') },
      'settled',
      'ledger.pay.settled_invoice',
    );
  return numbers.map((n) => found.find((i) => i.number === n)?.id ?? 0);
}

/** The day the money came in: the one typed (a real day, not after today), else today. */
function receivedOnOf(typed: string | undefined, today: string): string {
  if (typed === undefined) return today;
  const on = parseOpenedOn(typed);
  if (!on) throw new AppError(ErrorCode.InvalidInput, { value: typed }, 'bad date', 'ledger.pay.bad_date');
  if (on > today) throw new AppError(ErrorCode.InvalidInput, { value: on }, 'future', 'ledger.pay.future_date');
  return on;
}

/**
 * CSR3 records a payment (貨款結算) `/order pay ED01 12,000.50 [2026-11-20] [INV-000003 …]`, received
 * on the day typed (default today: the day payment behaviour and the order of unapplied money use): it settles the
 * account's open invoices oldest first, or only the named ones; what is left is kept unapplied.
 * Orders whose invoices are all settled become settled. Answers what was settled and the balance.
 */
export async function recordPayment(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  words: PayWords;
}): Promise<string> {
  const { chart, askerId, words } = o;
  requireLedgerKeeper(chart, askerId);
  const account = await requireAccount(o.db, chart, words.code);
  const amountCents = requireAmount(words.amount);
  const namedIds = await namedInvoiceIds(o.db, chart, account.id, account.code, words.invoices);
  const now = o.clock.now();
  const receivedOn = receivedOnOf(words.on, localToday(chart, now));
  const orgId = chart.data.orgId;
  return transaction(o.db, async (unit) => {
    const result = await applyToInvoices(unit, { chart, actorId: askerId, account, amountCents, namedIds, now });
    const number = await nextDocumentNumber(unit, 'Payment', orgId);
    const paymentId = await insertPayment(unit, {
      orgId,
      number,
      accountId: account.id,
      receivedOn,
      amountCents,
      unappliedCents: result.unappliedCents,
      recordedById: askerId,
      now,
    });
    for (const a of result.applied)
      await insertAllocation(unit, { orgId, paymentId, invoiceId: a.invoiceId, amountCents: a.amountCents });
    const detail = { number, amountCents, unappliedCents: result.unappliedCents };
    await recordAudit(unit, { orgId, actor: askerId, action: 'ledger.pay', subject: account.code, detail, at: now });
    return paymentAnswer(localeOf(chart, askerId), {
      currency: currencyOf(chart),
      payment: number,
      account: account.name,
      code: account.code,
      amountCents,
      receivedOn,
      ...result,
    });
  });
}
