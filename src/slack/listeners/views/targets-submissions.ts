import type { ListenerRouter } from '../listener-router.ts';
import { parsePeriodKey } from '../../../domain/targets/periods.ts';
import type { Metric } from '../../../domain/targets/metrics.ts';
import { CONTRACT_AMOUNT_MAX_CENTS, formatMoney, parseMoneyCents } from '../../../domain/deals/money.ts';
import { currencyOf } from '../../../domain/org/currency-of.ts';
import { formatMetric } from '../../../domain/targets/figures.ts';
import { correctionProblems, isBlank, readFigure, splitInputProblems } from '../../../domain/targets/target-input.ts';
import { splitTotal } from '../../../domain/targets/figures.ts';
import { isPercent } from '../../../domain/targets/metrics.ts';
import type { DealStage } from '../../../domain/visits/deal-stages.ts';
import { t, type Locale } from '../../../i18n/index.ts';
import { isBudgetMetric } from '../../../domain/expenses/expense-rules.ts';
import { moveStage } from '../../../services/visits/move-customer-stage.ts';
import { correctSales, recordSales, validateSales, type RawSales } from '../../../services/targets/record-sales.ts';
import { planSplit, publishSplit, type SplitMetric, type SplitResult } from '../../../services/targets/set-targets.ts';
import { section } from '../../../views/blocks.ts';
import { TargetIds } from '../../../views/ids.ts';
import { splitSumText } from '../../../views/targets/target-modals.ts';
import { saveSubmission } from '../save-submission.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, requireMember } from '../asker-of.ts';
import { readMetadata, readViewValues } from '../read-view-values.ts';

type SplitMeta = { period: string; metric: Metric; months: boolean };

/** Each typed row in the metric's stored units (cents for an amount): 0 where left empty, NaN where unreadable. */
const rowValues = (values: Record<string, string | number | null>, metric: string): Record<string, number> =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([k]) => k.startsWith(TargetIds.rowPrefix))
      .map(([k, v]) => [k.slice(TargetIds.rowPrefix.length), isBlank(v) ? 0 : (readFigure(v, metric) ?? NaN)]),
  );

/** The split modal (with its running sum), /sales, the SSG's corrections, and a contract's amount. */
export function registerTargetsSubmissions(app: ListenerRouter, ctx: AppContext): void {
  registerSplitSum(app);
  registerSplitPublish(app, ctx);
  registerSalesRecording(app, ctx);
  registerSalesCorrection(app, ctx);
  registerContractAmount(app, ctx);
}

/** Each changed row of the split modal refreshes its running sum against the parent. */
function registerSplitSum(app: ListenerRouter): void {
  app.action(TargetIds.rowChanged, async ({ ack, body, client, context }) => {
    await ack();
    const asker = askerOf(context);
    const view = body.view;
    if (!view) return;
    const values = readViewValues(view);
    const meta = readMetadata<SplitMeta & { parentValue?: number | null }>(view);
    const metric = meta?.metric ?? 'amount';
    const sum = splitTotal(metric, Object.values(rowValues(values, metric)));
    const parentInput = values[TargetIds.parentBlock];
    const parent =
      parentInput !== undefined && parentInput !== null && parentInput !== ''
        ? (readFigure(parentInput, metric) ?? null)
        : (meta?.parentValue ?? null);
    const sumBlock = section(
      splitSumText({ locale: asker.locale, currency: currencyOf(asker.chart) }, metric, sum, parent),
      TargetIds.sumBlock,
    );
    const blocks = view.blocks.map((block) => (block.block_id === TargetIds.sumBlock ? sumBlock : block));
    const { callback_id, private_metadata, title } = view;
    const frame = { type: 'modal' as const, callback_id, private_metadata, title };
    await client.views.update({
      view_id: view.id,
      hash: view.hash,
      view: { ...frame, submit: view.submit ?? undefined, close: view.close ?? undefined, blocks },
    });
  });
}

/** Publishing a split: the rows are checked and worked out again on the server. */
function registerSplitPublish(app: ListenerRouter, ctx: AppContext): void {
  app.view(TargetIds.setCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    const { chart, locale } = asker;
    await saveSubmission(
      { ack, ctx, asker, field: TargetIds.confirmGapBlock, unexpected: 'visit.error.save_failed' },
      async () => {
        requireMember(asker);
        const meta = readMetadata<SplitMeta>(view);
        const period = meta ? parsePeriodKey(meta.period) : undefined;
        if (!meta || !period) return { [TargetIds.confirmGapBlock]: t(locale, 'targets.help') };
        // the rows are worked out again here: what a person may split never comes from the client
        const plan = await planSplit({
          db: ctx.db,
          chart,
          askerId: body.user.id,
          period,
          metric: meta.metric,
          locale,
          months: meta.months,
        });
        const values = readViewValues(view);
        const rows = rowValues(values, plan.metric);
        const problems = splitInputProblems({
          metric: plan.metric,
          rowKeys: plan.rows.map((r) => r.key),
          rows,
          parentEditable: plan.parentEditable,
          parent: values[TargetIds.parentBlock],
        });
        if (problems.length > 0) {
          const block = (key: string) => (key === 'parent' ? TargetIds.parentBlock : `${TargetIds.rowPrefix}${key}`);
          return Object.fromEntries(problems.map((key) => [block(key), t(locale, 'targets.set.bad_number')]));
        }
        const parentValue = plan.parentEditable
          ? (readFigure(values[TargetIds.parentBlock], plan.metric) ?? null)
          : plan.parentValue;
        const confirmGap =
          (Object.values(view.state.values[TargetIds.confirmGapBlock] ?? {})[0]?.selected_options?.length ?? 0) > 0;
        const result = await publishSplit({
          db: ctx.db,
          clock: ctx.clock,
          chart,
          askerId: body.user.id,
          plan,
          values: rows,
          parentValue,
          confirmGap,
        });
        if (!result.ok) return splitRefusal({ locale, currency: currencyOf(chart) }, plan, result);
      },
    );
  });
}

/** /sales: recording actuals. */
function registerSalesRecording(app: ListenerRouter, ctx: AppContext): void {
  app.view(TargetIds.salesCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    const { chart, locale } = asker;
    await saveSubmission({ ack, ctx, asker, field: 'value', unexpected: 'visit.error.save_failed' }, async () => {
      requireMember(asker);
      const checked = validateSales(chart, body.user.id, readViewValues(view) as RawSales, ctx.clock.now());
      if (!checked.ok) {
        const errors: Record<string, string> = {};
        for (const e of checked.errors)
          errors[e.field] ??= t(locale, e.key, { field: t(locale, `sales.field.${e.field}`) });
        return errors;
      }
      await recordSales({
        db: ctx.db,
        clock: ctx.clock,
        chart,
        askerId: body.user.id,
        input: checked.input,
        viewId: view.id,
      });
    });
  });
}

/** The SSG's correction of recorded actuals. */
function registerSalesCorrection(app: ListenerRouter, ctx: AppContext): void {
  app.view(TargetIds.correctCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    const values = readViewValues(view);
    const meta = readMetadata<{ actualId: number; metric?: string }>(view);
    const reason = String(values.reason ?? '').trim();
    const problems = correctionProblems({ value: values.value, reason: values.reason, metric: meta?.metric ?? '' });
    if (problems.length > 0) {
      const text = (p: (typeof problems)[number]) =>
        p.problem === 'bad_number'
          ? t(asker.locale, 'targets.set.bad_number')
          : t(asker.locale, 'sales.error.required', { field: t(asker.locale, 'sales.correct.reason') });
      return void (await ack({
        response_action: 'errors',
        errors: Object.fromEntries(problems.map((p) => [p.field, text(p)])),
      }));
    }
    await saveSubmission({ ack, ctx, asker, field: 'value' }, async () => {
      await correctSales({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        askerId: body.user.id,
        actualId: Number(meta?.actualId),
        typed: values.value,
        reason,
      });
    });
  });
}

/** A contract's amount, asked when a deal moves to 簽約. */
function registerContractAmount(app: ListenerRouter, ctx: AppContext): void {
  app.view(TargetIds.contractCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    const amount = parseMoneyCents(readViewValues(view).value, CONTRACT_AMOUNT_MAX_CENTS);
    if (!amount.ok) {
      const message = t(asker.locale, `customer.contract.error.${amount.error}`, {
        max: formatMoney(CONTRACT_AMOUNT_MAX_CENTS, currencyOf(asker.chart), asker.locale),
      });
      return void (await ack({ response_action: 'errors', errors: { value: message } }));
    }
    await saveSubmission({ ack, ctx, asker, field: 'value' }, async () => {
      const meta = readMetadata<{ customerId: number; from: DealStage }>(view);
      await moveStage({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        customerId: Number(meta?.customerId),
        actorId: body.user.id,
        from: meta?.from ?? 'reserved',
        to: 'contracted',
        contractAmountCents: amount.cents,
      });
    });
  });
}

/** Why a split was not published, on the modal: a gap not confirmed, or a budget split beyond its parent's. */
function splitRefusal(
  o: { locale: Locale; currency: string },
  plan: { metric: SplitMetric; rows: { key: string }[] },
  result: Exclude<SplitResult, { ok: true }>,
): Record<string, string> {
  const { locale } = o;
  const figure = (units: number) => formatMetric(plan.metric, units, o);
  if ('over' in result) {
    const { sum, parent, over } = result.over;
    const text = t(locale, 'targets.set.over_budget', { sum: figure(sum), parent: figure(parent), over: figure(over) });
    return { [`${TargetIds.rowPrefix}${plan.rows[0]?.key}`]: text };
  }
  const gap = { sum: figure(result.gap.sum), parent: figure(result.gap.parent), gap: figure(result.gap.gap) };
  const key = isBudgetMetric(plan.metric)
    ? 'targets.set.gap_error_budget'
    : isPercent(plan.metric)
      ? 'targets.set.gap_error_mean'
      : 'targets.set.gap_error';
  return { [TargetIds.confirmGapBlock]: t(locale, key, gap) };
}
