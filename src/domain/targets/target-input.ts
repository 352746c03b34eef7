import { readFigure } from './figures.ts';
import { FIGURE_MAX, type Metric } from './metrics.ts';

/** The largest figure a target or an actual takes: anything bigger is a typing slip. */
export const MAX_FIGURE = FIGURE_MAX;

/** A typed figure in the metric's stored units (see figures.ts), else undefined (empty is not zero). */
export { readFigure };

/** Whether a field was left empty (a split's row left empty is 0: nothing for it). */
export const isBlank = (raw: unknown): boolean => raw === null || raw === undefined || String(raw).trim() === '';

/**
 * The fields of a split whose figure is unreadable or out of range: a row with such text (an empty row
 * is 0), and the parent when it is typed (it is required).
 */
export function splitInputProblems(o: {
  metric: string;
  rowKeys: string[];
  rows: Record<string, unknown>;
  parentEditable: boolean;
  parent: unknown;
}): string[] {
  const bad = o.rowKeys.filter((key) => {
    const row = o.rows[key];
    return (
      !isBlank(row) && !(typeof row === 'number' && Number.isFinite(row)) && readFigure(row, o.metric) === undefined
    );
  });
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
