import type { DbLike } from '../../db/unit-of-work.ts';
import type { TargetChangeMade } from '../../db/targets/target-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { formatMetric } from '../../domain/targets/figures.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { isBudgetMetric } from '../../domain/expenses/expense-rules.ts';
import { metricLabel } from '../../views/targets/metric-label.ts';
import { localeOf } from '../org/locale-of.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';

/** Whom a changed target belongs to: the person, or a market's managers (a market's target is theirs). */
function holdersOf(chart: OrgChart, change: TargetChangeMade): string[] {
  if (change.scope.kind === 'person') return [change.scope.id];
  if (change.scope.kind !== 'market') return [];
  const code = change.scope.id;
  return chart.people.filter((p) => p.role === 'market_manager' && p.markets.includes(code)).map((p) => p.slackId);
}

/** Tells each person whose target a split set or changed their new figure (never the one who set it). */
export async function queueTargetNotices(
  tx: DbLike,
  o: { chart: OrgChart; setBy: string; metric: string; changes: TargetChangeMade[]; now: Date },
): Promise<void> {
  const { chart } = o;
  for (const change of o.changes) {
    for (const holder of holdersOf(chart, change).filter((id) => id !== o.setBy)) {
      const locale = localeOf(chart, holder);
      const figure = (units: number) => formatMetric(o.metric, units, { currency: currencyOf(chart), locale });
      const market = change.scope.kind === 'market' ? (chart.market(change.scope.id)?.name ?? change.scope.id) : '';
      const scope = market ? t(locale, 'targets.notice.market', { market }) : t(locale, 'targets.notice.you');
      const was = change.oldValue === null ? '' : t(locale, 'targets.notice.was', { old: figure(change.oldValue) });
      // a budget is announced as a budget, followed with /expense budget
      const key = o.metric.startsWith('expense:') ? 'expense.budget.notice' : 'targets.notice.new';
      const text = t(locale, key, {
        by: escapeMrkdwn(chart.nameOf(o.setBy)),
        scope,
        period: change.period,
        metric: metricLabel(locale, o.metric),
        value: figure(change.newValue),
        was,
      });
      await queueDirectMessage(tx, holder, { text }, o.now);
    }
  }
}

/** Confirms to the one who published a split what was saved. */
export async function queueSplitConfirmation(
  tx: DbLike,
  o: {
    chart: OrgChart;
    askerId: string;
    period: string;
    metric: string;
    rows: { label: string; value: number }[];
    gap: number;
    now: Date;
  },
): Promise<void> {
  const locale = localeOf(o.chart, o.askerId);
  const separator = locale === 'en' ? ', ' : '、';
  const figure = (units: number) => formatMetric(o.metric, units, { currency: currencyOf(o.chart), locale });
  const rows = o.rows.map((r) => `${escapeMrkdwn(r.label)} ${figure(r.value)}`).join(separator);
  const gapKey = isBudgetMetric(o.metric) ? 'targets.set.saved_gap_budget' : 'targets.set.saved_gap';
  const gap = o.gap > 0 ? t(locale, gapKey, { gap: figure(o.gap) }) : '';
  const metric = metricLabel(locale, o.metric);
  const key = o.metric.startsWith('expense:') ? 'expense.budget.saved' : 'targets.set.saved';
  const text = t(locale, key, { period: o.period, metric, rows: truncate(rows, 2500), gap });
  await queueDirectMessage(tx, o.askerId, { text }, o.now);
}
