import type { chartsZhHant } from './charts.zh-hant.ts';

/** Charts in Slack (issue 18): titles, axes, alt text and the text beside each picture. */
export const chartsEn: Record<keyof typeof chartsZhHant, string> = {
  'charts.coming': 'Drawing the chart; it will arrive in your DM with me shortly.',
  'charts.pace': 'Month elapsed {pace}%',
  'charts.no_target': 'no target',
  'charts.team.title': "{name}'s team: {metric} attainment, {period}",
  'charts.team.alt':
    '{title}. Bars are the attainment of each direct report; the line is the share of the month gone, {pace}%. {lines}',
  'charts.team.alt_no_pace':
    "{title}. Each bar is a direct report's attainment (a ratio, not measured against the month's pace). {lines}",
  'charts.team.line': '{name} {attainment}',
  'charts.team.none': 'Nothing to chart for {period}: no targets or sales.',
  'charts.funnel.title': 'Visits to deals, {from} to {to}',
  'charts.funnel.alt': '{title}: {lines}',
  'charts.funnel.visits': 'Visits',
  'charts.brand.title': 'Visits by purpose, {from} to {to}',
  'charts.brand.alt': '{title}: {lines}',
  'charts.digest.title': "{name}'s attainment this month",
  'charts.digest.alt': '{title}; {pace}% of the month gone: {lines}',
  'charts.scorecard.team_title': "{name}'s reports: scorecard scores, {month}",
  'charts.scorecard.markets_title': 'Markets: scorecard scores, {month}',
  'charts.scorecard.alt': '{title}. Bars are each overall score (0–100), highest first. {lines}',
  'charts.scorecard.line': '{name} score {score} (sales attainment {attainment})',
  'charts.aging.title': 'Receivables aging, {market}, {date}',
  'charts.aging.alt':
    '{title}. One bar per account, its open amount stacked by age: 0–30, 31–60, 61–90 and over 90 days (red). {lines}',
  'charts.aging.line': '{name} ({code}): {buckets}',
  'charts.aging.axis': 'Open ({currency})',
  'charts.aging.d0_30': '0–30 days',
  'charts.aging.d31_60': '31–60 days',
  'charts.aging.d61_90': '61–90 days',
  'charts.aging.d90_plus': 'over 90 days',
  'charts.item': '{label} {count}',
};
