import { splitTotal } from '../../domain/targets/figures.ts';
import { transaction, type Db, type DbLike, type Unit } from '../../db/unit-of-work.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import {
  confirmTargetGap,
  saveTargets,
  targetsFor,
  type Scope,
  type TargetChangeMade,
} from '../../db/targets/target-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { isPercent, METRICS, type Metric } from '../../domain/targets/metrics.ts';
import { monthsOf, periodKey, type Period } from '../../domain/targets/periods.ts';
import { splitProportionally } from '../../domain/targets/roll-up.ts';
import { categoryOfMetric, expenseCategories, isBudgetMetric } from '../../domain/expenses/expense-rules.ts';
import { t, type Locale, type MessageKey } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { splitPlanFor } from './target-access.ts';
import { queueSplitConfirmation, queueTargetNotices } from './target-notices.ts';

/** What a target is set for (the organisation, a market, a person), for listeners that parse one. */
export type { Scope };

/** What a split sets: a target's metric, or an expense budget's category of the organisation (expense:差旅). */
export type SplitMetric = Metric | `expense:${string}`;

export function isSplittable(chart: OrgChart, metric: string): metric is SplitMetric {
  if ((METRICS as readonly string[]).includes(metric)) return true;
  return isBudgetMetric(metric) && expenseCategories(chart).includes(categoryOfMetric(metric));
}

export interface SplitPlan {
  period: string;
  metric: SplitMetric;
  parent: Scope;
  parentLabel: string;
  parentValue: number | null;
  parentEditable: boolean;
  rows: { key: string; label: string; value: number | null; scope: Scope; period: string }[];
}

const scopeKey = (s: Scope) => `${s.kind}:${s.id}`;

export function scopeLabel(chart: OrgChart, scope: Scope, locale: Locale): string {
  if (scope.kind === 'org') return t(locale, 'targets.scope.org');
  if (scope.kind === 'market') return chart.market(scope.id)?.name ?? scope.id;
  return chart.nameOf(scope.id);
}

/** Nothing to split across: a budget says budget, a site (no markets) says reports only. */
const noChildrenKey = (chart: OrgChart, metric: string): MessageKey => {
  const site = chart.template === 'property-site';
  if (isBudgetMetric(metric)) return site ? 'expense.budget.no_children_site' : 'expense.budget.no_children';
  return site ? 'targets.set.no_children_site' : 'targets.set.no_children';
};

/**
 * A budget below the top with none of its own to split: refused, naming the line and who sets it (a
 * market's owner, else the manager above). Money cannot be split out of a budget nobody gave.
 */
function noParentBudget(o: { chart: OrgChart; period: Period; metric: string; locale: Locale }, parent: Scope) {
  const { chart } = o;
  const setters =
    parent.kind === 'market'
      ? [chart.marketOwner(parent.id) ?? '']
      : parent.kind === 'person'
        ? (chart.managerLevels(parent.id)[0] ?? [])
        : [];
  const setter =
    setters
      .filter(Boolean)
      .map((id) => chart.nameOf(id))
      .join('、') || '—';
  const line = scopeLabel(chart, parent, o.locale);
  return new AppError(
    ErrorCode.InvalidInput,
    { parent: line, setter, period: periodKey(o.period), category: categoryOfMetric(o.metric) },
    'no parent budget',
    'expense.budget.no_parent',
  );
}

/**
 * What `/targets set` shows: the parent target and one row per child, prefilled with the targets
 * already set or else an even split of the parent. `months` splits the asker's quarter into months.
 */
export async function planSplit(o: {
  db: DbLike;
  chart: OrgChart;
  askerId: string;
  period: Period;
  metric: SplitMetric;
  locale: Locale;
  months?: boolean;
}): Promise<SplitPlan> {
  const { chart } = o;
  if (!isSplittable(chart, o.metric)) throw new AppError(ErrorCode.InvalidInput, { reason: o.metric });
  const key = periodKey(o.period);
  const plan = splitPlanFor(chart, o.askerId);
  const byMonth = Boolean(o.months) && o.period.kind !== 'month';
  const children = byMonth
    ? monthsOf(o.period).map((month) => ({
        scope: plan.parent.kind === 'org' ? plan.parent : { kind: 'person' as const, id: o.askerId },
        period: month,
        label: t(o.locale, 'targets.set.months', { month }),
      }))
    : plan.children.map((scope) => ({ scope, period: key, label: scopeLabel(chart, scope, o.locale) }));
  if (children.length === 0)
    throw new AppError(ErrorCode.InvalidInput, {}, 'no children', noChildrenKey(chart, o.metric));
  const parentScope = byMonth && plan.parent.kind !== 'org' ? { kind: 'person' as const, id: o.askerId } : plan.parent;
  const [parentTarget] = (await targetsFor(o.db, chart.data.orgId, key, [parentScope])).filter(
    (x) => x.metric === o.metric,
  );
  const existing = byMonth
    ? (
        await Promise.all(monthsOf(o.period).map((month) => targetsFor(o.db, chart.data.orgId, month, [parentScope])))
      ).flat()
    : await targetsFor(
        o.db,
        chart.data.orgId,
        key,
        children.map((c) => c.scope),
      );
  const parentValue = parentTarget?.value ?? null;
  if (parentValue === null && isBudgetMetric(o.metric) && !plan.parentEditable) throw noParentBudget(o, parentScope);
  // the rows start even: a share of an amount, a percentage whole (each row the parent's 60%, not 30%)
  const even =
    parentValue === null
      ? []
      : isPercent(o.metric)
        ? children.map(() => parentValue)
        : splitProportionally(
            parentValue,
            children.map(() => 1),
          );
  return {
    period: key,
    metric: o.metric,
    parent: parentScope,
    parentLabel: scopeLabel(chart, parentScope, o.locale),
    parentValue,
    parentEditable: plan.parentEditable && !byMonth,
    rows: children.map((child, i) => {
      const set = existing.find(
        (x) =>
          x.metric === o.metric &&
          x.period === child.period &&
          x.scopeKind === child.scope.kind &&
          x.scopeId === child.scope.id,
      );
      return {
        key: byMonth ? `month:${child.period}` : scopeKey(child.scope),
        label: child.label,
        value: set?.value ?? even[i] ?? null,
        scope: child.scope,
        period: child.period,
      };
    }),
  };
}

export type SplitResult =
  | { ok: true; count: number }
  | { ok: false; gap: { sum: number; parent: number; gap: number } }
  | { ok: false; over: { sum: number; parent: number; over: number } };

/**
 * Publishes a split. A split short of its parent is refused unless the manager confirmed the gap;
 * the confirmation is kept on the parent target and in its change history. A target may be split
 * above its parent (a stretch); an expense budget never beyond its parent's: money cannot be split
 * beyond what one has.
 */
export async function publishSplit(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  plan: SplitPlan;
  values: Record<string, number>;
  parentValue: number | null;
  confirmGap: boolean;
}): Promise<SplitResult> {
  if (!isSplittable(o.chart, o.plan.metric)) throw new AppError(ErrorCode.InvalidInput, { reason: o.plan.metric });
  const rows = o.plan.rows.map((row) => ({ ...row, value: o.values[row.key] ?? 0 }));
  // a percentage's rows are compared by their mean, never their sum
  const sum = splitTotal(
    o.plan.metric,
    rows.map((row) => row.value),
  );
  const parent = o.parentValue ?? 0;
  const gap = parent - sum; // exact: figures are integers in the metric's units
  if (gap < 0 && o.parentValue !== null && isBudgetMetric(o.plan.metric))
    return { ok: false, over: { sum, parent, over: -gap } };
  if (gap > 0 && !o.confirmGap) return { ok: false, gap: { sum, parent, gap } };
  const now = o.clock.now();
  const orgId = o.chart.data.orgId;
  await transaction(o.db, async (unit) => {
    const changes = await saveSplit(unit, o, rows, gap, now);
    // the one who split hears what was saved; each person whose target changed hears theirs
    await queueTargetNotices(unit, { chart: o.chart, setBy: o.askerId, metric: o.plan.metric, changes, now });
    // a re-submitted modal changes nothing and says nothing again
    if (changes.length > 0)
      await queueSplitConfirmation(unit, {
        chart: o.chart,
        askerId: o.askerId,
        period: o.plan.period,
        metric: o.plan.metric,
        rows: rows.map((r) => ({ label: r.label, value: r.value })),
        gap: Math.max(0, gap),
        now,
      });
    await recordAudit(unit, {
      orgId,
      actor: o.askerId,
      action: 'targets.split',
      subject: `${o.plan.period}:${o.plan.metric}:${o.plan.parent.kind}:${o.plan.parent.id}`,
      detail: { sum, parent, gapConfirmed: Math.max(gap, 0), rows: rows.length },
      at: now,
    });
  });
  return { ok: true, count: rows.length };
}

type PublishSplitOptions = Parameters<typeof publishSplit>[0];

/**
 * Saves the parent (when the asker may change it; else only the gap's confirmation on it) and each
 * row; returns what changed.
 */
async function saveSplit(
  unit: Unit,
  o: PublishSplitOptions,
  rows: (SplitPlan['rows'][number] & { value: number })[],
  gap: number,
  now: Date,
): Promise<TargetChangeMade[]> {
  const orgId = o.chart.data.orgId;
  const { period, metric, parent } = o.plan;
  const changes: TargetChangeMade[] = [];
  if (o.plan.parentEditable && o.parentValue !== null) {
    const note = gap > 0 ? `gap confirmed: ${gap}` : undefined;
    const parentRows = [{ scope: parent, value: o.parentValue }];
    const saved = { orgId, period, metric, rows: parentRows, by: o.askerId, at: now, gapConfirmed: gap > 0, note };
    changes.push(...(await saveTargets(unit, saved)));
  } else if (gap > 0) {
    await confirmTargetGap(unit, { orgId, period, metric, parent, by: o.askerId, at: now });
  }
  for (const row of rows) {
    const note = gap > 0 ? `split with confirmed gap ${gap}` : undefined;
    const rowTargets = [{ scope: row.scope, value: row.value }];
    changes.push(
      ...(await saveTargets(unit, {
        orgId,
        period: row.period,
        metric,
        rows: rowTargets,
        by: o.askerId,
        at: now,
        note,
      })),
    );
  }
  return changes;
}
