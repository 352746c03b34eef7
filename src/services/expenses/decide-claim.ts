import { alreadyHandled } from '../org/already-handled.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import type { Db } from '../../db/database.ts';
import { findClaim, transitionClaim, type Claim } from '../../db/expenses/claim-repo.ts';
import { transaction, type Unit } from '../../db/unit-of-work.ts';
import { formatMoney } from '../../domain/deals/money.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { claimReturnedNotice } from '../../views/expenses/claim-card.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf, orgLocaleOf } from '../org/locale-of.ts';
import { budgetLineFor } from './claim-budget.ts';
import {
  claimContextFor,
  claimOrigin,
  queueClaimCard,
  queueClaimCardUpdate,
  queueClaimThreadReply,
} from './claim-messages.ts';

export interface DecideClaimOptions {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  claimId: number;
  deciderId: string;
}

export function claimAlreadyDecided(chart: OrgChart, claim: Claim, askerId: string): AppError {
  const detail = `claim ${claim.id} is ${claim.status}`;
  return alreadyHandled(chart, { by: claim.decidedBy, at: claim.decidedAt, askerId, detail });
}

/** The error for a claim another decider moved first, read again inside the transaction. */
async function decidedMeanwhile(unit: Unit, chart: OrgChart, claimId: number, askerId: string): Promise<AppError> {
  const claim = await findClaim(unit, claimId);
  return claim ? claimAlreadyDecided(chart, claim, askerId) : new AppError(ErrorCode.NotFound, { what: `#${claimId}` });
}

/** A claim waiting for this decider: the approver of its current step, and nobody else. */
export async function loadDecidableClaim(o: Omit<DecideClaimOptions, 'clock'>): Promise<Claim> {
  const claim = Number.isSafeInteger(o.claimId) ? await findClaim(o.db, o.claimId) : null;
  if (!claim || claim.orgId !== o.chart.data.orgId) throw new AppError(ErrorCode.NotFound, { what: `#${o.claimId}` });
  if (claim.status !== 'pending') throw claimAlreadyDecided(o.chart, claim, o.deciderId);
  const approver = claim.approvers[claim.step];
  if (approver !== o.deciderId)
    throw new AppError(
      ErrorCode.Forbidden,
      { approver: o.chart.nameOf(approver) },
      `${o.deciderId} may not decide claim ${claim.id}`,
      'expense.not_approver',
    );
  return claim;
}

/**
 * Approves the current step (by button or a reply 通過). With a next approver left (an over-budget
 * claim), the card moves to them; after the last, the claimant hears it is approved. Acts once.
 */
export async function approveClaim(o: DecideClaimOptions): Promise<Claim> {
  const { chart, deciderId } = o;
  const before = await loadDecidableClaim(o);
  const now = o.clock.now();
  const last = before.step >= before.approvers.length - 1;
  const budget = last
    ? null
    : await budgetLineFor({
        db: o.db,
        chart,
        claimantId: before.claimantId,
        category: before.category,
        month: before.month,
        exceptClaimId: before.id,
      });
  return transaction(o.db, async (unit) => {
    const decided = { decidedBy: deciderId, decidedAt: now, updatedAt: now };
    const change = last ? { status: 'approved' as const, ...decided } : { step: before.step + 1, ...decided };
    const claim = await transitionClaim(unit, before.id, { status: ['pending'], step: before.step }, change);
    if (!claim) throw await decidedMeanwhile(unit, chart, before.id, deciderId);
    const shared = orgLocaleOf(chart);
    const by = escapeMrkdwn(chart.nameOf(deciderId));
    if (last) {
      await queueClaimCardUpdate(unit, chart, claim, { kind: 'approved', by: deciderId, at: now }, now);
      await queueClaimThreadReply(unit, claim, t(shared, 'expense.thread.approved', { number: claim.number, by }), now);
      const locale = localeOf(chart, claim.claimantId);
      const text = t(locale, 'expense.approved_notice', {
        number: claim.number,
        amount: formatMoney(claim.amountCents, currencyOf(chart), locale),
      });
      await queueDirectMessage(unit, claim.claimantId, { text }, now, claimOrigin(claim));
    } else {
      const next = claim.approvers[claim.step];
      await queueClaimCardUpdate(unit, chart, claim, { kind: 'step', by: deciderId, at: now, next }, now);
      const nextName = escapeMrkdwn(chart.nameOf(next));
      await queueClaimThreadReply(
        unit,
        claim,
        t(shared, 'expense.thread.next', { number: claim.number, by, next: nextName }),
        now,
      );
      const card = await queueClaimCard(unit, chart, claim, budget, now);
      // the card just decided is kept: it follows the claim's final decision, as the new one does
      const earlierCardIds = [...claim.earlierCardIds, ...(claim.approvalOutboxId ? [claim.approvalOutboxId] : [])];
      await transitionClaim(unit, claim.id, { status: ['pending'] }, { approvalOutboxId: card.id, earlierCardIds });
    }
    await recordAudit(unit, {
      orgId: claim.orgId,
      actor: deciderId,
      action: last ? 'expense.approved' : 'expense.step_approved',
      subject: `expense:${claim.id}`,
      detail: { step: before.step },
      at: now,
    });
    return claim;
  });
}

/** Returns a claim with a reason; the claimant gets it with a button to edit and resubmit. */
export async function returnClaim(o: DecideClaimOptions & { reason: string }): Promise<Claim> {
  const { chart, deciderId } = o;
  const reason = o.reason.trim();
  if (!reason) throw new AppError(ErrorCode.InvalidInput, { reason: '—' });
  const before = await loadDecidableClaim(o);
  const now = o.clock.now();
  return transaction(o.db, async (unit) => {
    const change = {
      status: 'returned' as const,
      returnReason: reason,
      decidedBy: deciderId,
      decidedAt: now,
      updatedAt: now,
    };
    const claim = await transitionClaim(unit, before.id, { status: ['pending'], step: before.step }, change);
    if (!claim) throw await decidedMeanwhile(unit, chart, before.id, deciderId);
    await queueClaimCardUpdate(unit, chart, claim, { kind: 'returned', by: deciderId, at: now, reason }, now);
    const notice = claimReturnedNotice(claim, claimContextFor(chart, claim.claimantId), deciderId, reason);
    await queueDirectMessage(unit, claim.claimantId, notice, now, claimOrigin(claim));
    await recordAudit(unit, {
      orgId: claim.orgId,
      actor: deciderId,
      action: 'expense.returned',
      subject: `expense:${claim.id}`,
      detail: { reason },
      at: now,
    });
    return claim;
  });
}
