import type { ModalView } from '@slack/types';
import { t, type Locale, type MessageKey, tFor } from '../../i18n/index.ts';
import { modal, plain, type Block } from '../blocks.ts';
import { TargetIds, inputActionId } from '../ids.ts';
import { figureInput, formatMetric, splitTotal } from '../../domain/targets/figures.ts';
import { isPercent } from '../../domain/targets/metrics.ts';
import { metricLabel } from './metric-label.ts';
import { isBudgetMetric } from '../../domain/expenses/expense-rules.ts';

/**
 * A figure typed as text, not Slack's number_input: that one refuses "2,000" in the browser, before the
 * server's parser (readFigure, parseMoneyCents) that takes thousands separators ever sees it.
 */
const figureText = (actionId: string, initial?: string) => ({
  type: 'plain_text_input' as const,
  action_id: actionId,
  max_length: 30,
  ...(initial ? { initial_value: initial } : {}),
});

export interface SplitRow {
  /** e.g. person:U0…, market:E, month:2026-07 */
  key: string;
  label: string;
  value: number | null;
}

export interface SplitModalOptions {
  locale: Locale;
  period: string;
  metric: string;
  parentLabel: string;
  parentValue: number | null;
  parentEditable: boolean;
  rows: SplitRow[];
  /** The organisation's currency (currencyOf): money figures are printed in it, as on every card. */
  currency: string;
  /** What the hidden state carries to the submission. */
  metadata: string;
}

/** The running sum against the parent, shown under the rows and refreshed as rows change. */
export function splitSumText(
  o: { locale: Locale; currency: string },
  metric: string,
  sum: number,
  parent: number | null,
): string {
  const { locale } = o;
  const formatNumber = (units: number) => formatMetric(metric, units, o);
  // with no parent target there is nothing to fall short of: say so rather than "0 (exact)"
  // a percentage's rows are read by their mean (3 × 60% make 60%, not 180%)
  const mean = isPercent(metric);
  if (parent === null) {
    const key = isBudgetMetric(metric)
      ? 'targets.set.sum_no_parent_budget'
      : mean
        ? 'targets.set.mean_no_parent'
        : 'targets.set.sum_no_parent';
    return t(locale, key, { sum: formatNumber(sum) });
  }
  const p = parent;
  const diff =
    sum < p
      ? t(locale, 'targets.set.sum_short', { gap: formatNumber(p - sum) })
      : sum > p
        ? t(locale, 'targets.set.sum_over', { gap: formatNumber(sum - p) })
        : t(locale, 'targets.set.sum_even');
  return t(locale, mean ? 'targets.set.mean' : 'targets.set.sum', {
    sum: formatNumber(sum),
    parent: formatNumber(p),
    diff,
  });
}

/** The box a manager ticks to publish a split short of the parent's target or budget. */
function confirmGapBlock(locale: Locale, budget: boolean): Block {
  const confirm = t(locale, budget ? 'targets.set.confirm_gap_budget' : 'targets.set.confirm_gap');
  return {
    type: 'input',
    block_id: TargetIds.confirmGapBlock,
    optional: true,
    // the block names the subject; the box itself says what is confirmed (not the same text twice)
    label: plain(t(locale, 'targets.set.confirm_gap_label'), 2000),
    element: {
      type: 'checkboxes',
      action_id: inputActionId(TargetIds.confirmGapBlock),
      options: [{ text: plain(confirm, 75), value: 'confirm' }],
    },
  };
}

/** `/targets set`: the parent's target, one row per child, the running sum, and the gap confirmation. */
export function splitModal(o: SplitModalOptions): ModalView {
  const { locale } = o;
  const budget = isBudgetMetric(o.metric);
  // a row left empty is 0 (nothing for it); the parent, when typed here, is required
  const number = (
    blockId: string,
    label: string,
    initial: number | null,
    dispatch: boolean,
    optional = false,
  ): Block => ({
    type: 'input',
    block_id: blockId,
    ...(optional ? { optional: true } : {}),
    label: plain(label, 2000),
    dispatch_action: dispatch,
    element: figureText(
      dispatch ? TargetIds.rowChanged : inputActionId(blockId),
      initial !== null ? figureInput(o.metric, initial) : undefined,
    ),
  });
  const sum = splitTotal(
    o.metric,
    o.rows.map((row) => row.value ?? 0),
  );
  const blocks: Block[] = [
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: t(locale, 'targets.set.context', {
            period: o.period,
            metric: metricLabel(locale, o.metric),
          }),
        },
      ],
    },
    o.parentEditable
      ? number(
          TargetIds.parentBlock,
          t(locale, budget ? 'targets.set.parent_input_budget' : 'targets.set.parent_input', { scope: o.parentLabel }),
          o.parentValue,
          true,
        )
      : {
          type: 'section',
          block_id: TargetIds.parentBlock,
          text: {
            type: 'mrkdwn',
            text: t(locale, budget ? 'targets.set.parent_budget' : 'targets.set.parent', {
              scope: o.parentLabel,
              value: o.parentValue === null ? '—' : formatMetric(o.metric, o.parentValue, o),
            }),
          },
        },
    ...o.rows.slice(0, 90).map((row) => number(`${TargetIds.rowPrefix}${row.key}`, row.label, row.value, true, true)),
    {
      type: 'section',
      block_id: TargetIds.sumBlock,
      text: { type: 'mrkdwn', text: splitSumText(o, o.metric, sum, o.parentValue) },
    },
    confirmGapBlock(locale, budget),
  ];
  return modal({
    callbackId: TargetIds.setCallback,
    privateMetadata: o.metadata,
    // an expense budget (expense:<category>) is a budget, not a target
    title: t(locale, budget ? 'expense.budget.set_title' : 'targets.set.title'),
    submit: t(locale, 'targets.set.submit'),
    close: t(locale, 'visit.modal.close'),
    blocks,
  });
}

/** `/sales`: who, which account and month, which metric, how much. */
export function salesModal(o: {
  locale: Locale;
  people: { id: string; name: string }[];
  months: string[];
  metrics: readonly string[];
  markets: { code: string; name: string }[];
  selfId: string;
}): ModalView {
  const { locale } = o;
  const label = (field: string) => plain(tFor(locale, 'sales.field', field), 2000);
  const options = (items: { value: string; text: string }[]) =>
    items.slice(0, 100).map((i) => ({ text: plain(i.text, 75), value: i.value }));
  const people = options(o.people.map((p) => ({ value: p.id, text: p.name })));
  const months = options(o.months.map((m) => ({ value: m, text: m })));
  const metrics = options(o.metrics.map((m) => ({ value: m, text: tFor(locale, 'metric', m) })));
  const blocks: Block[] = [
    {
      type: 'input',
      block_id: 'person',
      label: label('person'),
      element: {
        type: 'static_select',
        action_id: inputActionId('person'),
        options: people,
        initial_option: people.find((p) => p.value === o.selfId) ?? people[0],
      },
    },
    // optional in the modal, checked on submit: market share needs no customer
    {
      type: 'input',
      block_id: 'account',
      optional: true,
      label: label('account'),
      hint: plain(t(locale, 'sales.hint.account'), 2000),
      element: { type: 'plain_text_input', action_id: inputActionId('account'), max_length: 80 },
    },
    {
      type: 'input',
      block_id: 'month',
      label: label('month'),
      element: { type: 'static_select', action_id: inputActionId('month'), options: months, initial_option: months[0] },
    },
    {
      type: 'input',
      block_id: 'metric',
      label: label('metric'),
      element: {
        type: 'static_select',
        action_id: inputActionId('metric'),
        options: metrics,
        initial_option: metrics[0],
      },
    },
    {
      type: 'input',
      block_id: 'value',
      label: label('value'),
      element: figureText(inputActionId('value')),
    },
  ];
  if (o.markets.length > 0) {
    // optional: only market share needs one, and the hint says so (no "required" beside Slack's "optional")
    const hint = plain(t(locale, 'sales.hint.market'), 2000);
    const marketOptions = options(o.markets.map((m) => ({ value: m.code, text: m.name })));
    const element = { type: 'static_select' as const, action_id: inputActionId('market'), options: marketOptions };
    blocks.splice(4, 0, { type: 'input', block_id: 'market', optional: true, label: label('market'), hint, element });
    // a share counts for its market, whoever is chosen here (/sales list shows it so)
    blocks[0] = { ...blocks[0], hint: plain(t(locale, 'sales.hint.person'), 2000) } as Block;
  }
  return modal({
    callbackId: TargetIds.salesCallback,
    title: t(locale, 'sales.title'),
    submit: t(locale, 'sales.submit'),
    close: t(locale, 'visit.modal.close'),
    blocks,
  });
}

/** A number modal: the SSG's correction of an actual, or a contract's amount. */
export function numberModal(o: {
  locale: Locale;
  callbackId: string;
  titleKey: MessageKey;
  valueKey: MessageKey;
  submitKey: MessageKey;
  metadata: string;
  withReason?: MessageKey;
}): ModalView {
  const blocks: Block[] = [
    {
      type: 'input',
      block_id: 'value',
      label: plain(t(o.locale, o.valueKey), 2000),
      element: figureText(inputActionId('value')),
    },
  ];
  if (o.withReason)
    blocks.push({
      type: 'input',
      block_id: 'reason',
      label: plain(t(o.locale, o.withReason), 2000),
      element: { type: 'plain_text_input', action_id: inputActionId('reason'), multiline: true, max_length: 500 },
    });
  return modal({
    callbackId: o.callbackId,
    privateMetadata: o.metadata,
    title: t(o.locale, o.titleKey),
    submit: t(o.locale, o.submitKey),
    close: t(o.locale, 'visit.modal.close'),
    blocks,
  });
}
