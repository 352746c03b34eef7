import type { Scope } from '../../db/targets/target-repo.ts';
import { formatMoney } from '../../domain/deals/money.ts';
import { progressBar } from '../../domain/targets/progress.ts';
import type { Period } from '../../domain/targets/periods.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { capBlocks, header, section, type Block } from '../blocks.ts';

export interface BudgetReport {
  scope: Scope;
  period: Period;
  /** Share of the period gone, 0 to 1. */
  elapsed: number;
  lines: { category: string; budgetCents: number | null; spentCents: number }[];
  /** The categories' budgets added up, or null when none is set. */
  budgetCents: number | null;
  spentCents: number;
  /** Sales (銷售額) of the same people and months, for the expense ratio. */
  salesCents: number;
  /** `/expense budget 團隊`: a row per direct report (their subtree) and per market the manager holds. */
  team?: BudgetTeamRow[];
}

/** One row of the team: the budgets of every category added up, against the same people's spend and sales. */
export interface BudgetTeamRow {
  row: { kind: 'person' | 'market'; id: string };
  budgetCents: number | null;
  spentCents: number;
  salesCents: number;
}

const percent = (part: number, whole: number): number => Math.round((part * 100) / whole);

/** The expense ratio (費用率) in percent with one decimal, from integers: 12.3% */
export function expenseRatio(spentCents: number, salesCents: number): string | null {
  if (salesCents <= 0) return null;
  const tenths = Math.round((spentCents * 1000) / salesCents);
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

function usedText(locale: Locale, spent: number, budget: number): string {
  const used = percent(spent, budget);
  return used > 100 ? `${used}% ${t(locale, 'expense.budget.over')}` : `${used}%`;
}

/**
 * The total: all approved spend against the budgets added up, as the scorecard's 預算使用 reads it. Spend
 * in a category with no budget is still spend: it counts, and the total says how much of it there is.
 */
function totalText(report: BudgetReport, locale: Locale, budgetCents: number, money: (cents: number) => string) {
  const unbudgeted = report.lines.filter((line) => !line.budgetCents).reduce((sum, line) => sum + line.spentCents, 0);
  const figures = {
    budget: money(budgetCents),
    spent: money(report.spentCents),
    used: usedText(locale, report.spentCents, budgetCents),
  };
  return unbudgeted > 0
    ? t(locale, 'expense.budget.total_unbudgeted', { ...figures, unbudgeted: money(unbudgeted) })
    : t(locale, 'expense.budget.total', figures);
}

/** `/expense budget`: each category's budget and spend with a bar and the pace, the total, and the ratio. */
export function budgetMessage(
  report: BudgetReport,
  o: {
    locale: Locale;
    name: string;
    periodLabel: string;
    currency: string;
    labelOf?: (row: BudgetTeamRow['row']) => string;
  },
): { text: string; blocks: Block[] } {
  const { locale } = o;
  const money = (cents: number) => formatMoney(cents, o.currency, locale);
  const title = t(locale, 'expense.budget.title', { name: o.name, period: o.periodLabel });
  const elapsed = Math.round(report.elapsed * 100);
  const shown = report.lines.filter((line) => line.budgetCents !== null || line.spentCents > 0);
  const lines = shown.map((line) => {
    const category = escapeMrkdwn(line.category);
    const spent = money(line.spentCents);
    if (line.budgetCents === null || line.budgetCents === 0)
      return t(locale, 'expense.budget.line_no_budget', { category, spent });
    const used = percent(line.spentCents, line.budgetCents);
    return t(locale, 'expense.budget.line', {
      category,
      budget: money(line.budgetCents),
      spent,
      used: usedText(locale, line.spentCents, line.budgetCents),
      bar: progressBar(used),
      pace: t(locale, 'expense.budget.pace', { elapsed, used }),
    });
  });
  const parts = [lines.length > 0 ? lines.join('\n') : t(locale, 'expense.budget.none')];
  if (report.budgetCents !== null && report.budgetCents > 0)
    parts.push(totalText(report, locale, report.budgetCents, money));
  const ratio = expenseRatio(report.spentCents, report.salesCents);
  parts.push(
    ratio === null
      ? t(locale, 'expense.budget.ratio_none')
      : t(locale, 'expense.budget.ratio', { ratio, sales: money(report.salesCents) }),
  );
  if (report.team) parts.push(teamText(report.team, locale, money, o.labelOf ?? ((row) => row.id)));
  return { text: title, blocks: capBlocks([header(title), section(parts.join('\n\n'), 'expense_budget')]) };
}

/** The team's rows, as `/targets team` lists them: budget, spend, use and the expense ratio of each. */
function teamText(
  rows: BudgetTeamRow[],
  locale: Locale,
  money: (cents: number) => string,
  labelOf: (row: BudgetTeamRow['row']) => string,
): string {
  if (rows.length === 0) return t(locale, 'expense.budget.team_none');
  const lines = rows.map((row) => {
    const figures = {
      name: escapeMrkdwn(labelOf(row.row)),
      spent: money(row.spentCents),
      ratio: expenseRatio(row.spentCents, row.salesCents) ?? '—',
    };
    return row.budgetCents
      ? t(locale, 'expense.budget.team_row', {
          ...figures,
          budget: money(row.budgetCents),
          used: usedText(locale, row.spentCents, row.budgetCents),
        })
      : t(locale, 'expense.budget.team_row_no_budget', figures);
  });
  return `${t(locale, 'expense.budget.team_header')}\n${lines.join('\n')}`;
}
