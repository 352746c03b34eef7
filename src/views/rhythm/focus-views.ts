import type { ModalView } from '@slack/types';
import { t, type Locale } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { actions, button, context, header, plain, section, type Block } from '../blocks.ts';
import { FocusIds, inputActionId } from '../ids.ts';
import { formatNumber } from '../targets/target-views.ts';

export interface FocusContent {
  id: number;
  month: string;
  main: string;
  secondary1: string;
  secondary2: string;
  rows: { marketCode: string; marketName: string; targets: string; focus: string }[];
}

const field = (text: string, max = 500) => escapeMrkdwn(truncate(text || '—', max));

/**
 * A figure typed bare in a row's targets ("1500000") reads as `/targets` prints it ("1,500,000"). Only runs of
 * five digits or more not already grouped or part of a decimal: years and short counts stay as typed.
 */
const groupedFigures = (text: string) =>
  text.replace(/(?<![\d.,])\d{5,15}(?![\d,])/g, (digits) => formatNumber(Number(digits)));

export function focusBody(f: FocusContent, locale: Locale, onlyMarkets?: string[]): Block[] {
  const blocks: Block[] = [
    section(
      t(locale, 'focus.body', {
        main: field(f.main),
        secondary1: field(f.secondary1),
        secondary2: field(f.secondary2),
      }),
      'focus_body',
    ),
  ];
  const rows = f.rows.filter((r) => !onlyMarkets || onlyMarkets.includes(r.marketCode));
  const rowText = (r: FocusContent['rows'][number]) =>
    t(locale, 'focus.row', {
      market: escapeMrkdwn(r.marketName),
      targets: field(groupedFigures(r.targets), 200),
      focus: field(r.focus, 300),
    });
  if (rows.length > 0) blocks.push(section(rows.map(rowText).join('\n'), 'focus_rows'));
  return blocks;
}

/** The draft with its approval button (until approved), discussed in its thread. */
export function focusDraftCard(
  f: FocusContent,
  o: {
    locale: Locale;
    timeZone: string;
    site: boolean;
    drafter: string;
    approvers: string;
    approved?: { by: string; at: Date; publish: Date; late?: boolean };
  },
): { text: string; blocks: Block[] } {
  const key = o.site
    ? o.approved
      ? 'focus.draft.header_site_approved'
      : 'focus.draft.header_site'
    : o.approved
      ? 'focus.draft.header_approved'
      : 'focus.draft.header';
  const title = t(o.locale, key, { month: f.month });
  const blocks: Block[] = [header(title), ...focusBody(f, o.locale)];
  if (o.approved)
    blocks.push(
      context(
        t(o.locale, o.approved.late ? 'focus.approved_late' : 'focus.approved', {
          by: escapeMrkdwn(o.approved.by),
          at: formatDateTime(o.approved.at, o.timeZone),
          publish: formatDateTime(o.approved.publish, o.timeZone),
        }),
      ),
    );
  else {
    blocks.push(context(t(o.locale, 'focus.draft.ask', { by: escapeMrkdwn(o.drafter), approvers: o.approvers })));
    blocks.push(
      actions(FocusIds.actionsBlock, [
        button(t(o.locale, 'focus.button.approve'), FocusIds.approve, String(f.id), 'primary'),
      ]),
    );
  }
  return { text: title, blocks };
}

export function focusAnnouncement(
  f: FocusContent,
  o: { locale: Locale; site: boolean },
): { text: string; blocks: Block[] } {
  const title = t(o.locale, o.site ? 'focus.header_site' : 'focus.header', { month: f.month });
  return { text: title, blocks: [header(title), ...focusBody(f, o.locale)] };
}

/** A field person's copy: the main focuses and their own market's row, with Acknowledge. */
export function focusPersonalCard(
  f: FocusContent,
  o: { locale: Locale; timeZone: string; markets: string[]; ackedAt: Date | null },
): { text: string; blocks: Block[] } {
  const title = t(o.locale, 'focus.dm.header', { month: f.month });
  const blocks: Block[] = [header(title), ...focusBody(f, o.locale, o.markets)];
  blocks.push(
    o.ackedAt
      ? context(t(o.locale, 'focus.dm.acked', { at: formatDateTime(o.ackedAt, o.timeZone) }))
      : actions(FocusIds.actionsBlock, [
          button(t(o.locale, 'focus.button.ack'), FocusIds.acknowledge, String(f.id), 'primary'),
        ]),
  );
  return { text: title, blocks };
}

/** `/focus`: the main and two secondary focuses, and one pair of rows per market, prefilled. */
export function focusModal(o: {
  locale: Locale;
  month: string;
  site: boolean;
  notice?: string;
  initial?: { main: string; secondary1: string; secondary2: string };
  rows: { code: string; name: string; targets: string; focus: string }[];
}): ModalView {
  const text = (
    blockId: string,
    label: string,
    initial: string,
    max: number,
    optional = false,
    multiline = false,
  ): Block => ({
    type: 'input',
    block_id: blockId,
    optional,
    label: plain(label, 2000),
    element: {
      type: 'plain_text_input',
      action_id: inputActionId(blockId),
      max_length: max,
      multiline,
      ...(initial ? { initial_value: initial } : {}),
    },
  });
  const blocks: Block[] = [
    ...(o.notice ? [context(o.notice)] : []),
    text('main', t(o.locale, 'focus.field.main'), o.initial?.main ?? '', 300, false, true),
    text('secondary1', t(o.locale, 'focus.field.secondary1'), o.initial?.secondary1 ?? '', 300),
    text('secondary2', t(o.locale, 'focus.field.secondary2'), o.initial?.secondary2 ?? '', 300),
  ];
  for (const row of o.rows.slice(0, 40)) {
    blocks.push(
      text(`targets:${row.code}`, t(o.locale, 'focus.field.row_targets', { market: row.name }), row.targets, 200, true),
    );
    blocks.push(
      text(`focus:${row.code}`, t(o.locale, 'focus.field.row_focus', { market: row.name }), row.focus, 300, true),
    );
  }
  return {
    type: 'modal',
    callback_id: FocusIds.draftCallback,
    private_metadata: JSON.stringify({ month: o.month }),
    title: plain(t(o.locale, o.site ? 'focus.modal.title_site' : 'focus.modal.title', { month: o.month }), 24),
    submit: plain(t(o.locale, 'focus.modal.submit'), 24),
    close: plain(t(o.locale, 'visit.modal.close'), 24),
    blocks,
  };
}
