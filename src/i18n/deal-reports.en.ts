import type { dealReportsZhHant } from './deal-reports.zh-hant.ts';

/** Deal reports: the Monday collections and arrears, the export, the list's filters. */
export const dealReportsEn: Record<keyof typeof dealReportsZhHant, string> = {
  'deal.weekly.title': 'Weekly collections and arrears · {scope} ({from} to {to})',
  'deal.weekly.scope_site': 'whole site',
  'deal.weekly.scope_team': "{lead}'s team",
  'deal.weekly.collected':
    'Collected this week {amount} ({count, plural, one {# payment} other {# payments}}, of which bank loans ' +
    '{loan}); refunded {refund}',
  'deal.weekly.overdue': 'Overdue now {amount} ({count, plural, one {# item} other {# items}})',
  'deal.weekly.rate': 'Collection rate {rate}% (due by the week’s end {due}, paid {paid})',
  'deal.weekly.rate_none': 'Collection rate: nothing has fallen due yet',
  'deal.weekly.owner':
    '• {owner}: collected {collected}, overdue {overdue} ({count, plural, one {# item} other {# items}})',
  'deal.weekly.quiet': 'No payments this week and nothing overdue.',
  'deal.weekly.more_site': 'Overdue items: `/deal arrears`; export: `/deal export FROM TO`',
  'deal.weekly.more_team': 'Overdue items: `/deal list overdue`',
  'deal.export.not_allowed': 'Only the project manager, the deputy and the secretary export deals.',
  'deal.export.bad_day':
    'Unknown date "{word}": give FROM and TO as YEAR-MONTH-DAY.\nUsage: /deal export FROM TO ' +
    '(e.g. /deal export 2026-11-01 2026-11-30); without dates, this month.',
  'deal.export.bad_order':
    'FROM {from} is after TO {to}.\nUsage: /deal export FROM TO (e.g. /deal export 2026-11-01 2026-11-30); ' +
    'without dates, this month.',
  'deal.export.done':
    'Exported {from} to {to}: {deals, plural, one {# deal} other {# deals}} and ' +
    '{payments, plural, one {# payment} other {# payments}}; the files are in your DM.',
  'deal.export.title_deals': 'Deals {from} to {to}',
  'deal.export.title_workbook': 'Deals and payments {from} to {to}',
  'deal.export.sheet_deals': 'Deals',
  'deal.export.sheet_payments': 'Payments',
  'deal.export.title_payments': 'Payments {from} to {to}',
  'deal.export.kind.payment': 'Payment',
  'deal.export.kind.refund': 'Refund',
  'deal.export.kind.loan': 'Bank loan disbursed',
  'deal.export.note.refund': 'Refund on cancellation',
  'deal.export.col.deal': 'Deal',
  'deal.export.col.payment': 'Payment',
  'deal.export.col.reserved_on': 'Reserved on',
  'deal.export.col.building': 'Building',
  'deal.export.col.unit': 'Unit',
  'deal.export.col.customer': 'Customer',
  'deal.export.col.owner': 'Owner',
  'deal.export.col.stage': 'Stage',
  'deal.export.col.list_price': 'List price',
  'deal.export.col.discount': 'Discount',
  'deal.export.col.price': 'Price',
  'deal.export.col.deposit': 'Deposit',
  'deal.export.col.contract_no': 'Contract no.',
  'deal.export.col.contracted_on': 'Contracted on',
  'deal.export.col.total': 'Contract total',
  'deal.export.col.method': 'Payment method',
  'deal.export.col.paid': 'Paid',
  'deal.export.col.kind': 'Kind',
  'deal.export.col.amount': 'Amount',
  'deal.export.col.received_on': 'Received on',
  'deal.export.col.by': 'Recorded by',
  'deal.export.col.note': 'Note',
  'deal.list.owner_not_allowed': 'Cannot list the deals of "{who}": only your own or your reports\' deals.',
  'customer.lost_deal_active':
    "This customer's deal #{id} is still going on, so the file cannot be marked lost; if the customer " +
    'has given up, cancel the deal (/deal #{id}).',
  'customer.stage_follows_deal':
    'This customer has deal #{id}: the contract follows the deal; act on its card (/deal #{id}).',
  'metric.reservations': 'Units reserved',
  'metric.collections': 'Collections',
  'units.no_page':
    'There is no page {page}: the units shown fill {pages, plural, one {# page} other {# pages}}; use p1 to p{pages}.',
  'deal.undo.usage': 'Usage: /deal undo DEAL ID, e.g. /deal undo 12 (the id is on the deal card and in /deal list).',
  'visit.analysis.deal_conversion': '*Deal conversion* (visits, reservations and contracts in the period, from deals)',
  'visit.analysis.deal_funnel':
    'Visits {visits} → reserved {reserved} ({reservedPct}) → contracted {contracted} ({contractedPct})',
  'visit.analysis.no_visits': 'no visits',
  'visit.analysis.deal_cohort':
    'Contracts count the period’s reservations signed by its end, so never more than the reservations.',
  'visit.analysis.deal_cancelled':
    '{count, plural, one {# cancellation} other {# cancellations}} in the period (whenever reserved), shown ' +
    'apart, not taken off the reservations or contracts.',
  'visit.analysis.deal_earlier':
    '{count, plural, one {# contract} other {# contracts}} signed in the period on earlier reservations, ' +
    'not in this funnel.',
  'deal.weekly.rate_short': 'Collection rate {rate}% (of what fell due by the period’s end, paid)',
};
