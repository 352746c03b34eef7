import type { OrgChart } from './org-chart.ts';

/**
 * The organisation's currency (the org file's `deals.currency`, CNY when unset): every amount a
 * person reads goes through formatMoney with it, on a site's deals as on a brand's ledger and expenses.
 */
export const currencyOf = (chart: OrgChart): string => chart.data.deals?.currency ?? 'CNY';
