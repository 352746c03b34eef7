import { normalisePhone } from '../visits/phone.ts';
import type { OrgChart } from '../org/org-chart.ts';
import { stripInvisible } from '../../lib/text.ts';

export const ACCOUNT_KINDS = ['distributor', 'outlet'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
export const ACCOUNT_STATUSES = ['active', 'dormant', 'closed'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** An account as typed or imported, checked: what the register stores. */
export interface AccountInput {
  code: string;
  name: string;
  kind: AccountKind;
  distributorCode: string;
  channelType: string;
  market: string;
  area: string;
  address: string;
  ownerId: string;
  status: AccountStatus;
  openedOn: string;
  contactName: string;
  /** E.164, or "" */
  contactPhone: string;
}

/** The fields as text, before checking: a CSV row, a spreadsheet row or a modal. */
export type AccountFields = Partial<Record<AccountField, string>>;
export type AccountField =
  | 'code'
  | 'name'
  | 'kind'
  | 'distributor'
  | 'channel'
  | 'market'
  | 'area'
  | 'address'
  | 'owner'
  | 'status'
  | 'opened'
  | 'contact'
  | 'phone';

/** Why a row is refused; the catalogue has a sentence for each (account.reason.*). */
export type AccountProblem = { reason: string; value?: string };

const KIND_WORDS: Record<string, AccountKind> = {
  distributor: 'distributor',
  經銷商: 'distributor',
  经销商: 'distributor',
  outlet: 'outlet',
  網點: 'outlet',
  网点: 'outlet',
};

const STATUS_WORDS: Record<string, AccountStatus> = {
  active: 'active',
  正常: 'active',
  活躍: 'active',
  有效: 'active',
  dormant: 'dormant',
  休眠: 'dormant',
  closed: 'closed',
  關閉: 'closed',
  关闭: 'closed',
  已關閉: 'closed',
};

export const parseKind = (text: string): AccountKind | undefined => KIND_WORDS[text.trim().toLowerCase()];
export const parseStatus = (text: string): AccountStatus | undefined => STATUS_WORDS[text.trim().toLowerCase()];

/** 2024-03-05, 2024/3/5 or 20240305 as YYYY-MM-DD; undefined for anything else or an impossible day. */
export function parseOpenedOn(text: string): string | undefined {
  const match = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The ERP export's column headings (Chinese, simplified or traditional, or English) for each field. */
export const HEADINGS: Record<AccountField, string[]> = {
  code: ['客戶編碼', '客户编码', '客戶代碼', 'code', 'customer code'],
  name: ['客戶名稱', '客户名称', 'name', 'customer name'],
  kind: ['客戶類型', '客户类型', '類型', '类型', 'kind', 'type'],
  distributor: ['所屬經銷商', '所属经销商', 'distributor', 'distributor code'],
  channel: ['渠道類型', '渠道类型', 'channel', 'channel type'],
  market: ['市場', '市场', 'market'],
  area: ['區域', '区域', 'area'],
  address: ['地址', 'address'],
  owner: ['負責人', '负责人', 'owner'],
  status: ['狀態', '状态', 'status'],
  opened: ['開戶日期', '开户日期', 'opened', 'opened on'],
  contact: ['聯繫人', '联系人', 'contact'],
  phone: ['聯繫電話', '联系电话', '電話', 'phone'],
};
const OWNER_ROLES = new Set(['key_account_manager', 'sales_rep']);

/**
 * Whom `/account new` offers as owner: the KAM themselves and their reps (request), or for the SSG (create)
 * everyone who may own an account in those markets; never the GM, CSRs or another market's KAM.
 */
export function accountOwnerChoices(
  chart: OrgChart,
  askerId: string,
  may: 'create' | 'request',
  markets: { code: string }[],
): { id: string; name: string }[] {
  const codes = new Set(markets.map((m) => m.code));
  const mine = may === 'request' ? new Set([askerId, ...chart.allReports(askerId)]) : undefined;
  return chart.people
    .filter((p) => OWNER_ROLES.has(p.role) && (!mine || mine.has(p.slackId)))
    .filter((p) => chart.marketsOf(p.slackId).some((code) => codes.has(code)))
    .map((p) => ({ id: p.slackId, name: p.name }));
}

/** The owner named by Slack id or by name: a KAM or rep of the account's market (when the market is known). */
function ownerOf(chart: OrgChart, text: string, market: string | undefined): { id: string } | AccountProblem {
  if (!text) return { id: '' };
  const person = chart.person(text) ?? chart.people.find((p) => p.name === text);
  // the person's name, never the Slack id a picker gave
  if (!person || !OWNER_ROLES.has(person.role)) return { reason: 'owner', value: person?.name ?? text };
  if (market !== undefined && !chart.marketsOf(person.slackId).includes(market))
    return { reason: 'owner_market', value: person.name };
  return { id: person.slackId };
}

const clean = (value: string | undefined) => stripInvisible(value ?? '').trim();

const LIMITS = [
  ['channel', 40],
  ['area', 40],
  ['address', 200],
  ['contact', 40],
] as const;

/**
 * Checks one account's fields against the chart: every problem of the row (an import reports them
 * all), and the account when there is none.
 */
export function checkAccountRow(
  fields: AccountFields,
  chart: OrgChart,
): { account?: AccountInput; problems: AccountProblem[]; code?: string } {
  const f = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, clean(v)])) as Record<AccountField, string>;
  const problems: AccountProblem[] = [];
  const codeOk = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/.test(f.code ?? '');
  if (!codeOk) problems.push({ reason: 'code', value: f.code ?? '' });
  if (!f.name || f.name.length > 80) problems.push({ reason: 'name', value: f.name ?? '' });
  const kind = parseKind(f.kind ?? '');
  if (!kind) problems.push({ reason: 'kind', value: f.kind ?? '' });
  const market = chart.findMarket(f.market ?? '');
  if (!market) problems.push({ reason: 'market', value: f.market ?? '' });
  if (kind === 'distributor' && f.distributor)
    problems.push({ reason: 'distributor_of_distributor', value: f.distributor });
  const status = f.status ? parseStatus(f.status) : 'active';
  if (!status) problems.push({ reason: 'status', value: f.status });
  const openedOn = parseOpenedOn(f.opened ?? '');
  if (!openedOn) problems.push({ reason: 'opened', value: f.opened ?? '' });
  const owner = ownerOf(chart, f.owner ?? '', market?.code);
  if ('reason' in owner) problems.push(owner);
  const phone = f.phone ? normalisePhone(f.phone) : '';
  if (phone === undefined) problems.push({ reason: 'phone', value: f.phone });
  for (const [name, max] of LIMITS)
    if ((f[name] ?? '').length > max) problems.push({ reason: 'too_long', value: HEADINGS[name][0] });
  if (!kind || !market || !status || !openedOn || 'reason' in owner || phone === undefined || problems.length > 0)
    return { problems, code: codeOk ? f.code : undefined };
  const account: AccountInput = {
    code: f.code,
    name: f.name,
    kind,
    distributorCode: f.distributor ?? '',
    channelType: f.channel ?? '',
    market: market.code,
    area: f.area ?? '',
    address: f.address ?? '',
    ownerId: owner.id,
    status,
    openedOn,
    contactName: f.contact ?? '',
    contactPhone: phone,
  };
  return { account, problems: [], code: f.code };
}

/** Checks one account's fields against the chart; the first problem refuses it (a modal shows one). */
export function checkAccountFields(fields: AccountFields, chart: OrgChart): AccountInput | AccountProblem {
  const checked = checkAccountRow(fields, chart);
  return checked.account ?? checked.problems[0];
}

export const isProblem = (value: AccountInput | AccountProblem): value is AccountProblem => 'reason' in value;
