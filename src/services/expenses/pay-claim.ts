import { recordAudit } from '../../db/audit-repo.ts';
import type { Db } from '../../db/database.ts';
import { findClaimByNumber, transitionClaim, type Claim } from '../../db/expenses/claim-repo.ts';
import { transaction } from '../../db/unit-of-work.ts';
import { formatMoney } from '../../domain/deals/money.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { mayMarkPaid } from '../../domain/expenses/expense-rules.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf } from '../org/locale-of.ts';
import { claimOrigin, queueClaimCardUpdate } from './claim-messages.ts';

/** The SSG or finance marks an approved claim paid (`/expense paid 12`); marking it again changes nothing. */
export async function markClaimPaid(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  number: number;
}): Promise<Claim> {
  const { chart } = o;
  if (!mayMarkPaid(chart, o.askerId)) {
    // on a site the payer is the site secretary (女專), not the SSG or finance
    const key = chart.template === 'property-site' ? 'expense.not_payer_site' : 'expense.not_payer';
    throw new AppError(ErrorCode.Forbidden, {}, `${o.askerId} may not mark paid`, key);
  }
  const before = Number.isSafeInteger(o.number) ? await findClaimByNumber(o.db, chart.data.orgId, o.number) : null;
  if (!before) throw new AppError(ErrorCode.NotFound, { number: o.number }, 'no claim', 'expense.not_found');
  if (before.status === 'paid') throw alreadyPaid(chart, before, o.askerId);
  if (before.status !== 'approved')
    throw new AppError(ErrorCode.InvalidInput, { number: before.number }, before.status, 'expense.not_approved');
  const now = o.clock.now();
  return transaction(o.db, async (unit) => {
    const claim = await transitionClaim(
      unit,
      before.id,
      { status: ['approved'] },
      {
        status: 'paid',
        paidBy: o.askerId,
        paidAt: now,
        updatedAt: now,
      },
    );
    // paid by another click meanwhile
    if (!claim)
      throw alreadyPaid(chart, (await findClaimByNumber(unit, chart.data.orgId, o.number)) ?? before, o.askerId);
    await queueClaimCardUpdate(unit, chart, claim, { kind: 'paid', by: o.askerId, at: now }, now);
    const locale = localeOf(chart, claim.claimantId);
    const text = t(locale, 'expense.paid_notice', {
      number: claim.number,
      amount: formatMoney(claim.amountCents, currencyOf(chart), locale),
    });
    await queueDirectMessage(unit, claim.claimantId, { text }, now, claimOrigin(claim));
    await recordAudit(unit, {
      orgId: claim.orgId,
      actor: o.askerId,
      action: 'expense.paid',
      subject: `expense:${claim.id}`,
      at: now,
    });
    return claim;
  });
}

/** A second `/expense paid`: who marked it paid and when, or "you already did". */
function alreadyPaid(chart: OrgChart, claim: Claim, askerId: string): AppError {
  const at = claim.paidAt ? formatDateTime(claim.paidAt, chart.data.timezone) : '—';
  const mine = claim.paidBy === askerId;
  const params = { number: claim.number, at, by: claim.paidBy ? chart.nameOf(claim.paidBy) : '—' };
  const key = mine ? 'expense.already_paid_by_you' : 'expense.already_paid';
  return new AppError(ErrorCode.AlreadyDecided, params, `claim ${claim.id} paid`, key);
}
