import type { InputBlockElement, ModalView } from '@slack/types';
import { RESEARCH_FIELDS, RESEARCH_LIMITS } from '../../domain/tasks/research-rules.ts';
import { TASK_KINDS, TASK_LIMITS, TASK_SCOPES } from '../../domain/tasks/task-rules.ts';
import { t, tFor, type KeyPrefix, type Locale, type MessageKey } from '../../i18n/index.ts';
import { modal, plain, type Block } from '../blocks.ts';
import { TaskIds, inputActionId } from '../ids.ts';

const text = (
  locale: Locale,
  blockId: string,
  labelKey: MessageKey,
  max: number,
  o: { multiline?: boolean; optional?: boolean } = {},
): Block => ({
  type: 'input',
  block_id: blockId,
  optional: Boolean(o.optional),
  label: plain(t(locale, labelKey)),
  element: { type: 'plain_text_input', action_id: inputActionId(blockId), max_length: max, multiline: !!o.multiline },
});

const select = (locale: Locale, blockId: string, values: readonly string[], prefix: KeyPrefix, initial?: string) => {
  const options = values.map((value) => ({ text: plain(tFor(locale, prefix, value), 75), value }));
  const initialOption = options.find((o) => o.value === initial);
  return {
    type: 'input',
    block_id: blockId,
    label: plain(tFor(locale, 'task.field', blockId)),
    element: {
      type: 'static_select',
      action_id: inputActionId(blockId),
      options,
      ...(initialOption ? { initial_option: initialOption } : {}),
    },
  } as Block;
};

/**
 * `/task`: what, by when, of which kind, and to whom (a person, their team, or everyone below them).
 * The due date starts on `due`, the next working day (never a weekend or holiday).
 */
export function taskModal(locale: Locale, due: string, chain: readonly { id: string; name: string }[]): ModalView {
  return modal({
    callbackId: TaskIds.assignCallback,
    title: t(locale, 'task.modal.title'),
    submit: t(locale, 'task.modal.submit'),
    close: t(locale, 'visit.modal.close'),
    blocks: [
      text(locale, 'title', 'task.field.title', TASK_LIMITS.title),
      select(locale, 'kind', TASK_KINDS, 'task.kind', 'instruction'),
      {
        type: 'input',
        block_id: 'assignee',
        label: plain(t(locale, 'task.field.assignee')),
        element: assigneeElement(chain),
      },
      select(locale, 'scope', TASK_SCOPES, 'task.scope', 'person'),
      {
        type: 'input',
        block_id: 'dueDate',
        label: plain(t(locale, 'task.field.dueDate')),
        element: { type: 'datepicker', action_id: inputActionId('dueDate'), initial_date: due },
      },
      text(locale, 'description', 'task.field.description', TASK_LIMITS.description, {
        multiline: true,
        optional: true,
      }),
      text(locale, 'checklist', 'task.field.checklist', 3000, { multiline: true, optional: true }),
    ],
  });
}

/** One competitor's 市調 result; several may be filed against one task. */
export function researchModal(locale: Locale, assignmentId: number): ModalView {
  const optional = new Set(['promotions', 'salesSpeed', 'customerProfile', 'notes']);
  return modal({
    callbackId: TaskIds.researchCallback,
    privateMetadata: JSON.stringify({ assignmentId }),
    title: t(locale, 'research.modal.title'),
    submit: t(locale, 'research.modal.submit'),
    close: t(locale, 'visit.modal.close'),
    blocks: RESEARCH_FIELDS.map((field) =>
      text(locale, field, `research.field.${field}`, RESEARCH_LIMITS[field], {
        multiline: field === 'notes' || field === 'customerProfile' || field === 'promotions',
        optional: optional.has(field),
      }),
    ),
  });
}

/** A comment on a task, posted in its thread. */
export function commentModal(locale: Locale, assignmentId: number): ModalView {
  return modal({
    callbackId: TaskIds.commentCallback,
    privateMetadata: JSON.stringify({ assignmentId }),
    title: t(locale, 'task.comment.title'),
    submit: t(locale, 'task.comment.submit'),
    close: t(locale, 'visit.modal.close'),
    blocks: [text(locale, TaskIds.commentBlock, 'task.comment.label', TASK_LIMITS.comment, { multiline: true })],
  });
}

/** A training session's attendance: present or absent, and a mark, per assignee (as recorded so far). */
export function attendanceModal(
  locale: Locale,
  taskId: number,
  people: { assignmentId: number; name: string; attendance: string | null; mark: string | null }[],
  markMax: number,
): ModalView {
  const blocks = people.flatMap((p): Block[] => {
    const options = (['present', 'absent'] as const).map((value) => ({
      text: plain(tFor(locale, 'training.attendance', value), 75),
      value,
    }));
    const initial = options.find((o) => o.value === p.attendance);
    return [
      {
        type: 'input',
        block_id: `att:${p.assignmentId}`,
        optional: true,
        label: plain(t(locale, 'training.attendance.label', { name: p.name })),
        element: {
          type: 'static_select',
          action_id: inputActionId(`att:${p.assignmentId}`),
          options,
          ...(initial ? { initial_option: initial } : {}),
        },
      },
      {
        type: 'input',
        block_id: `mark:${p.assignmentId}`,
        optional: true,
        label: plain(t(locale, 'training.attendance.mark', { name: p.name })),
        element: {
          type: 'plain_text_input',
          action_id: inputActionId(`mark:${p.assignmentId}`),
          max_length: markMax,
          ...(p.mark ? { initial_value: p.mark } : {}),
        },
      },
    ];
  });
  return modal({
    callbackId: TaskIds.attendanceCallback,
    privateMetadata: JSON.stringify({ taskId }),
    title: t(locale, 'training.attendance.title'),
    submit: t(locale, 'training.attendance.submit'),
    close: t(locale, 'visit.modal.close'),
    blocks,
  });
}

/**
 * Tasks go down the chain only: the assigner and those below them (a team or subtree may start at the
 * assigner). Slack holds 100 options; a larger chain picks from the workspace, and the submission refuses
 * anyone outside it.
 */
function assigneeElement(chain: readonly { id: string; name: string }[]): InputBlockElement {
  if (chain.length === 0 || chain.length > 100) return { type: 'users_select', action_id: inputActionId('assignee') };
  const options = chain.map((p) => ({ text: plain(p.name, 75), value: p.id }));
  return { type: 'static_select', action_id: inputActionId('assignee'), options };
}
