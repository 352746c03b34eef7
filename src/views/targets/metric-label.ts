import { categoryOfMetric, isBudgetMetric } from '../../domain/expenses/expense-rules.ts';
import { t, tFor, type Locale } from '../../i18n/index.ts';

/** A metric's name: a target's (銷售額), or an expense budget's category (費用預算・差旅). */
export function metricLabel(locale: Locale, metric: string): string {
  if (isBudgetMetric(metric)) return t(locale, 'expense.budget.metric', { category: categoryOfMetric(metric) });
  return tFor(locale, 'metric', metric);
}
