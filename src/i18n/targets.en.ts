import type { targetsZhHant } from './targets.zh-hant.ts';

export const targetsEn: Record<keyof typeof targetsZhHant, string> = {
  'metric.amount': 'Sales amount',
  'metric.volume': 'Volume',
  'metric.coverage': 'Coverage (%)',
  'metric.share': 'Market share %',
  'metric.visits': 'Visits',
  'metric.contracts': 'Contracts signed',
  'targets.header.person': "{name}'s targets and attainment",
  'targets.header.market': 'Market {name}: targets and attainment',
  'targets.header.org': '{name}: company targets and attainment',
  'targets.period.month': '{period} (this month)',
  'targets.period.quarter': '{period} (this quarter)',
  'targets.period.other': '{period}',
  'targets.line': '*{metric}*: target {target} | actual {actual} | {attainment}\n`{bar}` {pace}',
  'targets.line.cancelled':
    '*Cancellations*: {count} (approved in the period, whenever reserved; not taken off reservations or contracts)',
  'targets.line.no_target': '*{metric}*: actual {actual} (no target set)',
  'targets.pace.behind':
    '{elapsed}% of the period gone, {done}% done: {points, plural, one {# point} other {# points}} behind',
  'targets.pace.ahead':
    '{elapsed}% of the period gone, {done}% done: {points, plural, one {# point} other {# points}} ahead',
  'targets.pace.on_track': '{elapsed}% of the period gone, {done}% done: on track',
  'targets.pace.unpaced': 'a ratio, not paced by the period: {done}% of its target',
  'targets.none': 'No targets or actuals for this period yet.',
  'targets.team.total': '*Total*: target {target} | actual {actual} | {attainment}   {pace}',
  'targets.team.line': '{rank}. {name}: {actual} / {target} ({attainment}) `{bar}`',
  'targets.team.no_reports': 'You have no direct reports. Use `/targets` for your own.',
  'targets.not_allowed': "Sorry, you may not see these figures. You can see your own and your reports'.",
  'targets.help':
    'Usage:\n• `/targets`: my month and quarter\n• `/targets team`: my team rolled up and ranked\n' +
    '• `/targets team chart`: the same as a chart, in your DM\n' +
    '• `/targets scorecard [team|markets] [2026-11]`: the monthly scorecards (last month by default)\n' +
    '• `/targets this-quarter`, `/targets 2026-Q3`, `/targets 2026-11`\n' +
    '• `/targets E` or `/targets market E`: a market\n• `/targets @someone`\n' +
    '• `/targets set [period] [metric]`: set and split targets\n• `/sales`: record actuals',
  'targets.set.unknown_metric':
    'Did not understand "{word}": the metric of `/targets set [period] [metric]` can be {metrics}.',
  'targets.set.metric_name': '{name} (`{key}`)',
  'targets.set.metric_separator': ', ',
  'targets.set.title': 'Set targets',
  'targets.set.submit': 'Publish',
  'targets.set.context': '{period} · {metric}',
  'targets.set.parent': '*Parent target* ({scope}): {value}',
  'targets.set.parent_input': '{scope} target',
  'targets.set.parent_input_budget': '{scope} budget',
  'targets.set.sum': '*Split so far*: {sum} / parent {parent} ({diff})',
  // a percentage (coverage, share) is split by its rows' mean, never their sum
  'targets.set.mean': '*Rows on average*: {sum} / parent {parent} ({diff})',
  'targets.set.mean_no_parent': '*Rows on average*: {sum} (no parent target is set)',
  'targets.set.gap_error_mean':
    'The rows average {sum}, {gap} below the parent target {parent}. Raise them, or tick the confirmation to publish.',
  'targets.set.sum_short': '{gap} short',
  'targets.set.sum_over': '{gap} over',
  'targets.set.sum_even': 'exact',
  'targets.set.confirm_gap': 'I confirm the split falls short of the parent target (the gap is recorded)',
  'targets.set.gap_error':
    'The split adds up to {sum}, {gap} short of the parent target {parent}. Fill the gap, or tick the ' +
    'confirmation to publish.',
  // an expense budget's split (expense:<category>): a budget, and never split beyond it
  'targets.set.parent_budget': '*Parent budget* ({scope}): {value}',
  'targets.set.sum_no_parent_budget': '*Split so far*: {sum} (no parent budget is set)',
  'targets.set.confirm_gap_budget': 'I confirm the split falls short of the parent budget (the gap is recorded)',
  'targets.set.gap_error_budget':
    'The split adds up to {sum}, {gap} short of the parent budget {parent}. Fill the gap, or tick the ' +
    'confirmation to publish.',
  'targets.set.over_budget':
    'The split adds up to {sum}, {over} over the parent budget {parent}. A budget cannot be split beyond ' +
    'what it holds: lower the rows to publish.',
  'targets.set.saved_gap_budget': 'Gap to the parent budget confirmed: {gap}.',
  'targets.set.bad_number':
    'Enter a number from 0 to 1,000,000,000,000; an amount takes at most two decimals and may have thousands ' +
    'separators, e.g. 2,000 or 2,000.50.',
  'targets.set.no_children': 'You have no reports or markets to split a target across.',
  'targets.set.no_children_site': 'You have no reports to split a target across.',
  'targets.set.not_allowed': 'You may not set targets for that scope.',
  'targets.set.done': 'Published {count} {metric} targets for {period}.',
  'targets.set.months': 'Month {month}',
  'targets.scope.org': 'Company',
  'sales.title': 'Record sales',
  'sales.submit': 'Record',
  'sales.field.person': 'Person',
  'sales.field.account': 'Customer / account',
  'sales.field.month': 'Month',
  'sales.field.metric': 'Metric',
  'sales.field.market': 'Market',
  'sales.field.value': 'Value',
  'sales.error.required': 'Please fill in "{field}".',
  'sales.error.number':
    '"{field}" must be a number from 0 to 1,000,000,000,000; an amount takes at most two decimals and may have ' +
    'thousands separators, e.g. 2,000 or 2,000.50.',
  'sales.error.share': 'Market share must be from 0 to 100.',
  'sales.error.person': 'You can record only for yourself or your reports.',
  'sales.error.market': 'Please choose the market.',
  'sales.error.future': 'Actuals cannot be recorded for a future month.',
  'sales.recorded': 'Recorded {metric} for {person}, {month}: {value}.',
  'sales.correct.title': 'Correct an actual',
  'sales.correct.value': 'Corrected value',
  'sales.correct.reason': 'Reason',
  'sales.correct.done': 'Actual #{id} corrected from {old} to {value} (reason recorded).',
  'sales.correct.not_allowed': 'Only the sales secretary group may correct actuals.',
  'sales.list.header': 'Recent actuals',
  'sales.list.line': '• #{id} {month} {person} | {metric} {value} | {account}',
  'sales.list.share_line': '• #{id} {month} market {market} | {metric} {value} | recorded by {by}',
  // the value carries its own %
  'sales.list.metric.share': 'Market share',
  'sales.list.metric.coverage': 'Coverage',
  'sales.help':
    'Usage:\n• `/sales`: record actuals\n• `/sales list`: recent actuals\n• `/sales correct 123`: correct one (SSG)',
  'customer.contract.title': 'Contract amount',
  'customer.contract.amount': 'Contract amount',
  'customer.contract.submit': 'Confirm contract',
  // deals: the contract amount, exact and bounded (h8)
  'customer.contract.error.required': 'Enter the contract amount.',
  'customer.contract.error.format': 'Enter an amount, such as 3,280,000 or 3280000.50 (at most two decimals).',
  'customer.contract.error.not_positive': 'The contract amount must be more than 0.',
  'customer.contract.error.too_large': 'The contract amount is at most {max}. Check for an extra digit.',
  // h6 targets: whom /targets names, confirmations, new-target notices, the SSG's /sales
  'targets.person_not_found':
    'Nobody called "{who}" is in the org chart. Mention them with @ or type their name as in the chart.',
  'targets.notice.new': '🎯 {by} set {scope} {metric} target for {period}: {value}{was}. Type `/targets` to follow it.',
  'targets.notice.you': 'your',
  'targets.notice.market': "the {market} market's",
  'targets.notice.was': ' (was {old})',
  'targets.set.saved': '✅ Published the {metric} targets for {period}: {rows}. {gap}',
  'targets.set.saved_gap': 'Gap to the parent target confirmed: {gap}.',
  'sales.recorded_account': 'Recorded {metric} for {person}, {month}: {value} ({account}).',
  'sales.error.share_market': "Market share is recorded by the SSG, the SLT or that market's manager.",
  'sales.error.too_long': '"{field}" takes at most 80 characters.',
  'sales.hint.account': "Leave empty for market share: share is a market's figure.",
  'sales.nobody': 'There is nobody you can record figures for. Field people, their managers and the SSG record them.',
  'sales.recorded_for_you':
    '{by} recorded {metric} for you, {month}: {value} ({account}). Type `/targets` to follow it.',
  'sales.correct.notice': '{by} corrected your {metric} for {month}: {old} → {value}. Reason: {reason}',
  // trial fixes (targets and sales forms)
  'targets.set.sum_no_parent': '*Split so far*: {sum} (no parent target is set)',
  'targets.set.confirm_gap_label': 'Gap confirmation',
  'sales.hint.person': 'Market share does not count for this person: it counts for the market chosen.',
  'sales.hint.market': 'Choose a market only when recording market share; other metrics need none.',
  'targets.team.title': "{name}'s team, {period}",
  'targets.team.metric': '*{metric}*',
  'targets.team.total_split':
    '*Total*: target {target}; reports add up to {rows} | actual {actual} | {attainment}   {pace}',
  'targets.team.total_unset': '*Total*: no target set | actual {actual}',
  'targets.team.none_set':
    'No targets are set for {period} and nothing is recorded yet. Use `/targets set` to set them.',
};
