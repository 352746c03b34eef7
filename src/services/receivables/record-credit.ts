import { recordAudit } from '../../db/audit-repo.ts';
import { nextDocumentNumber } from '../../db/receivables/document-number.ts';
import { insertCreditNote } from '../../db/receivables/payment-repo.ts';
import { transaction, type Db } from '../../db/unit-of-work.ts';
import { creditKindOf, type CreditWords } from '../../domain/receivables/ledger-command.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import type { Clock } from '../../lib/clock.ts';
import { creditAnswer } from '../../views/receivables/ledger-answers.ts';
import { localeOf } from '../org/locale-of.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { requireLedgerKeeper } from './ledger-order.ts';
import { applyToInvoices, requireAccount, requireAmount } from './settle-account.ts';

/**
 * A rebate or credit note `/order credit ED01 500 年度返利` (the reason is required): it lowers the
 * account's balance and settles its open invoices oldest first, as a payment does.
 */
export async function recordCredit(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  words: CreditWords;
}): Promise<string> {
  const { chart, askerId, words } = o;
  requireLedgerKeeper(chart, askerId);
  const account = await requireAccount(o.db, chart, words.code);
  const amountCents = requireAmount(words.amount);
  const reason = words.reason.slice(0, 500);
  const kind = creditKindOf(reason);
  const now = o.clock.now();
  const orgId = chart.data.orgId;
  return transaction(o.db, async (unit) => {
    const result = await applyToInvoices(unit, { chart, actorId: askerId, account, amountCents, now });
    const number = await nextDocumentNumber(unit, 'CreditNote', orgId);
    const invoiceId = result.applied.length === 1 ? result.applied[0].invoiceId : null;
    const base = { orgId, number, accountId: account.id, invoiceId, kind, amountCents, reason };
    await insertCreditNote(unit, { ...base, unappliedCents: result.unappliedCents, recordedById: askerId, now });
    const detail = { number, amountCents, reason };
    await recordAudit(unit, { orgId, actor: askerId, action: 'ledger.credit', subject: account.code, detail, at: now });
    return creditAnswer(localeOf(chart, askerId), {
      currency: currencyOf(chart),
      note: number,
      kind,
      account: account.name,
      code: account.code,
      amountCents,
      reason,
      applied: result.applied,
      balanceCents: result.balanceCents,
    });
  });
}
