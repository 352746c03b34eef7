import { transaction, type Db, type DbLike } from '../../db/unit-of-work.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { actualIdBySource, correctActual, findActual, recordActual } from '../../db/targets/target-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { figureScale, readFigure } from '../../domain/targets/figures.ts';
import { recordableMetrics, type Metric } from '../../domain/targets/metrics.ts';
import { currentMonth, periodKey } from '../../domain/targets/periods.ts';
import type { SalesInput } from '../../domain/targets/target-input.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { queueSalesCorrected, queueSalesRecorded } from './sales-notices.ts';
import { mayCorrectSales, mayRecordShare, recordableFor } from './target-access.ts';

/** Refuses anyone but the SSG before a correction is even offered. */
export function assertMayCorrectSales(chart: OrgChart, askerId: string): void {
  if (!mayCorrectSales(chart, askerId))
    throw new AppError(ErrorCode.Forbidden, {}, 'not SSG', 'sales.correct.not_allowed');
}

/** Before the correction modal opens: only the SSG, and only a figure of this organisation that exists. */
export async function checkCorrectable(o: {
  db: DbLike;
  chart: OrgChart;
  askerId: string;
  actualId: number;
}): Promise<{ metric: string }> {
  assertMayCorrectSales(o.chart, o.askerId);
  const valid = Number.isSafeInteger(o.actualId);
  const found = valid ? await findActual(o.db, o.actualId) : null;
  if (!found || found.orgId !== o.chart.data.orgId) throw new AppError(ErrorCode.NotFound, { what: `#${o.actualId}` });
  return { metric: found.metric };
}

export interface RawSales {
  person?: string | null;
  account?: string | null;
  month?: string | null;
  metric?: string | null;
  market?: string | null;
  value?: string | number | null;
}

export type SalesError = {
  field: keyof RawSales;
  key:
    | 'sales.error.required'
    | 'sales.error.number'
    | 'sales.error.share'
    | 'sales.error.person'
    | 'sales.error.market'
    | 'sales.error.future'
    | 'sales.error.share_market'
    | 'sales.error.too_long';
};

export type { SalesInput };

/**
 * Checks a /sales entry: a person the asker may record for, a customer, a month not in the future,
 * a sane number. Market share is a market's figure: it needs a market the asker may speak for, and
 * neither a person nor a customer (it is kept under whoever recorded it).
 */
export function validateSales(
  chart: OrgChart,
  askerId: string,
  raw: RawSales,
  now: Date,
): { ok: true; input: SalesInput } | { ok: false; errors: SalesError[] } {
  const errors: SalesError[] = [];
  const metric = (raw.metric ?? '').trim() as Metric;
  if (!recordableMetrics(chart.template).includes(metric))
    errors.push({ field: 'metric', key: 'sales.error.required' });
  const share = metric === 'share';
  const personId = share ? askerId : (raw.person ?? '').trim();
  if (!personId) errors.push({ field: 'person', key: 'sales.error.required' });
  else if (!share && !recordableFor(chart, askerId).includes(personId))
    errors.push({ field: 'person', key: 'sales.error.person' });
  const account = (raw.account ?? '').trim();
  if (!account && !share) errors.push({ field: 'account', key: 'sales.error.required' });
  else if ([...account].length > 80) errors.push({ field: 'account', key: 'sales.error.too_long' });
  const month = (raw.month ?? '').trim();
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) errors.push({ field: 'month', key: 'sales.error.required' });
  else if (month > periodKey(currentMonth(now, chart.data.timezone)))
    errors.push({ field: 'month', key: 'sales.error.future' });
  const marketCode = (raw.market ?? '').trim();
  if (share && !chart.market(marketCode)) errors.push({ field: 'market', key: 'sales.error.market' });
  else if (share && !mayRecordShare(chart, askerId, marketCode))
    errors.push({ field: 'market', key: 'sales.error.share_market' });
  const text = String(raw.value ?? '').trim();
  // the figure in its stored units: cents for an amount, hundredths of a point for a share
  const value = readFigure(text, metric) ?? Number.NaN;
  if (!text) errors.push({ field: 'value', key: 'sales.error.required' });
  else if (!Number.isSafeInteger(value)) errors.push({ field: 'value', key: 'sales.error.number' });
  else if (share && value > 100 * figureScale('share')) errors.push({ field: 'value', key: 'sales.error.share' });
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, input: { personId, account, month, metric, marketCode: share ? marketCode : '', value } };
}

export async function recordSales(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  input: SalesInput;
  viewId: string;
}): Promise<number> {
  const now = o.clock.now();
  const existing = await actualIdBySource(o.db, o.chart.data.orgId, `view:${o.viewId}`);
  if (existing !== null) return existing; // the same modal submitted again
  return transaction(o.db, async (unit) => {
    const id = await recordActual(unit, {
      orgId: o.chart.data.orgId,
      ...o.input,
      source: 'manual',
      sourceRef: `view:${o.viewId}`,
      createdBy: o.askerId,
      createdAt: now,
    });
    await queueSalesRecorded(unit, { chart: o.chart, askerId: o.askerId, input: o.input, now });
    return id;
  });
}

/** The SSG corrects a recorded figure; the correction and its reason are kept. */
export async function correctSales(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  actualId: number;
  /** The figure as typed: read in the units of the corrected figure's metric */
  typed: unknown;
  reason: string;
}): Promise<{ old: number }> {
  assertMayCorrectSales(o.chart, o.askerId);
  if (!o.reason.trim()) throw new AppError(ErrorCode.InvalidInput, { reason: '—' });
  const now = o.clock.now();
  if (!Number.isSafeInteger(o.actualId)) throw new AppError(ErrorCode.NotFound, { what: `#${o.actualId}` });
  return transaction(o.db, async (unit) => {
    const before = await findActual(unit, o.actualId);
    if (!before || before.orgId !== o.chart.data.orgId)
      throw new AppError(ErrorCode.NotFound, { what: `#${o.actualId}` });
    const value = readFigure(o.typed, before.metric);
    if (value === undefined) throw new AppError(ErrorCode.InvalidInput, { reason: '—' });
    if (before.value === value) return { old: before.value }; // a re-submitted correction acts once
    await correctActual(unit, {
      id: o.actualId,
      orgId: o.chart.data.orgId,
      newValue: value,
      by: o.askerId,
      reason: o.reason.trim(),
      at: now,
    });
    await recordAudit(unit, {
      orgId: before.orgId,
      actor: o.askerId,
      action: 'actual.corrected',
      subject: `actual:${o.actualId}`,
      detail: { old: before.value, value, reason: o.reason.trim() },
      at: now,
    });
    await queueSalesCorrected(unit, {
      chart: o.chart,
      askerId: o.askerId,
      before,
      value,
      reason: o.reason.trim(),
      now,
    });
    return { old: before.value };
  });
}
