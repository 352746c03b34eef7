import type { OrgChart } from '../org/org-chart.ts';
import type { ExpenseSettings } from '../org/org-file-schema.ts';
import type { Role } from '../org/roles.ts';

/** The categories of the sales-expense budget (銷售費用預算) when the org file names none. */
export const DEFAULT_CATEGORIES = ['差旅', '招待', '促銷', '廣告', '陳列', '返利', '其他'] as const;

/** A claim above 100萬 is a typo, not an expense: refused with the bound named. */
export const CLAIM_AMOUNT_MAX_CENTS = 1_000_000 * 100;

export type ApprovalLevel = { upToCents: number | null; role: Role };

/** Who approves by amount when the org file says nothing: a brand's UM, MM, then sales director; a site's TL, PM. */
const DEFAULT_APPROVAL: Record<'brand-sales' | 'property-site', ApprovalLevel[]> = {
  'brand-sales': [
    { upToCents: 2_000 * 100, role: 'unit_manager' },
    { upToCents: 10_000 * 100, role: 'market_manager' },
    { upToCents: null, role: 'sales_director' },
  ],
  'property-site': [
    { upToCents: 2_000 * 100, role: 'team_lead' },
    { upToCents: null, role: 'project_manager' },
  ],
};

/** Who marks claims paid when the org file says nothing: a brand's SSG, a site's secretary. */
const DEFAULT_PAYERS: Record<'brand-sales' | 'property-site', Role[]> = {
  'brand-sales': ['ssg_leader', 'customer_service_rep'],
  'property-site': ['site_secretary'],
};

const settingsOf = (chart: OrgChart): ExpenseSettings => chart.data.expenses ?? {};

export function expenseCategories(chart: OrgChart): string[] {
  return [...(settingsOf(chart).categories ?? DEFAULT_CATEGORIES)];
}

export function approvalLevels(chart: OrgChart): ApprovalLevel[] {
  const configured = settingsOf(chart).approval;
  if (!configured) return DEFAULT_APPROVAL[chart.template];
  return configured.map((level) => ({
    upToCents: level.up_to === undefined ? null : level.up_to * 100,
    role: level.role as Role,
  }));
}

export const mayMarkPaid = (chart: OrgChart, personId: string): boolean => {
  const role = chart.person(personId)?.role;
  const payers: readonly string[] = settingsOf(chart).payers ?? DEFAULT_PAYERS[chart.template];
  return role !== undefined && payers.includes(role);
};

/** Budgets ride on the targets' machinery: one metric per category, counted in cents. */
export const BUDGET_PREFIX = 'expense:';
export const budgetMetric = (category: string): `expense:${string}` => `expense:${category}`;
export const isBudgetMetric = (metric: string): boolean => metric.startsWith(BUDGET_PREFIX);
export const categoryOfMetric = (metric: string): string => metric.slice(BUDGET_PREFIX.length);

/** The level an amount needs: the first whose bound it stays within, else the last. */
export function levelFor(levels: ApprovalLevel[], amountCents: number): number {
  const index = levels.findIndex((level) => level.upToCents === null || amountCents <= level.upToCents);
  return index === -1 ? levels.length - 1 : index;
}

/**
 * The approvers of a claim, in order, from the claimant's chain of managers: the nearest manager
 * whose role sits at the amount's level or above; over budget, also the next level up (or, at the
 * top level, the next manager above). Empty when the claimant has nobody above.
 */
export function claimApprovers(
  chart: OrgChart,
  claimantId: string,
  amountCents: number,
  overBudget: boolean,
): string[] {
  const levels = approvalLevels(chart);
  const chain = chart.chainOf(claimantId);
  if (chain.length === 0) return [];
  const rankOf = (id: string) => levels.findIndex((level) => level.role === chart.person(id)?.role);
  const needed = levelFor(levels, amountCents);
  const atOrAbove = (level: number, after: number) => {
    const found = chain.findIndex((id, i) => i > after && rankOf(id) >= level);
    return found === -1 ? undefined : found;
  };
  // nobody at the level in the chain: the top of the chain decides
  const first = atOrAbove(needed, -1) ?? chain.length - 1;
  if (!overBudget) return [chain[first]];
  const next =
    atOrAbove(Math.min(needed + 1, levels.length - 1), first) ?? (first + 1 < chain.length ? first + 1 : undefined);
  return next === undefined ? [chain[first]] : [chain[first], chain[next]];
}
