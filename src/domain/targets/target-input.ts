import { readFigure } from './figures.ts';
import { FIGURE_MAX, type Metric } from './metrics.ts';

/** The largest figure a target or an actual takes: anything bigger is a typing slip. */
export const MAX_FIGURE = FIGURE_MAX;

/** A typed figure in the metric's stored units (see figures.ts), else undefined (empty is not zero). */
export { readFigure };

/** The fields of a split whose figure is missing or out of range: each row, and the parent when it is typed. */
export function splitInputProblems(o: {
  metric: string;
  rowKeys: string[];
  rows: Record<string, unknown>;
  parentEditable: boolean;
  parent: unknown;
}): string[] {
  const bad = o.rowKeys.filter((key) => readFigure(o.rows[key], o.metric) === undefined);
  if (o.parentEditable && readFigure(o.parent, o.metric) === undefined) bad.push('parent');
  return bad;
}

/** An SSG correction needs a figure and a reason. */
export type CorrectionProblem = { field: 'value' | 'reason'; problem: 'bad_number' | 'required' };

export function correctionProblems(raw: { value: unknown; reason: unknown; metric: string }): CorrectionProblem[] {
  const problems: CorrectionProblem[] = [];
  if (readFigure(raw.value, raw.metric) === undefined) problems.push({ field: 'value', problem: 'bad_number' });
  if (!String(raw.reason ?? '').trim()) problems.push({ field: 'reason', problem: 'required' });
  return problems;
}

/** A checked /sales entry (record-sales.ts validates it; sales-notices.ts tells about it). */
export interface SalesInput {
  personId: string;
  account: string;
  month: string;
  metric: Metric;
  marketCode: string;
  value: number;
}
