import type { ModalView } from '@slack/types';
import {
  PLAN_LIMITS,
  PLAN_SECTIONS,
  planFields,
  type PlanContent,
  type PlanField,
  type PlanKind,
  planKindsOf,
} from '../../domain/plans/plan-rules.ts';
import type { Template } from '../../domain/org/roles.ts';
import { t, tFor, type Locale } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { actions, button, capBlocks, context, header, modal, plain, section, type Block } from '../blocks.ts';
import { PlanIds, inputActionId } from '../ids.ts';

/** What a plan's card and announcement show: the plan, its current version's content, and names. */
export interface PlanView {
  id: number;
  kind: PlanKind;
  version: number;
  status: string;
  content: PlanContent;
  /** The uploaded file this version came from, by name. */
  file: string | null;
  author: string;
  approvers: string;
  /** Who approved the current version so far, and the approvals still to come (mentions). */
  approvedBy: string[];
  waiting: string;
  /** The day an approved plan waits to be published on; null once published or without one. */
  publishOn: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  returnReason: string | null;
}

const MULTILINE = new Set<string>([...PLAN_SECTIONS, 'targets']);
const OPTIONAL = new Set<string>([
  ...PLAN_SECTIONS.slice(1),
  'publishOn',
  'targets',
  'focusSecondary1',
  'focusSecondary2',
]);

/** A kind's name: 階段銷售計劃, 項目銷售計劃書, 年度銷售計劃, 季度銷售計劃. */
export const kindName = (locale: Locale, kind: PlanKind) => tFor(locale, 'plan.kind', kind);

export const planRange = (c: Pick<PlanContent, 'fromMonth' | 'toMonth'>) =>
  c.fromMonth === c.toMonth ? c.fromMonth : `${c.fromMonth}～${c.toMonth}`;

/** A plan's form: a new plan of a kind, or (with `planId`) the next version, opening with `initial`. */
export function planModal(o: {
  locale: Locale;
  kind: PlanKind;
  initial: Partial<PlanContent>;
  approvers: string;
  planId?: number;
}): ModalView {
  const input = (field: PlanField): Block => ({
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
    privateMetadata: JSON.stringify({ planId: o.planId ?? null, kind: o.kind }),
    title: truncate(kindName(o.locale, o.kind), 24),
    submit: t(o.locale, 'plan.modal.submit'),
    close: t(o.locale, 'visit.modal.close'),
    blocks: [
      context(
        t(o.locale, o.kind === 'stage' ? 'plan.modal.hint' : 'plan.modal.hint_other', { approvers: o.approvers }),
      ),
      ...planFields(o.kind).map(input),
    ],
  });
}

const text = (value: string, max = 1500) => escapeMrkdwn(truncate(value || '—', max));

/** The sections that were written, then the focus items. */
function planBody(p: Pick<PlanView, 'content' | 'kind' | 'file'>, locale: Locale): Block[] {
  const c = p.content;
  const blocks: Block[] = [];
  if (p.file) blocks.push(context(t(locale, 'plan.card.file', { name: escapeMrkdwn(truncate(p.file, 80)) })));
  for (const key of [...PLAN_SECTIONS, 'targets'] as const) {
    if (c[key]) blocks.push(section(`*${tFor(locale, 'plan.section', key)}*\n${text(c[key])}`, `plan_${key}`));
  }
  if (p.kind !== 'stage') return blocks;
  const focus = { main: text(c.focusMain, 300), secondary1: text(c.focusSecondary1, 300) };
  blocks.push(section(t(locale, 'plan.card.focus', { ...focus, secondary2: text(c.focusSecondary2, 300) })));
  return blocks;
}

/** The approval card: rewritten in place for each version and decision; its thread is the plan's discussion. */
export function planCard(p: PlanView, o: { locale: Locale; timeZone: string }): { text: string; blocks: Block[] } {
  const { locale } = o;
  const status = tFor(locale, 'plan.status', p.status);
  const kind = kindName(locale, p.kind);
  const title = t(locale, 'plan.card.header', { range: planRange(p.content), kind, version: p.version, status });
  const blocks: Block[] = [
    header(title),
    context(t(locale, 'plan.card.meta', { author: escapeMrkdwn(p.author), approvers: p.approvers })),
    ...planBody(p, locale),
  ];
  const decided = {
    by: escapeMrkdwn(p.decidedBy ?? ''),
    at: p.decidedAt ? formatDateTime(p.decidedAt, o.timeZone) : '',
  };
  if (p.status === 'approved')
    blocks.push(
      context(
        p.publishOn
          ? t(locale, 'plan.card.approved_later', { ...decided, on: p.publishOn })
          : t(locale, 'plan.card.approved', decided),
      ),
    );
  if (p.status === 'pending' && p.publishOn)
    blocks.push(context(t(locale, 'plan.card.publish_on', { on: p.publishOn })));
  if (p.status === 'pending' && p.approvedBy.length > 0)
    blocks.push(context(t(locale, 'plan.card.partly', { names: escapeMrkdwn(p.approvedBy.join('、')) })));
  if (p.status === 'returned')
    blocks.push(context(t(locale, 'plan.card.returned', { ...decided, reason: escapeMrkdwn(p.returnReason ?? '') })));
  if (p.status === 'pending') blocks.push(context(t(locale, 'plan.card.ask', { approvers: p.waiting || p.approvers })));
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
  const kind = kindName(o.locale, p.kind);
  const title = t(o.locale, 'plan.published.header', { range: planRange(p.content), kind, version: p.version });
  const at = p.decidedAt ? formatDateTime(p.decidedAt, o.timeZone) : '';
  const meta = t(o.locale, 'plan.published.meta', {
    author: escapeMrkdwn(p.author),
    by: escapeMrkdwn(p.decidedBy ?? ''),
    at,
  });
  return { text: title, blocks: capBlocks([header(title), context(meta), ...planBody(p, o.locale)]) };
}

/** `/task plan` with a bad month or an unknown word: what was wrong, and how to write it. */
export function planCommandRefusal(
  refused: { reason: 'bad_month' | 'usage'; word: string },
  chart: { template: Template },
  locale: Locale,
): { text: string } {
  const kinds = planKindsOf(chart.template);
  const usage = t(locale, 'plan.command.usage', {
    kinds: kinds.map((k) => `${k}（${kindName(locale, k)}）`).join('、'),
    example: kinds[1] ?? kinds[0],
  });
  if (refused.reason === 'usage') return { text: usage };
  const month = escapeMrkdwn(truncate(refused.word, 20));
  return { text: `${t(locale, 'plan.command.bad_month', { month })}\n${usage}` };
}
