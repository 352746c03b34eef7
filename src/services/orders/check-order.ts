import { findAccountWithDistributor, type Account } from '../../db/accounts/account-repo.ts';
import { readExposure } from '../../db/orders/exposure-repo.ts';
import { findProducts } from '../../db/orders/product-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import { formatMoney } from '../../domain/deals/money.ts';
import { daysBetween } from '../../domain/orders/credit-check.ts';
import { mayEnterOrder } from '../../domain/orders/order-access.ts';
import {
  isLineProblem,
  orderTotalCents,
  parseOrderLines,
  priceOrderLines,
  type OrderLineInput,
  type TypedLine,
} from '../../domain/orders/order-lines.ts';
import { DEFAULT_ORDER_SETTINGS, directorThresholdCents, floorPriceCents } from '../../domain/orders/order-settings.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { localeOf } from '../org/locale-of.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format-time.ts';
import type { OrderPreview } from '../../views/orders/order-modal.ts';
import { findAccounts } from '../accounts/find-accounts.ts';
import { creditHolderFrom, creditHolderOf, holderPosition, type CreditHolder } from './credit-holder.ts';

/** An order as checked, before it is stored: what the confirmation carries to the placing. */
export interface OrderDraft {
  accountId: number;
  lines: OrderLineInput[];
  requestedOn: string;
  note: string;
  needId?: number;
}

/** A refusal shown under one field of the form. */
export type EntryProblem = { kind: 'problem'; field: string; reason: string; params?: Record<string, string | number> };

export const isEntryProblem = (x: unknown): x is EntryProblem =>
  typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'problem';

export const today = (chart: OrgChart, clock: Clock) => formatDate(clock.now(), chart.data.timezone);

export function requireBrand(chart: OrgChart): void {
  if (chart.template !== 'brand-sales')
    throw new AppError(ErrorCode.InvalidInput, {}, 'no orders on this template', 'order.brand_only');
}

/** The account typed (code or name), one the asker may order for; else why not. */
export async function resolveOrderAccount(
  db: DbLike,
  chart: OrgChart,
  askerId: string,
  text: string,
): Promise<Account | EntryProblem> {
  const field = 'account';
  if (!text.trim()) return { kind: 'problem', field, reason: 'account_required' };
  const found = await findAccounts({ db, chart, askerId, query: text });
  const exact = found.filter((a) => a.name === text.trim() || a.code === text.trim().toUpperCase());
  const pick = exact.length === 1 ? exact : found;
  if (pick.length === 0) return { kind: 'problem', field, reason: 'unknown_account', params: { value: text } };
  if (pick.length > 1) {
    const names = pick.slice(0, 5).map((a) => `${a.code} ${a.name}`);
    return { kind: 'problem', field, reason: 'ambiguous', params: { value: text, names: names.join('、') } };
  }
  const account = pick[0];
  if (!mayEnterOrder(chart, askerId, account))
    return { kind: 'problem', field, reason: 'not_yours', params: { value: `${account.code} ${account.name}` } };
  if (account.status === 'closed')
    return { kind: 'problem', field, reason: 'closed', params: { value: `${account.code} ${account.name}` } };
  return account;
}

/** Prices the typed lines against the catalogue and the asker's floor; a problem names the line. */
export async function priceLines(
  db: DbLike,
  chart: OrgChart,
  askerId: string,
  typed: TypedLine[],
): Promise<{ lines: OrderLineInput[]; names: Map<string, { name: string; unit: string }> } | EntryProblem> {
  const orgId = chart.data.orgId;
  const products = await findProducts(
    db,
    orgId,
    typed.map((l) => l.sku),
  );
  const settings = chart.data.orders ?? DEFAULT_ORDER_SETTINGS;
  const role = chart.person(askerId)?.role ?? '';
  const priced = priceOrderLines(typed, (sku) => {
    const p = products.get(sku);
    return p && { ...p, floorCents: floorPriceCents(settings, role, p.listPriceCents) };
  });
  if (isLineProblem(priced)) {
    const params = { line: priced.line, value: priced.value ?? '' };
    // the floor as the asker reads every amount (formatMoney is exact on cents, never a float)
    if (priced.reason === 'below_floor')
      params.value = formatMoney(Number(priced.value), currencyOf(chart), localeOf(chart, askerId));
    return { kind: 'problem', field: 'lines', reason: priced.reason, params };
  }
  const names = new Map([...products].map(([sku, p]) => [sku, { name: p.name, unit: p.unit }]));
  return { lines: priced, names };
}

/** What the confirmation shows: the lines named, the total, and the account's credit as it stands. */
export async function previewOf(
  db: DbLike,
  o: {
    chart: OrgChart;
    clock: Clock;
    account: Account;
    draft: OrderDraft;
    names: Map<string, { name: string; unit: string }>;
  },
): Promise<OrderPreview> {
  const day = today(o.chart, o.clock);
  const holder = await creditHolderOf(db, o.account);
  const position =
    holder.kind === 'none'
      ? { ...(await readExposure(db, o.account.id)), limitCents: undefined, overdueCents: 0, oldestDueOn: null }
      : await holderPosition(db, { account: o.account, holder, day });
  return {
    account: { code: o.account.code, name: o.account.name },
    currency: currencyOf(o.chart),
    lines: o.draft.lines.map((l) => ({
      ...l,
      name: o.names.get(l.sku)?.name ?? l.sku,
      unit: o.names.get(l.sku)?.unit ?? '',
    })),
    totalCents: orderTotalCents(o.draft.lines),
    requestedOn: o.draft.requestedOn,
    note: o.draft.note,
    receivableCents: position.receivableCents,
    openOrdersCents: position.openOrdersCents,
    limitCents: position.limitCents,
    overdueCents: position.overdueCents,
    overdueDays: position.oldestDueOn ? daysBetween(position.oldestDueOn, day) : 0,
    noCreditCheck: holder.kind === 'none',
    creditOf: holder.kind === 'distributor' ? { code: holder.account.code, name: holder.account.name } : undefined,
    directorThresholdCents: directorThresholdCents(o.chart.data.orders ?? DEFAULT_ORDER_SETTINGS),
  };
}

/**
 * The order form, checked: the account (code or name, one the asker may order for), the lines (known,
 * active SKUs, a quantity above 0, a price not under the asker's floor), a delivery date from today on.
 */
export async function checkOrderEntry(o: {
  db: DbLike;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  fields: { account: string; lines: string; requestedOn: string; note: string };
  needId?: number;
}): Promise<EntryProblem | { kind: 'ok'; draft: OrderDraft; preview: OrderPreview }> {
  const { db, chart, askerId, fields } = o;
  requireBrand(chart);
  const account = await resolveOrderAccount(db, chart, askerId, fields.account);
  if (isEntryProblem(account)) return account;
  const typed = parseOrderLines(fields.lines);
  if (isLineProblem(typed))
    return {
      kind: 'problem',
      field: 'lines',
      reason: typed.reason,
      params: { line: typed.line, value: typed.value ?? '' },
    };
  const priced = await priceLines(db, chart, askerId, typed);
  if (isEntryProblem(priced)) return priced;
  const first = today(chart, o.clock);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.requestedOn) || fields.requestedOn < first)
    return { kind: 'problem', field: 'requested_on', reason: 'date', params: { value: first } };
  const note = fields.note.trim().slice(0, 500);
  const draft: OrderDraft = { accountId: account.id, lines: priced.lines, requestedOn: fields.requestedOn, note };
  if (o.needId) draft.needId = o.needId;
  const preview = await previewOf(db, { chart, clock: o.clock, account, draft, names: priced.names });
  return { kind: 'ok', draft, preview };
}

/** A draft rechecked at placing: its account, whose credit it goes against, and its lines priced and named. */
export interface RecheckedDraft {
  account: Account;
  holder: CreditHolder;
  lines: OrderLineInput[];
  names: Map<string, { name: string; unit: string }>;
}

/** The draft again at placing: the account still the asker's to order for, the prices still above the floor. */
export async function recheckDraft(
  db: DbLike,
  chart: OrgChart,
  askerId: string,
  draft: OrderDraft,
): Promise<RecheckedDraft | EntryProblem> {
  const found = await findAccountWithDistributor(db, draft.accountId);
  const account = found?.account;
  if (!account || account.orgId !== chart.data.orgId || !mayEnterOrder(chart, askerId, account))
    return { kind: 'problem', field: 'account', reason: 'not_yours', params: { value: String(draft.accountId) } };
  const priced = await priceLines(db, chart, askerId, draft.lines);
  if (isEntryProblem(priced)) return priced;
  const holder = creditHolderFrom(account, found.distributor);
  return { account, holder, lines: priced.lines, names: priced.names };
}
