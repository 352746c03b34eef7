import { findAccountById } from '../../db/accounts/account-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import { findProducts } from '../../db/orders/product-repo.ts';
import {
  closeNeed as closeStoredNeed,
  findNeed,
  insertNeed,
  openNeeds,
  type ReplenishmentNeed,
} from '../../db/orders/replenishment-repo.ts';
import type { Db, DbLike } from '../../db/unit-of-work.ts';
import { transaction } from '../../db/unit-of-work.ts';
import { mayEnterOrder } from '../../domain/orders/order-access.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { needCard } from '../../views/orders/need-views.ts';
import type { OrderPrefill } from '../../views/orders/order-modal.ts';
import { isEntryProblem, requireBrand, resolveOrderAccount } from './check-order.ts';
import { ssgDesk } from './order-cards.ts';

export type { ReplenishmentNeed };

/**
 * The open replenishment needs of these accounts (補貨記錄), urgent first: for the phone-visit list
 * and the OSB meeting's agenda.
 */
export function openReplenishmentNeeds(db: DbLike, accountIds: number[]) {
  return openNeeds(db, { accountIds });
}

/**
 * `/order need ED01 TEA001 [急] [note]`: the account's KAM or rep records a stock-out; its card goes to
 * the SSG's desk, where a CSR turns it into an order or closes it with a reason.
 */
export async function recordNeed(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  words: string[];
}): Promise<{ kind: 'recorded'; need: ReplenishmentNeed } | { kind: 'problem'; reason: string; value: string }> {
  const { chart, askerId } = o;
  requireBrand(chart);
  const [accountText = '', skuText = '', ...rest] = o.words;
  if (!accountText || !skuText) return { kind: 'problem', reason: 'need_usage', value: '' };
  const account = await resolveOrderAccount(o.db, chart, askerId, accountText);
  if (isEntryProblem(account)) {
    // a need is not an order: "or you may not record a need for it", never "may not order for it"
    const reason = account.reason === 'unknown_account' ? 'need_unknown_account' : account.reason;
    return { kind: 'problem', reason, value: String(account.params?.value ?? '') };
  }
  const sku = skuText.toUpperCase();
  if (!(await findProducts(o.db, chart.data.orgId, [sku])).has(sku))
    return { kind: 'problem', reason: 'need_unknown_sku', value: sku };
  const urgent = rest[0] === '急' || rest[0]?.toLowerCase() === 'urgent';
  const note = (urgent ? rest.slice(1) : rest).join(' ').slice(0, 300);
  const now = o.clock.now();
  const need = await transaction(o.db, async (unit) => {
    const stored = await insertNeed(unit, {
      orgId: chart.data.orgId,
      accountId: account.id,
      sku,
      urgency: urgent ? 'urgent' : 'normal',
      note,
      reportedById: askerId,
      now,
    });
    const desk = ssgDesk(chart);
    if (desk) {
      const args = needCard(cardData(chart, stored, account), chart.data.locale as Locale);
      const origin = { kind: 'need', ref: `${account.code} ${sku}`, by: askerId };
      await enqueueMessage(unit, { method: 'chat.postMessage', channel: desk, args, origin }, now);
    }
    return stored;
  });
  return { kind: 'recorded', need };
}

const cardData = (chart: OrgChart, need: ReplenishmentNeed, account: { code: string; name: string }) => ({
  id: need.id,
  account: `${account.code} ${account.name}`,
  sku: need.sku,
  urgent: need.urgency === 'urgent',
  note: need.note,
  reporter: chart.nameOf(need.reportedById),
});

/** Only the SSG turns a need into an order or closes it. */
function requireSsg(chart: OrgChart, askerId: string): void {
  if (!chart.isSsg(askerId)) throw new AppError(ErrorCode.Forbidden, {}, 'not SSG', 'order.need.not_ssg');
}

async function openNeed(db: DbLike, chart: OrgChart, id: number): Promise<ReplenishmentNeed> {
  const need = await findNeed(db, id);
  if (!need || need.orgId !== chart.data.orgId)
    throw new AppError(ErrorCode.NotFound, { what: `#${id}` }, 'no such need');
  if (need.state !== 'open')
    throw new AppError(
      ErrorCode.InvalidInput,
      {},
      'need not open',
      `order.need.already_${need.state === 'ordered' ? 'ordered' : 'closed'}`,
    );
  return need;
}

/** The order form prefilled from a need: its account, `SKU 1`, its note. */
export async function prefillFromNeed(o: {
  db: DbLike;
  chart: OrgChart;
  askerId: string;
  needId: number;
}): Promise<OrderPrefill> {
  requireSsg(o.chart, o.askerId);
  const need = await openNeed(o.db, o.chart, o.needId);
  const account = await findAccountById(o.db, need.accountId);
  return { account: account?.code ?? '', lines: `${need.sku} 1`, note: need.note, needId: need.id };
}

/** Before the reason is asked: only the SSG, and only an open need. */
export async function checkMayCloseNeed(o: { db: DbLike; chart: OrgChart; askerId: string; needId: number }) {
  requireSsg(o.chart, o.askerId);
  await openNeed(o.db, o.chart, o.needId);
}

/** Closes a need with a reason; the reporter is told. */
export async function closeNeed(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  needId: number;
  reason: string;
}) {
  const { chart } = o;
  requireSsg(chart, o.askerId);
  const need = await openNeed(o.db, chart, o.needId);
  const now = o.clock.now();
  await transaction(o.db, async (unit) => {
    if (!(await closeStoredNeed(unit, { id: need.id, reason: o.reason, now }))) return;
    const account = await findAccountById(unit, need.accountId);
    const locale = chart.data.locale as Locale;
    const text = t(locale, 'order.need.closed_dm', {
      account: `${account?.code ?? ''} ${account?.name ?? ''}`,
      sku: need.sku,
      closer: chart.nameOf(o.askerId),
      reason: o.reason,
    });
    await enqueueMessage(unit, { method: 'chat.postMessage', channel: need.reportedById, args: { text } }, now);
  });
}

/** `/order needs`: the open needs the asker may act on or see (the SSG all, the field its own accounts'). */
export async function listNeeds(o: { db: DbLike; chart: OrgChart; askerId: string }) {
  requireBrand(o.chart);
  const all = await openNeeds(o.db, { orgId: o.chart.data.orgId });
  if (o.chart.isSsg(o.askerId) || o.chart.isLeadership(o.askerId)) return all;
  const mine: typeof all = [];
  for (const need of all) {
    const account = await findAccountById(o.db, need.accountId);
    if (account && mayEnterOrder(o.chart, o.askerId, account)) mine.push(need);
  }
  return mine;
}
