import type { ModalView } from '@slack/types';
import { FEEDBACK_LIMITS, FEEDBACK_TYPES, IMPORTANCE } from '../../domain/issues/feedback-rules.ts';
import { ISSUE_CATEGORIES, ISSUE_LIMITS, SEVERITIES } from '../../domain/issues/issue-rules.ts';
import { t, tFor, type KeyPrefix, type Locale, type MessageKey } from '../../i18n/index.ts';
import { truncate } from '../../lib/text.ts';
import { modal, plain, type Block } from '../blocks.ts';
import { FeedbackIds, IssueIds, inputActionId } from '../ids.ts';

const select = (
  locale: Locale,
  blockId: string,
  labelKey: MessageKey,
  values: readonly string[],
  prefix: KeyPrefix,
  initial?: string,
): Block => {
  const options = values.map((value) => ({ text: plain(tFor(locale, prefix, value), 75), value }));
  const initialOption = options.find((o) => o.value === initial);
  return {
    type: 'input',
    block_id: blockId,
    label: plain(t(locale, labelKey)),
    element: {
      type: 'static_select',
      action_id: inputActionId(blockId),
      options,
      ...(initialOption ? { initial_option: initialOption } : {}),
    },
  };
};

const text = (
  locale: Locale,
  blockId: string,
  labelKey: MessageKey,
  max: number,
  o: { multiline?: boolean; optional?: boolean; initial?: string } = {},
): Block => ({
  type: 'input',
  block_id: blockId,
  optional: Boolean(o.optional),
  label: plain(t(locale, labelKey)),
  element: {
    type: 'plain_text_input',
    action_id: inputActionId(blockId),
    max_length: max,
    multiline: Boolean(o.multiline),
    ...(o.initial ? { initial_value: truncate(o.initial, max) } : {}),
  },
});

/** What a report opened from elsewhere (a phone call's follow-up) starts with. */
export interface IssuePrefill {
  category: string;
  title: string;
  description: string;
  subject: string;
}

/** On a site the optional subject is a customer or a unit: a site has no dealers or markets. */
export function issueModal(
  locale: Locale,
  categories: readonly string[] = ISSUE_CATEGORIES,
  o: { site?: boolean; prefill?: IssuePrefill } = {},
): ModalView {
  const subjectLabel = o.site ? 'issue.field.subject_site' : 'issue.field.subject';
  const p = o.prefill;
  return modal({
    callbackId: IssueIds.fileCallback,
    title: t(locale, 'issue.modal.title'),
    submit: t(locale, 'issue.modal.submit'),
    close: t(locale, 'visit.modal.close'),
    blocks: [
      select(locale, 'category', 'issue.field.category', categories, 'issue.category', p?.category),
      select(locale, 'severity', 'issue.field.severity', SEVERITIES, 'issue.severity', 'normal'),
      text(locale, 'title', 'issue.field.title', ISSUE_LIMITS.title, { initial: p?.title }),
      text(locale, 'description', 'issue.field.description', ISSUE_LIMITS.description, {
        multiline: true,
        initial: p?.description,
      }),
      text(locale, 'subject', subjectLabel, ISSUE_LIMITS.subject, { optional: true, initial: p?.subject }),
    ],
  });
}

export function feedbackModal(locale: Locale): ModalView {
  return modal({
    callbackId: FeedbackIds.fileCallback,
    title: t(locale, 'feedback.modal.title'),
    submit: t(locale, 'feedback.modal.submit'),
    close: t(locale, 'visit.modal.close'),
    blocks: [
      select(locale, 'type', 'feedback.field.type', FEEDBACK_TYPES, 'feedback.type'),
      text(locale, 'content', 'feedback.field.content', FEEDBACK_LIMITS.content, { multiline: true }),
      text(locale, 'subject', 'feedback.field.subject', FEEDBACK_LIMITS.subject, { optional: true }),
      select(locale, 'importance', 'feedback.field.importance', IMPORTANCE, 'feedback.importance', 'normal'),
    ],
  });
}

/** Whom an issue can go to: at most 100 people, as Slack allows in one select. */
export function assignModal(locale: Locale, issueId: number, people: { id: string; name: string }[]): ModalView {
  const options = people.slice(0, 100).map((p) => ({ text: plain(p.name, 75), value: p.id }));
  return modal({
    callbackId: IssueIds.assignCallback,
    privateMetadata: JSON.stringify({ issueId }),
    title: t(locale, 'issue.assign.title'),
    submit: t(locale, 'issue.assign.submit'),
    close: t(locale, 'visit.modal.close'),
    blocks: [
      {
        type: 'input',
        block_id: IssueIds.assigneeBlock,
        label: plain(t(locale, 'issue.assign.label')),
        element: { type: 'static_select', action_id: inputActionId(IssueIds.assigneeBlock), options },
      },
    ],
  });
}
