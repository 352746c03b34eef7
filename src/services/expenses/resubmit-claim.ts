import { recordAudit } from '../../db/audit-repo.ts';
import type { Db } from '../../db/database.ts';
import { findClaim, transitionClaim, type Claim } from '../../db/expenses/claim-repo.ts';
import { transaction } from '../../db/unit-of-work.ts';
import type { ClaimInput } from '../../domain/expenses/claim-input.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf } from '../org/locale-of.ts';
import { claimOrigin, queueClaimCard } from './claim-messages.ts';
import { routeClaim } from './submit-claim.ts';

/** Only the claimant may edit, and only a returned claim. */
export async function loadEditableClaim(o: {
  db: Db;
  chart: OrgChart;
  claimId: number;
  editorId: string;
}): Promise<Claim> {
  const claim = Number.isSafeInteger(o.claimId) ? await findClaim(o.db, o.claimId) : null;
  if (!claim || claim.orgId !== o.chart.data.orgId) throw new AppError(ErrorCode.NotFound, { what: `#${o.claimId}` });
  if (claim.claimantId !== o.editorId)
    throw new AppError(
      ErrorCode.Forbidden,
      { claimant: o.chart.nameOf(claim.claimantId) },
      'not the claimant',
      'expense.not_claimant',
    );
  if (claim.status !== 'returned')
    throw new AppError(ErrorCode.InvalidInput, {}, `claim ${claim.id} is ${claim.status}`, 'expense.not_returned');
  return claim;
}

/** Edits a returned claim: the same claim, a new version, routed again from its first approver. */
export async function resubmitClaim(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  claimId: number;
  editorId: string;
  input: ClaimInput;
}): Promise<Claim> {
  const before = await loadEditableClaim(o);
  const route = await routeClaim({ ...o, claimantId: before.claimantId, exceptClaimId: before.id });
  const now = o.clock.now();
  return transaction(o.db, async (unit) => {
    const moved = await transitionClaim(
      unit,
      before.id,
      { status: ['returned'] },
      {
        ...o.input,
        month: o.input.spentOn.slice(0, 7),
        status: 'pending',
        approvers: route.approvers,
        overBudget: route.overBudget,
        step: 0,
        version: before.version + 1,
        returnReason: null,
        decidedBy: null,
        decidedAt: null,
        updatedAt: now,
      },
    );
    if (!moved) throw new AppError(ErrorCode.InvalidInput, {}, 'resubmitted twice', 'expense.not_returned');
    const card = await queueClaimCard(unit, o.chart, moved, route.budget, now);
    // the returned version's card is a copy too: it follows the new version's decisions
    const earlierCardIds = [...moved.earlierCardIds, ...(moved.approvalOutboxId ? [moved.approvalOutboxId] : [])];
    const claim = await transitionClaim(
      unit,
      moved.id,
      { status: ['pending'] },
      { approvalOutboxId: card.id, earlierCardIds },
    );
    if (!claim) throw new Error(`claim ${moved.id} left pending inside its own transaction`);
    const text = t(localeOf(o.chart, claim.claimantId), 'expense.resubmitted', {
      number: claim.number,
      version: claim.version,
      approver: escapeMrkdwn(o.chart.nameOf(claim.approvers[0])),
    });
    await queueDirectMessage(unit, claim.claimantId, { text }, now, claimOrigin(claim));
    await recordAudit(unit, {
      orgId: claim.orgId,
      actor: o.editorId,
      action: 'expense.resubmitted',
      subject: `expense:${claim.id}`,
      detail: { version: claim.version },
      at: now,
    });
    return claim;
  });
}
