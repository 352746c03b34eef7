import { gradeLabel } from '../../domain/accounts/credit.ts';
import { formatMoney } from '../../domain/deals/money.ts';
import type { LogisticsLine } from '../../domain/accounts/logistics.ts';
import { maskPhone } from '../../domain/visits/phone.ts';
import { t, tFor, type Locale } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import type { AgingTable } from '../../domain/receivables/aging.ts';
import { ledgerCardText } from '../receivables/ledger-answers.ts';
import { capBlocks, context, header, section, type Block } from '../blocks.ts';

/** An account as the card and the list show it. */
export interface AccountShown {
  code: string;
  name: string;
  kind: string;
  distributorCode: string;
  channelType: string;
  market: string;
  area: string;
  address: string;
  ownerId: string;
  status: string;
  openedOn: string;
}

export interface AccountCardData {
  account: AccountShown;
  contacts: { name: string; phone: string; role: string }[];
  distributor?: { code: string; name: string };
  visits: { number: number; visitAt: Date; filerId: string; status: string; outcome: string }[];
  issues: { number: string; title: string; status: string }[];
  /** the last phone visits made (每週電話拜訪) */
  calls?: { loggedAt: Date | null; callerId: string; outcome: string; nextStep: string }[];
  credit?: { grade: string; limitCents: number; termsDays: number };
  logistics?: LogisticsLine & { confirmedAt: Date | null };
  ledger?: { receivableCents: number; openOrdersCents: number; aging: AgingTable };
}

export interface AccountViewOptions {
  locale: Locale;
  timeZone: string;
  nameOf: (slackId: string) => string;
  marketName: (code: string) => string;
  creditGrades?: Record<string, string>;
  /** the organisation's currency (currencyOf): the limit and the ledger as every card writes money */
  currency: string;
}

const e = (text: string, max = 80) => escapeMrkdwn(truncate(text, max));
const dash = (text: string) => (text ? e(text, 200) : '—');

function ownerText(account: AccountShown, o: AccountViewOptions): string {
  return account.ownerId ? e(o.nameOf(account.ownerId)) : t(o.locale, 'account.unowned');
}

function creditText(data: AccountCardData, o: AccountViewOptions): string {
  if (!data.credit) return t(o.locale, 'account.card.credit_none');
  const line = t(o.locale, 'account.credit.line', {
    grade: gradeLabel(o.creditGrades, data.credit.grade),
    limit: formatMoney(data.credit.limitCents, o.currency, o.locale),
    terms: data.credit.termsDays,
  });
  return t(o.locale, 'account.card.credit', { line });
}

function logisticsText(data: AccountCardData, o: AccountViewOptions): string {
  const l = data.logistics;
  if (!l) return t(o.locale, 'account.card.logistics_none');
  const line = t(o.locale, 'account.logistics.line', {
    address: e(l.deliveryAddress),
    receiver: e(l.receiver, 40),
    warehouse: e(l.warehouse, 40),
    carrier: e(l.carrier, 40),
    days: l.leadDays,
    unloading: e(l.unloading, 80) || '—',
  });
  return t(o.locale, 'account.card.logistics', { line });
}

/** One account's card: who owns it, its status and contacts (phones masked), credit, logistics, visits, issues. */
export function accountCard(data: AccountCardData, o: AccountViewOptions): { text: string; blocks: Block[] } {
  const { account } = data;
  const { locale } = o;
  const title = t(locale, 'account.card.title', { name: truncate(account.name, 80), code: account.code });
  const fields = t(locale, 'account.card.fields', {
    kind: tFor(locale, 'account.kind', account.kind),
    channel: dash(account.channelType),
    market: e(o.marketName(account.market)),
    area: dash(account.area),
    address: dash(account.address),
    owner: ownerText(account, o),
    status: tFor(locale, 'account.status', account.status),
    opened: account.openedOn,
  });
  const blocks: Block[] = [header(title), section(fields, 'account_fields')];
  if (data.distributor)
    blocks.push(
      section(
        t(locale, 'account.card.distributor', {
          distributor: `${e(data.distributor.name)}（${data.distributor.code}）`,
        }),
      ),
    );
  const contacts = data.contacts.map((c) => `${e(c.name || '—', 40)} ${maskPhone(c.phone)}`.trim());
  blocks.push(
    section(
      contacts.length > 0
        ? t(locale, 'account.card.contacts', { contacts: contacts.join('、') })
        : t(locale, 'account.card.no_contacts'),
      'account_contacts',
    ),
  );
  blocks.push(section(`${creditText(data, o)}\n${logisticsText(data, o)}`, 'account_credit'));
  if (data.ledger)
    blocks.push(section(ledgerCardText(locale, { ...data.ledger, currency: o.currency }), 'account_ledger'));
  const visits = data.visits.map((v) => {
    const status = tFor(locale, 'visit.status', v.status);
    const who = `${formatDate(v.visitAt, o.timeZone)} ${e(o.nameOf(v.filerId), 40)}`;
    return `• #${v.number} ${who}：${e(v.outcome || '—', 100)}（${status}）`;
  });
  blocks.push(
    section(
      visits.length > 0
        ? t(locale, 'account.card.visits', { visits: visits.join('\n') })
        : t(locale, 'account.card.no_visits'),
      'account_visits',
    ),
  );
  blocks.push(section(callsText(data, o), 'account_calls'));
  const issues = data.issues.map((i) => `• ${i.number} ${e(i.title, 100)}`);
  blocks.push(
    section(
      issues.length > 0
        ? t(locale, 'account.card.issues', { issues: issues.join('\n') })
        : t(locale, 'account.card.no_issues'),
      'account_issues',
    ),
  );
  return { text: title, blocks: capBlocks(blocks) };
}

/** The last phone visits made to the account: when, by whom, the outcome and the next step. */
function callsText(data: AccountCardData, o: AccountViewOptions): string {
  const calls = (data.calls ?? []).map((c) => {
    const when = c.loggedAt ? formatDate(c.loggedAt, o.timeZone) : '—';
    const next = c.nextStep ? `；${e(c.nextStep, 80)}` : '';
    return `• ${when} ${e(o.nameOf(c.callerId), 40)}：${tFor(o.locale, 'phone.outcome', c.outcome)}${next}`;
  });
  return calls.length > 0
    ? t(o.locale, 'account.card.calls', { calls: calls.join('\n') })
    : t(o.locale, 'account.card.no_calls');
}

/** Several accounts matching a name: one line each, with the code to ask for the card. */
export function accountList(
  accounts: AccountShown[],
  title: string,
  o: AccountViewOptions,
): { text: string; blocks: Block[] } {
  const lines = accounts.map((a) =>
    t(o.locale, 'account.list_line', {
      name: e(a.name),
      code: a.code,
      kind: tFor(o.locale, 'account.kind', a.kind),
      market: e(o.marketName(a.market)),
      owner: ownerText(a, o),
    }),
  );
  return { text: title, blocks: [section(title), context(lines.join('\n'))] };
}
