import { enqueueMessage, enqueueMessages, type MessageOrigin } from '../../db/delivery/outbox-repo.ts';
import type { Claim } from '../../db/expenses/claim-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import {
  claimCard,
  type BudgetLine,
  type ClaimDecision,
  type ClaimMessageContext,
} from '../../views/expenses/claim-card.ts';
import { approvalConversation } from '../delivery/direct-message.ts';
import { localeOf, orgLocaleOf } from '../org/locale-of.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';

export const claimContextFor = (chart: OrgChart, readerId: string): ClaimMessageContext => ({
  locale: localeOf(chart, readerId),
  timeZone: chart.data.timezone,
  nameOf: (id) => chart.nameOf(id),
  currency: currencyOf(chart),
});

/** A shared conversation (the claimant and the approver) reads in the organisation's language. */
export const sharedClaimContext = (chart: OrgChart): ClaimMessageContext => ({
  locale: orgLocaleOf(chart),
  timeZone: chart.data.timezone,
  nameOf: (id) => chart.nameOf(id),
  currency: currencyOf(chart),
});

export const claimOrigin = (claim: Pick<Claim, 'number' | 'claimantId'>): MessageOrigin => ({
  kind: 'expense',
  ref: String(claim.number),
  by: claim.claimantId,
});

/** Posts the card for the approver whose decision is awaited, in their conversation with the claimant. */
export async function queueClaimCard(
  tx: DbLike,
  chart: OrgChart,
  claim: Claim,
  budget: BudgetLine | null,
  now: Date,
): Promise<{ id: number }> {
  const message = claimCard(claim, sharedClaimContext(chart), { budget });
  const channel = approvalConversation(claim.claimantId, claim.approvers[claim.step]);
  return enqueueMessage(tx, { method: 'chat.postMessage', channel, args: message, origin: claimOrigin(claim) }, now);
}

/**
 * Rewrites the card in place: the decision shown, the buttons gone. A final decision (approved,
 * returned, paid) rewrites every copy: an earlier level's card too, which else would read 轉交 … forever.
 */
export async function queueClaimCardUpdate(
  tx: DbLike,
  chart: OrgChart,
  claim: Claim,
  decision: ClaimDecision,
  now: Date,
) {
  if (!claim.approvalOutboxId) return;
  const message = claimCard(claim, sharedClaimContext(chart), { decision });
  const copies = decision.kind === 'step' ? [] : claim.earlierCardIds;
  await enqueueMessages(
    tx,
    [...copies, claim.approvalOutboxId].map((id) => ({
      method: 'chat.update',
      channel: '',
      args: message,
      updateOfId: id,
    })),
    now,
  );
}

/** A reply under the card, where the claim is discussed. */
export async function queueClaimThreadReply(tx: DbLike, claim: Claim, text: string, now: Date): Promise<void> {
  if (!claim.approvalOutboxId) return;
  await enqueueMessage(
    tx,
    { method: 'chat.postMessage', channel: '', args: { text }, threadOfId: claim.approvalOutboxId },
    now,
  );
}
