import type { dealReportsZhHant } from './deal-reports.zh-hant.ts';

/** Deal reports: the Monday collections and arrears, the export, the list's filters. */
export const dealReportsEn: Record<keyof typeof dealReportsZhHant, string> = {
  'deal.weekly.title': 'Weekly collections and arrears · {scope} ({from} to {to})',
  'deal.weekly.scope_site': 'whole site',
  'deal.weekly.scope_team': "{lead}'s team",
  'deal.weekly.collected':
    'Collected this week {amount} ({count, plural, one {# payment} other {# payments}}); refunded {refund}',
  'deal.weekly.overdue': 'Overdue now {amount} ({count, plural, one {# item} other {# items}})',
  'deal.weekly.rate': 'Collection rate {rate}% (due by the week’s end {due}, paid {paid})',
  'deal.weekly.rate_none': 'Collection rate: nothing has fallen due yet',
  'deal.weekly.owner':
    '• {owner}: collected {collected}, overdue {overdue} ({count, plural, one {# item} other {# items}})',
  'deal.weekly.quiet': 'No payments this week and nothing overdue.',
  'deal.weekly.more_site': 'Overdue items: `/deal arrears`; export: `/deal export FROM TO`',
  'deal.weekly.more_team': 'Overdue items: `/deal list overdue`',
};
