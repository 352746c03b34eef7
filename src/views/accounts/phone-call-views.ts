import type { ModalView, PlainTextOption } from '@slack/types';
import { CALL_OUTCOMES, type CallReason } from '../../domain/accounts/phone-visits.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t, tFor, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { context, header, modal, plain, section, type Block } from '../blocks.ts';
import { inputActionId, PhoneCallIds } from '../ids.ts';

/** A call as the list, the modal and the summary show it. */
export interface PhoneCallShown {
  id: number;
  code: string;
  name: string;
  kind: string;
  market: string;
  callerId: string;
  reasons: CallReason[];
  status: string;
  outcome: string;
  nextStep: string;
}

/** At most this many calls as blocks in one list (each is one block, with its button). */
const SHOWN = 40;

const safe = (text: string, max: number) => escapeMrkdwn(truncate(text, max));
const reasonsText = (reasons: CallReason[], locale: Locale) =>
  reasons.map((r) => tFor(locale, 'phone.reason', r)).join('、');
const nextText = (next: string, locale: Locale) => (next ? t(locale, 'phone.list.next', { next: safe(next, 80) }) : '');

function callBlock(call: PhoneCallShown, chart: OrgChart, locale: Locale): Block {
  const params = {
    code: safe(call.code, 32),
    name: safe(call.name, 60),
    kind: tFor(locale, 'account.kind', call.kind),
    market: chart.market(call.market)?.name ?? call.market,
  };
  if (call.status === 'made')
    return section(
      t(locale, 'phone.list.done', {
        ...params,
        outcome: tFor(locale, 'phone.outcome', call.outcome),
        next: nextText(call.nextStep, locale),
      }),
    );
  return {
    type: 'section',
    block_id: `phone_call_${call.id}`,
    text: {
      type: 'mrkdwn',
      text: t(locale, 'phone.list.line', { ...params, reasons: reasonsText(call.reasons, locale) }),
    },
    accessory: {
      type: 'button',
      text: plain(t(locale, 'phone.log'), 75),
      action_id: PhoneCallIds.log,
      value: String(call.id),
    },
  };
}

/** A CSR's list for the week, each call with a button to log it (the Monday DM and `/account calls`). */
export function phoneListMessage(o: { week: string; calls: PhoneCallShown[]; chart: OrgChart; locale: Locale }): {
  text: string;
  blocks: Block[];
} {
  const { locale } = o;
  if (o.calls.length === 0) {
    const text = t(locale, 'phone.list.empty', { week: o.week });
    return { text, blocks: [section(text)] };
  }
  const title = t(locale, 'phone.list.title', { week: o.week, count: o.calls.length });
  const blocks: Block[] = [header(truncate(title, 150)), context(t(locale, 'phone.list.intro'))];
  for (const call of o.calls.slice(0, SHOWN)) blocks.push(callBlock(call, o.chart, locale));
  if (o.calls.length > SHOWN) blocks.push(context(t(locale, 'phone.list.more', { count: o.calls.length - SHOWN })));
  return { text: title, blocks };
}

/** The logger's confirmation, with a button that opens an OSB issue about the account (unless not reached). */
export function phoneLoggedMessage(o: { locale: Locale; callId: number; text: string; reached: boolean }): {
  text: string;
  blocks: Block[];
} {
  const button = {
    type: 'button' as const,
    text: plain(t(o.locale, 'phone.osb.open'), 75),
    action_id: PhoneCallIds.openOsb,
    value: String(o.callId),
  };
  // a call that did not reach the customer heard no complaint: nothing to open an issue about
  const accessory = o.reached ? { accessory: button } : {};
  return { text: o.text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: o.text }, ...accessory }] };
}

/** The list message a call was logged from, rewritten in place once it is. */
export interface PhoneListMessageRef {
  channel: string;
  ts: string;
}

/** The log modal: outcome, notes, next step, and a replenishment need if the account has one. */
export function phoneLogModal(o: { locale: Locale; call: PhoneCallShown; list?: PhoneListMessageRef }): ModalView {
  const { locale, call } = o;
  const option = (value: string): PlainTextOption => ({
    text: plain(tFor(locale, 'phone.outcome', value), 75),
    value,
  });
  const text = (block: string, label: 'notes' | 'next' | 'replenishment', max: number, multiline = false): Block => ({
    type: 'input',
    block_id: block,
    optional: true,
    label: plain(t(locale, `phone.field.${label}`), 2000),
    element: { type: 'plain_text_input', action_id: inputActionId(block), max_length: max, multiline },
  });
  return modal({
    callbackId: PhoneCallIds.logCallback,
    title: t(locale, 'phone.modal.title'),
    submit: t(locale, 'phone.modal.submit'),
    close: t(locale, 'visit.modal.close'),
    privateMetadata: JSON.stringify({ callId: call.id, list: o.list }),
    blocks: [
      section(
        t(locale, 'phone.modal.account', {
          code: safe(call.code, 32),
          name: safe(call.name, 60),
          reasons: reasonsText(call.reasons, locale),
        }),
      ),
      {
        type: 'input',
        block_id: PhoneCallIds.outcomeBlock,
        label: plain(t(locale, 'phone.field.outcome'), 2000),
        element: {
          type: 'static_select',
          action_id: inputActionId(PhoneCallIds.outcomeBlock),
          options: CALL_OUTCOMES.map(option),
        },
      },
      text(PhoneCallIds.notesBlock, 'notes', 500, true),
      text(PhoneCallIds.nextBlock, 'next', 200),
      text(PhoneCallIds.replenishmentBlock, 'replenishment', 200),
    ],
  });
}

/** Per CSR: planned, made by outcome, not made (Friday's summary and the SSG meeting's agenda). */
export function phoneSummaryLines(o: { calls: PhoneCallShown[]; chart: OrgChart; locale: Locale }): string[] {
  const { locale, chart } = o;
  const callers = [...new Set(o.calls.map((c) => c.callerId))];
  return callers.map((callerId) => {
    const theirs = o.calls.filter((c) => c.callerId === callerId);
    const made = theirs.filter((c) => c.status === 'made');
    const outcomes = CALL_OUTCOMES.map((outcome) => ({
      outcome,
      count: made.filter((c) => c.outcome === outcome).length,
    }))
      .filter((x) => x.count > 0)
      .map((x) =>
        t(locale, 'phone.summary.outcome', { outcome: tFor(locale, 'phone.outcome', x.outcome), count: x.count }),
      );
    // none made yet: "尚未撥打", not "已撥 0 通（尚無）"
    return t(locale, made.length === 0 ? 'phone.summary.caller_none' : 'phone.summary.caller', {
      name: safe(chart.nameOf(callerId), 40),
      planned: theirs.length,
      made: made.length,
      outcomes: outcomes.join(t(locale, 'phone.summary.separator')),
      open: theirs.length - made.length,
    });
  });
}

/** Friday's summary to the SSG leader: per CSR planned, made (by outcome) and not made; the calls made. */
export function phoneSummaryMessage(o: { week: string; calls: PhoneCallShown[]; chart: OrgChart; locale: Locale }): {
  text: string;
  blocks: Block[];
} {
  const { locale } = o;
  const title = t(locale, 'phone.summary.title', { week: o.week });
  if (o.calls.length === 0) return { text: title, blocks: [header(title), section(t(locale, 'phone.summary.empty'))] };
  const lines = phoneSummaryLines(o);
  const made = o.calls.filter((c) => c.status === 'made');
  const shown = new Set(made.slice(0, 30));
  const callText = (c: PhoneCallShown) =>
    t(locale, 'phone.summary.call', {
      code: safe(c.code, 32),
      name: safe(c.name, 40),
      outcome: tFor(locale, 'phone.outcome', c.outcome),
      next: nextText(c.nextStep, locale),
    });
  // each CSR's line with her own calls under it, never one list after the last line
  const callers = [...new Set(o.calls.map((c) => c.callerId))];
  const blocks: Block[] = [
    header(title),
    ...callers.map((callerId, i) => {
      const theirs = made.filter((c) => c.callerId === callerId && shown.has(c)).map(callText);
      return section(truncate([lines[i], ...theirs].join('\n'), 2900));
    }),
  ];
  if (made.length > 30) blocks.push(context(t(locale, 'phone.summary.more', { count: made.length - 30 })));
  return { text: `${title}\n${lines.join('\n')}`, blocks };
}
