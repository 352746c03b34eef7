import type { AccountInput } from '../../domain/accounts/account-fields.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { maskPhone } from '../../domain/visits/phone.ts';
import { t, tFor, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { actions, button, section, type Block } from '../blocks.ts';
import { AccountIds } from '../ids.ts';

const orgLocale = (chart: OrgChart) => chart.data.locale as Locale;

function requestText(account: AccountInput, requester: string, chart: OrgChart): string {
  const locale = orgLocale(chart);
  const contact = [account.contactName, maskPhone(account.contactPhone)].filter(Boolean).join(' ') || '—';
  return t(locale, 'account.request.card', {
    requester: escapeMrkdwn(requester),
    name: escapeMrkdwn(truncate(account.name, 80)),
    code: account.code,
    kind: tFor(locale, 'account.kind', account.kind),
    market: escapeMrkdwn(chart.market(account.market)?.name ?? account.market),
    contact: escapeMrkdwn(contact),
  });
}

/** A KAM's request in the SSG's channel, in the organisation's language, phones masked, with the buttons. */
export function accountRequestCard(o: {
  requestId: number;
  account: AccountInput;
  requester: string;
  chart: OrgChart;
}): { text: string; blocks: Block[] } {
  const locale = orgLocale(o.chart);
  // how to decide is said only while it waits: the decided card keeps the request, not the instruction
  const text = `${requestText(o.account, o.requester, o.chart)}\n${t(locale, 'account.request.how')}`;
  const value = String(o.requestId);
  return {
    text,
    blocks: [
      section(text, 'account_request_text'),
      actions(AccountIds.requestBlock, [
        button(t(locale, 'account.request.approve'), AccountIds.approve, value, 'primary'),
        button(t(locale, 'account.request.refuse'), AccountIds.refuse, value, 'danger'),
      ]),
    ],
  };
}

/** The card once decided: the request and who decided, no buttons. */
export function decidedRequestCard(o: {
  account: AccountInput;
  requester: string;
  decider: string;
  approved: boolean;
  chart: OrgChart;
}): { text: string; blocks: Block[] } {
  const locale = orgLocale(o.chart);
  const decision = t(locale, o.approved ? 'account.request.approved' : 'account.request.refused', {
    decider: escapeMrkdwn(o.decider),
    name: escapeMrkdwn(truncate(o.account.name, 80)),
    code: o.account.code,
  });
  return {
    text: decision,
    blocks: [section(requestText(o.account, o.requester, o.chart)), section(decision, 'account_request_decision')],
  };
}

/** A pending request whose account came into the register another way: no buttons, it needs no decision. */
export function existingRequestCard(o: { account: AccountInput; requester: string; chart: OrgChart }): {
  text: string;
  blocks: Block[];
} {
  const locale = orgLocale(o.chart);
  const note = t(locale, 'account.request.exists', {
    name: escapeMrkdwn(truncate(o.account.name, 80)),
    code: o.account.code,
  });
  return {
    text: note,
    blocks: [section(requestText(o.account, o.requester, o.chart)), section(note, 'account_request_decision')],
  };
}
