import type { ModalView } from '@slack/types';
import { PLAN_FIELDS, PLAN_LIMITS, PLAN_SECTIONS, type PlanContent } from '../../domain/plans/plan-rules.ts';
import { t, tFor, type Locale } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { actions, button, capBlocks, context, header, modal, plain, section, type Block } from '../blocks.ts';
import { PlanIds, inputActionId } from '../ids.ts';

/** What a plan's card and announcement show: the plan, its current version's content, and names. */
export interface PlanView {
  id: number;
  version: number;
  status: string;
  content: PlanContent;
  author: string;
  approvers: string;
  decidedBy: string | null;
  decidedAt: Date | null;
  returnReason: string | null;
}

const MULTILINE = new Set<string>([...PLAN_SECTIONS, 'targets']);
const OPTIONAL = new Set<string>([...PLAN_SECTIONS.slice(1), 'targets', 'focusSecondary1', 'focusSecondary2']);

export const planRange = (c: Pick<PlanContent, 'fromMonth' | 'toMonth'>) =>
  c.fromMonth === c.toMonth ? c.fromMonth : `${c.fromMonth}～${c.toMonth}`;

/** The stage plan's form: a new plan, or (with `planId`) the next version, opening with `initial`. */
export function planModal(o: {
  locale: Locale;
  initial: Partial<PlanContent>;
  approvers: string;
  planId?: number;
}): ModalView {
  const input = (field: (typeof PLAN_FIELDS)[number]): Block => ({
    type: 'input',
    block_id: field,
    optional: OPTIONAL.has(field),
    label: plain(tFor(o.locale, 'plan.field', field)),
    element: {
      type: 'plain_text_input',
      action_id: inputActionId(field),
      max_length: PLAN_LIMITS[field],
      multiline: MULTILINE.has(field),
      ...(o.initial[field] ? { initial_value: o.initial[field] } : {}),
    },
  });
  return modal({
    callbackId: PlanIds.draftCallback,
    privateMetadata: JSON.stringify({ planId: o.planId ?? null }),
    title: t(o.locale, 'plan.modal.title'),
    submit: t(o.locale, 'plan.modal.submit'),
    close: t(o.locale, 'visit.modal.close'),
    blocks: [context(t(o.locale, 'plan.modal.hint', { approvers: o.approvers })), ...PLAN_FIELDS.map(input)],
  });
}

const text = (value: string, max = 1500) => escapeMrkdwn(truncate(value || '—', max));

/** The sections that were written, then the focus items. */
function planBody(c: PlanContent, locale: Locale): Block[] {
  const blocks: Block[] = [];
  for (const key of [...PLAN_SECTIONS, 'targets'] as const) {
    if (c[key]) blocks.push(section(`*${tFor(locale, 'plan.section', key)}*\n${text(c[key])}`, `plan_${key}`));
  }
  const focus = { main: text(c.focusMain, 300), secondary1: text(c.focusSecondary1, 300) };
  blocks.push(section(t(locale, 'plan.card.focus', { ...focus, secondary2: text(c.focusSecondary2, 300) })));
  return blocks;
}

/** The approval card: rewritten in place for each version and decision; its thread is the plan's discussion. */
export function planCard(p: PlanView, o: { locale: Locale; timeZone: string }): { text: string; blocks: Block[] } {
  const { locale } = o;
  const status = tFor(locale, 'plan.status', p.status);
  const title = t(locale, 'plan.card.header', { range: planRange(p.content), version: p.version, status });
  const blocks: Block[] = [
    header(title),
    context(t(locale, 'plan.card.meta', { author: escapeMrkdwn(p.author), approvers: p.approvers })),
    ...planBody(p.content, locale),
  ];
  const decided = {
    by: escapeMrkdwn(p.decidedBy ?? ''),
    at: p.decidedAt ? formatDateTime(p.decidedAt, o.timeZone) : '',
  };
  if (p.status === 'approved') blocks.push(context(t(locale, 'plan.card.approved', decided)));
  if (p.status === 'returned')
    blocks.push(context(t(locale, 'plan.card.returned', { ...decided, reason: escapeMrkdwn(p.returnReason ?? '') })));
  if (p.status === 'pending') blocks.push(context(t(locale, 'plan.card.ask', { approvers: p.approvers })));
  const value = String(p.id);
  const revise = button(t(locale, 'plan.button.revise'), PlanIds.revise, value);
  blocks.push(
    actions(
      PlanIds.actionsBlock,
      p.status === 'pending'
        ? [
            button(t(locale, 'plan.button.approve'), PlanIds.approve, value, 'primary'),
            button(t(locale, 'plan.button.return'), PlanIds.return, value, 'danger'),
            revise,
          ]
        : [revise],
    ),
  );
  return { text: title, blocks: capBlocks(blocks) };
}

/** The approved plan as published to planning and the site channel. */
export function planAnnouncement(
  p: PlanView,
  o: { locale: Locale; timeZone: string },
): { text: string; blocks: Block[] } {
  const title = t(o.locale, 'plan.published.header', { range: planRange(p.content), version: p.version });
  const at = p.decidedAt ? formatDateTime(p.decidedAt, o.timeZone) : '';
  const meta = t(o.locale, 'plan.published.meta', {
    author: escapeMrkdwn(p.author),
    by: escapeMrkdwn(p.decidedBy ?? ''),
    at,
  });
  return { text: title, blocks: capBlocks([header(title), context(meta), ...planBody(p.content, o.locale)]) };
}
