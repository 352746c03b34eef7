import { findDuplicateAccount } from '../../db/accounts/account-repo.ts';
import { decideAccountRequest as markDecided, pendingAccountRequests } from '../../db/accounts/account-request-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import type { Unit } from '../../db/unit-of-work.ts';
import type { AccountInput } from '../../domain/accounts/account-fields.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { existingRequestCard } from '../../views/accounts/account-request-views.ts';

/**
 * Closes every pending request whose account is in the register now (approved by another request,
 * imported, added by the SSG): marked `duplicate`, its card loses its buttons and says so.
 */
export async function closeRequestsOfExisting(
  unit: Unit,
  o: { chart: OrgChart; deciderId: string; now: Date },
): Promise<number> {
  const orgId = o.chart.data.orgId;
  let closed = 0;
  for (const request of await pendingAccountRequests(unit, orgId)) {
    const account = JSON.parse(request.proposal) as AccountInput;
    const phone = account.contactPhone;
    const existing = await findDuplicateAccount(unit, { orgId, code: account.code, name: account.name, phone });
    if (!existing) continue;
    const marked = await markDecided(unit, {
      id: request.id,
      status: 'duplicate',
      deciderId: o.deciderId,
      accountId: existing.id,
      now: o.now,
    });
    if (!marked || request.outboxId === null) continue;
    closed += 1;
    const card = existingRequestCard({ account, requester: o.chart.nameOf(request.requesterId), chart: o.chart });
    const update = { method: 'chat.update' as const, channel: '', args: card, updateOfId: request.outboxId };
    await enqueueMessage(unit, update, o.now);
  }
  return closed;
}
