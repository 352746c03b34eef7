import type { scorecardsZhHant } from './scorecards.zh-hant.ts';

export const scorecardsEn: Record<keyof typeof scorecardsZhHant, string> = {
  'scorecard.title': '📋 {name}, scorecard for {month}: score {score} (#{rank} of {peers} {role})',
  'scorecard.sales': '• Sales attainment: {value} (#{rank} of {peers}, {change})',
  'scorecard.expense': '• Expense: {used} of budget, expense ratio {ratio} (#{rank} of {peers}, {change})',
  'scorecard.visits': '• Visits: {filed} filed, {value} approved (#{rank} of {peers}, {change})',
  'scorecard.metric': '• {metric} attainment: {value} (#{rank} of {peers}, {change})',
  'scorecard.osb': '• OSB issues: {open} open at month end{oldest} ({change})',
  'scorecard.osb_oldest': ', the oldest {days} days old',
  'scorecard.change': '{delta} on last month',
  'scorecard.change_none': 'no figure last month',
  'scorecard.team': '📋 Scorecards of your reports for {month}:\n{lines}',
  'scorecard.markets': '📋 Scorecards of the markets, {month}:\n{lines}',
  'scorecard.team_line': '• {name}: score {score}, sales {attainment}, expense ratio {ratio}, visits approved {visits}',
};
