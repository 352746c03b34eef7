import { recordAudit } from '../db/audit-repo.ts';
import type { Db } from '../db/database.ts';
import { correctActual, recordActual } from '../db/target-repo.ts';
import type { OrgChart } from '../domain/org/org-chart.ts';
import { FIGURE_MAX, RECORDABLE_METRICS, type Metric } from '../domain/targets/metrics.ts';
import { currentMonth, periodKey } from '../domain/targets/periods.ts';
import { AppError, ErrorCode } from '../lib/app-error.ts';
import type { Clock } from '../lib/clock.ts';
import { recordableFor } from './target-access.ts';

export interface RawSales {
  person?: string | null;
  account?: string | null;
  month?: string | null;
  metric?: string | null;
  market?: string | null;
  value?: string | number | null;
}

export type SalesError = { field: keyof RawSales; key: 'sales.error.required' | 'sales.error.number' | 'sales.error.share' | 'sales.error.person' | 'sales.error.market' | 'sales.error.future' };

export interface SalesInput {
  personId: string;
  account: string;
  month: string;
  metric: Metric;
  marketCode: string;
  value: number;
}

/** Checks a /sales entry: the asker's own subtree, a month not in the future, a sane number. */
export function validateSales(chart: OrgChart, askerId: string, raw: RawSales, now: Date): { ok: true; input: SalesInput } | { ok: false; errors: SalesError[] } {
  const errors: SalesError[] = [];
  const personId = (raw.person ?? '').trim();
  if (!personId) errors.push({ field: 'person', key: 'sales.error.required' });
  else if (!recordableFor(chart, askerId).includes(personId)) errors.push({ field: 'person', key: 'sales.error.person' });
  const account = (raw.account ?? '').trim().slice(0, 80);
  if (!account) errors.push({ field: 'account', key: 'sales.error.required' });
  const month = (raw.month ?? '').trim();
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) errors.push({ field: 'month', key: 'sales.error.required' });
  else if (month > periodKey(currentMonth(now, chart.data.timezone))) errors.push({ field: 'month', key: 'sales.error.future' });
  const metric = (raw.metric ?? '').trim() as Metric;
  if (!RECORDABLE_METRICS.includes(metric)) errors.push({ field: 'metric', key: 'sales.error.required' });
  const marketCode = (raw.market ?? '').trim();
  if (metric === 'share' && !chart.market(marketCode)) errors.push({ field: 'market', key: 'sales.error.market' });
  const text = String(raw.value ?? '').trim();
  const value = Number(text);
  if (!text) errors.push({ field: 'value', key: 'sales.error.required' });
  else if (!Number.isFinite(value) || value < 0 || value > FIGURE_MAX) errors.push({ field: 'value', key: 'sales.error.number' });
  else if (metric === 'share' && value > 100) errors.push({ field: 'value', key: 'sales.error.share' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, input: { personId, account, month, metric, marketCode: metric === 'share' ? marketCode : '', value } };
}

export async function recordSales(o: { db: Db; clock: Clock; chart: OrgChart; askerId: string; input: SalesInput; viewId: string }): Promise<number> {
  const now = o.clock.now();
  const existing = await o.db.actual.findFirst({ where: { orgId: o.chart.data.orgId, sourceRef: `view:${o.viewId}` }, select: { id: true } });
  if (existing) return existing.id; // the same modal submitted again
  return o.db.$transaction(async (tx) =>
    recordActual(tx, { orgId: o.chart.data.orgId, ...o.input, source: 'manual', sourceRef: `view:${o.viewId}`, createdBy: o.askerId, createdAt: now }),
  );
}

/** The SSG corrects a recorded figure; the correction and its reason are kept. */
export async function correctSales(o: { db: Db; clock: Clock; chart: OrgChart; askerId: string; actualId: number; value: number; reason: string }): Promise<{ old: number }> {
  if (!o.chart.isSsg(o.askerId)) throw new AppError(ErrorCode.Forbidden, {}, 'not SSG', 'sales.correct.not_allowed');
  if (!Number.isFinite(o.value) || o.value < 0 || !o.reason.trim()) throw new AppError(ErrorCode.InvalidInput, { reason: '—' });
  const now = o.clock.now();
  return o.db.$transaction(async (tx) => {
    const before = await tx.actual.findUnique({ where: { id: o.actualId } });
    if (!before || before.orgId !== o.chart.data.orgId) throw new AppError(ErrorCode.NotFound, { what: `#${o.actualId}` });
    await correctActual(tx, { id: o.actualId, orgId: o.chart.data.orgId, newValue: o.value, by: o.askerId, reason: o.reason.trim(), at: now });
    await recordAudit(tx, { orgId: before.orgId, actor: o.askerId, action: 'actual.corrected', subject: `actual:${o.actualId}`, detail: { old: before.value, value: o.value, reason: o.reason.trim() }, at: now });
    return { old: before.value };
  });
}
