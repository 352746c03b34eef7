import type { DbLike } from '../../db/unit-of-work.ts';
import { focusPlanContent, focusPlanWithRows } from '../../db/rhythm/focus-repo.ts';
import { targetsFor } from '../../db/targets/target-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { parsePeriodKey } from '../../domain/targets/periods.ts';
import { tFor } from '../../i18n/index.ts';
import type { FocusContent } from '../../views/rhythm/focus-views.ts';
import { formatMetric } from '../../domain/targets/figures.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import type { localeOf } from '../org/locale-of.ts';
import { personTargets } from '../targets/target-report.ts';
import { focusRowsFor, isSite } from './focus-roles.ts';
import { stagePlanFocus } from '../plans/plan-focus.ts';

/** What a focus says, as its draft form, cards and announcement show it. */

/** Each market's row prefilled from its target data, where there is some; on a site, the PM's targets. */
async function prefilledTargets(
  db: DbLike,
  chart: OrgChart,
  month: string,
  locale: ReturnType<typeof localeOf>,
): Promise<Record<string, string>> {
  const pm = chart.firstWithRole('project_manager')?.slackId;
  const period = parsePeriodKey(month);
  const targets = isSite(chart)
    ? pm && period
      ? (await personTargets({ db, chart, personId: pm, period })).map((x) => ({ scopeId: 'site', ...x }))
      : []
    : await targetsFor(
        db,
        chart.data.orgId,
        month,
        chart.data.markets.map((m) => ({ kind: 'market' as const, id: m.code })),
      );
  const out: Record<string, string> = {};
  // expense budgets share the targets' table: only the sales figures go into the focus
  for (const target of targets.filter((x) => !x.metric.startsWith('expense:'))) {
    const figure = formatMetric(target.metric, target.value, { currency: currencyOf(chart), locale });
    const text = `${tFor(locale, 'metric', target.metric)} ${figure}`;
    out[target.scopeId] = out[target.scopeId] ? `${out[target.scopeId]}；${text}` : text;
  }
  return out;
}

/**
 * What the draft modal opens with: the month's saved draft if there is one, and each market's row
 * with its saved text, else its targets prefilled. With no draft yet, a site's month covered by an
 * approved stage plan opens with the plan's focus items (`fromPlan` says which plan).
 */
export async function focusDraftForm(o: {
  db: DbLike;
  chart: OrgChart;
  month: string;
  locale: ReturnType<typeof localeOf>;
  withPlan?: boolean;
}) {
  const existing = await focusPlanWithRows(o.db, o.chart.data.orgId, o.month);
  const prefilled = await prefilledTargets(o.db, o.chart, o.month, o.locale);
  const plan =
    !existing && o.withPlan !== false && isSite(o.chart) ? await stagePlanFocus(o.db, o.chart, o.month) : null;
  const rows = focusRowsFor(o.chart, o.locale).map((r) => {
    const saved = existing?.rows.find((x) => x.marketCode === r.code);
    const targets = saved?.targets ?? prefilled[r.code] ?? plan?.targets ?? '';
    return { ...r, targets, focus: saved?.focus_ ?? plan?.rowFocus ?? '' };
  });
  return { existing: existing ?? plan?.focus ?? null, rows, fromPlan: plan?.from ?? null };
}

export async function loadContent(
  db: DbLike,
  chart: OrgChart,
  focusId: number,
  locale: ReturnType<typeof localeOf>,
): Promise<
  FocusContent & { status: string; draftOutboxId: number | null; draftedBy: string; publishedAt: Date | null }
> {
  const plan = await focusPlanContent(db, focusId);
  const order = focusRowsFor(chart, locale);
  const names = Object.fromEntries(order.map((r) => [r.code, r.name]));
  // the org file's market order, as in the modal (the database returns rows in no set order)
  const rank = (code: string) => {
    const index = order.findIndex((r) => r.code === code);
    return index === -1 ? order.length : index; // a market since dropped from the org file goes last
  };
  const rows = [...plan.rows].sort((a, b) => rank(a.marketCode) - rank(b.marketCode));
  return {
    id: plan.id,
    month: plan.month,
    main: plan.main,
    secondary1: plan.secondary1,
    secondary2: plan.secondary2,
    status: plan.status,
    draftOutboxId: plan.draftOutboxId,
    draftedBy: plan.draftedBy,
    publishedAt: plan.publishedAt,
    rows: rows.map((r) => ({
      marketCode: r.marketCode,
      marketName: names[r.marketCode] ?? r.marketCode,
      targets: r.targets,
      focus: r.focus_,
    })),
  };
}
