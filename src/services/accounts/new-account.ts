import {
  findAccountByCode,
  findDuplicateAccount,
  upsertAccounts,
  type Account,
} from '../../db/accounts/account-repo.ts';
import {
  findAccountRequestByView,
  insertAccountRequest,
  setAccountRequestCard,
} from '../../db/accounts/account-request-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import type { Db } from '../../db/unit-of-work.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import type { Unit } from '../../db/unit-of-work.ts';
import { transaction } from '../../db/unit-of-work.ts';
import {
  type AccountFields,
  type AccountInput,
  checkAccountFields,
  isProblem,
} from '../../domain/accounts/account-fields.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format-time.ts';
import { accountRequestCard } from '../../views/accounts/account-request-views.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf } from '../org/locale-of.ts';

export type NewAccountResult =
  | { kind: 'created'; account: AccountInput }
  | { kind: 'requested'; requestId: number }
  | { kind: 'problem'; reason: string; value?: string };

/** Who may add an account at once (the SSG), or ask for one for their own market (a KAM). */
export function mayAddAccount(chart: OrgChart, askerId: string): 'create' | 'request' | false {
  if (chart.template !== 'brand-sales') return false;
  if (chart.isSsg(askerId)) return 'create';
  if (chart.person(askerId)?.role === 'key_account_manager') return 'request';
  return false;
}

/** The same code, or the same name and phone, is refused naming the account that has it. */
export function refuseDuplicate(chart: OrgChart, existing: Account | null): void {
  if (!existing) return;
  const owner = existing.ownerId ? chart.nameOf(existing.ownerId) : '—';
  throw new AppError(
    ErrorCode.InvalidInput,
    { name: existing.name, code: existing.code, owner },
    'duplicate',
    'account.duplicate',
  );
}

/** Checks the proposal against the register: a duplicate, an outlet's distributor that is not one. */
export async function checkAgainstRegister(
  db: Db | Unit,
  chart: OrgChart,
  account: AccountInput,
): Promise<NewAccountResult | undefined> {
  const orgId = chart.data.orgId;
  refuseDuplicate(
    chart,
    await findDuplicateAccount(db, { orgId, code: account.code, name: account.name, phone: account.contactPhone }),
  );
  if (!account.distributorCode) return undefined;
  const distributor = await findAccountByCode(db, orgId, account.distributorCode);
  if (distributor?.kind !== 'distributor')
    return { kind: 'problem', reason: 'unknown_distributor', value: account.distributorCode };
  return undefined;
}

/**
 * `/account new`: the SSG adds the account at once; a KAM asks for one in their own market, and the
 * SSG approves it in the thread of the request's card in its channel (button or a reply 通過).
 * The same modal submitted twice (a double click) files one request: the view id keys it.
 */
export async function newAccount(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  fields: AccountFields;
  viewId: string;
}): Promise<NewAccountResult> {
  const { chart, askerId } = o;
  const filed = await findAccountRequestByView(o.db, o.viewId);
  if (filed) return { kind: 'requested', requestId: filed.id };
  const may = mayAddAccount(chart, askerId);
  if (!may) throw new AppError(ErrorCode.Forbidden, {}, `${askerId} may not add accounts`, 'account.new.forbidden');
  const checked = checkAccountFields({ ...o.fields, status: 'active' }, chart);
  if (isProblem(checked)) return { kind: 'problem', ...checked };
  if (may === 'request' && !chart.marketsOf(askerId).includes(checked.market))
    return { kind: 'problem', reason: 'market', value: o.fields.market };
  // a KAM asking for an account in their market owns it unless they name one of their reps (the modal says so)
  if (may === 'request' && !checked.ownerId) checked.ownerId = askerId;
  const now = o.clock.now();
  const today = formatDate(now, chart.data.timezone);
  if (checked.openedOn > today) return { kind: 'problem', reason: 'opened_future', value: checked.openedOn };
  const refused = await checkAgainstRegister(o.db, chart, checked);
  if (refused) return refused;
  const orgId = chart.data.orgId;
  const locale = localeOf(chart, askerId);
  const params = { name: checked.name, code: checked.code };
  if (may === 'create') {
    await transaction(o.db, async (unit) => {
      await upsertAccounts(unit, { orgId, accounts: [checked], source: 'ssg', now });
      await recordAudit(unit, { orgId, actor: askerId, action: 'account.create', subject: checked.code, at: now });
      await queueDirectMessage(unit, askerId, { text: t(locale, 'account.created', params) }, now);
    });
    return { kind: 'created', account: checked };
  }
  const channel = chart.channel('ssg') ?? chart.firstWithRole('ssg_leader')?.slackId;
  if (!channel) throw new AppError(ErrorCode.NoApprover, {}, 'no SSG channel or leader');
  const requestId = await transaction(o.db, async (unit) => {
    const id = await insertAccountRequest(unit, {
      orgId,
      requesterId: askerId,
      proposal: JSON.stringify(checked),
      viewId: o.viewId,
      now,
    });
    if (id === null) return null;
    const card = accountRequestCard({ requestId: id, account: checked, requester: chart.nameOf(askerId), chart });
    const { id: outboxId } = await enqueueMessage(
      unit,
      { method: 'chat.postMessage', channel, args: card, origin: { kind: 'account', ref: checked.code, by: askerId } },
      now,
    );
    await setAccountRequestCard(unit, id, outboxId);
    await queueDirectMessage(unit, askerId, { text: t(locale, 'account.request.sent', params) }, now);
    return id;
  });
  if (requestId === null) {
    const again = await findAccountRequestByView(o.db, o.viewId);
    return { kind: 'requested', requestId: again?.id ?? 0 };
  }
  return { kind: 'requested', requestId };
}
