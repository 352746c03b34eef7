import type { scorecardsZhHant } from './scorecards.zh-hant.ts';

export const scorecardsEn: Record<keyof typeof scorecardsZhHant, string> = {
  'scorecard.working': 'Working out the scorecards for {month}…',
  'scorecard.none': 'You have no scorecard for {month} (no target that month).',
  'scorecard.none_team': 'None of your direct reports has a scorecard for {month}.',
  'scorecard.none_markets': 'No market has a scorecard for {month} (no market manager had a target).',
  'scorecard.none_markets_site':
    'A site has no markets, so there is no markets’ scorecard table. Your own scorecard: ' +
    '`/targets scorecard {month}`; the table of your direct reports: `/targets scorecard team {month}`.',
  'scorecard.markets_only_slt': "Sorry, only the leadership may see the markets' scorecards.",
  'scorecard.bad_month':
    '"{period}" is not a valid month. Scorecards are monthly: give a month, e.g. `/targets scorecard 2026-11`.',
  'scorecard.help':
    "Usage: `/targets scorecard [2026-11]` my scorecard; `/targets scorecard team` my reports'; " +
    "`/targets scorecard markets` every market's (leadership).",
  'scorecard.title': '📋 {name}, scorecard for {month}: score {score} ({standing})',
  'scorecard.standing': '#{rank} of {peers} {role}',
  'scorecard.standing_tied': '#{rank} of {peers} {role} (tied)',
  'scorecard.standing_none': 'no other {role} to rank against, no score',
  'scorecard.rank': '#{rank} of {peers}',
  'scorecard.rank_tied': '#{rank} of {peers} (tied)',
  'scorecard.rank_alone': 'no peers to rank against',
  'scorecard.rank_none': 'unranked',
  'scorecard.sales': '• Sales attainment: {value} ({rank}, {change})',
  'scorecard.expense':
    '• Expense: {used} of budget (all spend ÷ total budget), expense ratio {ratio} ({rank}, {change})',
  'scorecard.expense_no_sales':
    '• Expense: {used} of budget (all spend ÷ total budget), expense ratio — (no sales this month: no ratio, unranked)',
  'scorecard.change_no_sales': 'no sales last month to compare',
  'scorecard.visits': '• Visits: {filed} filed, {value} approved ({rank}, {change})',
  'scorecard.metric': '• {metric} attainment: {value} ({rank}, {change})',
  'scorecard.share': '• Market share: {value} ({rank}, {change})',
  'scorecard.reserved': '• Reservations: {count} units, {amount} ({rank}, {change})',
  'scorecard.contracted': '• Contracts: {count} units, {amount} ({rank}, {change})',
  'scorecard.cancelled':
    '• Cancellations: {count} (approved this month, whenever reserved; not taken off reservations or contracts)',
  'scorecard.collected': '• Collections: {amount} ({rank}, {change})',
  'scorecard.arrears': '• Arrears overdue (due by month end, unpaid): {amount} ({rank}, {change})',
  'scorecard.change_deals': '{count} units, {amount} on last month',
  'scorecard.shares': '• Market share ({count} markets, each on its own, not combined or ranked): {list}',
  'scorecard.shares_item': '{market} {value} ({change})',
  'scorecard.shares_joiner': '; ',
  'scorecard.shares_suffix': ', share {list}',
  'scorecard.owned':
    '📋 Scorecards of the people in your markets, {month} ({count} in all, each ranked within their role; ' +
    "your direct reports are in your reports' table){part}:\n{lines}",
  'scorecard.owned_heading': '*{market} | {role}*',
  'scorecard.owned_part': ' (part {n} of {of})',
  'scorecard.share_suffix': ', share {share}',
  'scorecard.deals_suffix': ', contracts {contracted}, collected {collected}, arrears {arrears}',
  'scorecard.osb': '• OSB issues: {open} open at month end{oldest} ({change})',
  'scorecard.osb_oldest': ', the oldest {days, plural, one {# day} other {# days}} old',
  'scorecard.change': '{delta} on last month',
  'scorecard.change_none': 'no figure last month',
  'scorecard.team': '📋 Scorecards of your reports for {month}:\n{lines}',
  'scorecard.markets': '📋 Scorecards of the markets, {month}:\n{lines}',
  'scorecard.team_line':
    '• {name}: score {score}, sales {attainment}, expense ratio {ratio}, visits approved {visits}{extra}',
};
