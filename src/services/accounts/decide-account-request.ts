import { alreadyHandled } from '../org/already-handled.ts';
import { findDuplicateAccount, findAccountByCode, upsertAccounts } from '../../db/accounts/account-repo.ts';
import {
  decideAccountRequest as markDecided,
  findAccountRequest,
  findAccountRequestByMessage,
  setAccountRequestAccount,
  type AccountRequest,
} from '../../db/accounts/account-request-repo.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import type { Db } from '../../db/unit-of-work.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import { transaction } from '../../db/unit-of-work.ts';
import type { AccountInput } from '../../domain/accounts/account-fields.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { decidedRequestCard } from '../../views/accounts/account-request-views.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf } from '../org/locale-of.ts';
import { closeRequestsOfExisting } from './close-existing-requests.ts';
import { refuseDuplicate } from './new-account.ts';

/** The request whose card started this thread, if any (a reply 通過 there approves it). */
export async function accountRequestOfThread(o: {
  db: Db;
  channel: string;
  threadTs: string;
}): Promise<number | undefined> {
  return (await findAccountRequestByMessage(o.db, o.channel, o.threadTs))?.id;
}

function alreadyDecided(chart: OrgChart, request: AccountRequest, askerId: string): AppError {
  return alreadyHandled(chart, { by: request.deciderId, at: request.decidedAt, askerId, detail: 'decided' });
}

/**
 * The SSG approves or refuses a KAM's new account, by button or by a reply in the card's thread.
 * Approved, the account is added (refused still if its code or name and phone came in meanwhile);
 * the card loses its buttons, the thread and the KAM are told. A second click acts on nothing. Other
 * pending requests for an account now in the register are closed (their cards lose their buttons).
 */
export async function decideAccountRequest(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  requestId: number;
  deciderId: string;
  approve: boolean;
}): Promise<void> {
  const { chart, deciderId } = o;
  const request = await findAccountRequest(o.db, o.requestId);
  if (!request || request.orgId !== chart.data.orgId)
    throw new AppError(ErrorCode.NotFound, { what: `#${o.requestId}` }, 'no such request');
  if (!chart.isSsg(deciderId))
    throw new AppError(ErrorCode.Forbidden, {}, `${deciderId} is not SSG`, 'account.request.not_ssg');
  if (request.status !== 'pending') throw alreadyDecided(chart, request, deciderId);
  const account = JSON.parse(request.proposal) as AccountInput;
  const orgId = chart.data.orgId;
  const now = o.clock.now();
  if (o.approve) {
    const phone = account.contactPhone;
    const existing = await findDuplicateAccount(o.db, { orgId, code: account.code, name: account.name, phone });
    if (existing) await transaction(o.db, (unit) => closeRequestsOfExisting(unit, { chart, deciderId, now }));
    refuseDuplicate(chart, existing);
  }
  const decided = await transaction(o.db, async (unit) => {
    if (
      !(await markDecided(unit, {
        id: request.id,
        status: o.approve ? 'approved' : 'refused',
        deciderId,
        accountId: null,
        now,
      }))
    )
      return false;
    if (o.approve) {
      await upsertAccounts(unit, { orgId, accounts: [account], source: 'kam', now });
      const created = await findAccountByCode(unit, orgId, account.code);
      await setAccountRequestAccount(unit, request.id, created?.id ?? null);
      await closeRequestsOfExisting(unit, { chart, deciderId, now });
    }
    await recordAudit(unit, {
      orgId,
      actor: deciderId,
      action: o.approve ? 'account.request.approve' : 'account.request.refuse',
      subject: account.code,
      at: now,
    });
    const decider = chart.nameOf(deciderId);
    const card = decidedRequestCard({
      account,
      requester: chart.nameOf(request.requesterId),
      decider,
      approved: o.approve,
      chart,
    });
    if (request.outboxId !== null) {
      await enqueueMessage(unit, { method: 'chat.update', channel: '', args: card, updateOfId: request.outboxId }, now);
      await enqueueMessage(
        unit,
        { method: 'chat.postMessage', channel: '', args: { text: card.text }, threadOfId: request.outboxId },
        now,
      );
    }
    const locale: Locale = localeOf(chart, request.requesterId);
    const params = { name: account.name, code: account.code, decider };
    const dm = t(locale, o.approve ? 'account.request.approved_dm' : 'account.request.refused_dm', params);
    await queueDirectMessage(unit, request.requesterId, { text: dm }, now);
    return true;
  });
  if (!decided) throw alreadyDecided(chart, (await findAccountRequest(o.db, o.requestId)) ?? request, deciderId);
}
