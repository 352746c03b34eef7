import type { OrgChart } from '../org/org-chart.ts';

/** A plan's sections as the issue lists them, then its targets table and the focus items it hands to `/focus`. */
export const PLAN_SECTIONS = ['goals', 'market', 'pricing', 'channels', 'schedule', 'budget'] as const;
export const PLAN_FIELDS = [
  'fromMonth',
  'toMonth',
  ...PLAN_SECTIONS,
  'targets',
  'focusMain',
  'focusSecondary1',
  'focusSecondary2',
] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];
export type PlanContent = Record<PlanField, string>;

export const PLAN_LIMITS: Record<PlanField, number> = {
  fromMonth: 7,
  toMonth: 7,
  goals: 1500,
  market: 1500,
  pricing: 1500,
  channels: 1500,
  schedule: 1500,
  budget: 1000,
  targets: 500,
  focusMain: 300,
  focusSecondary1: 300,
  focusSecondary2: 300,
};

/** A stage plan spans at most this many months. */
export const PLAN_MAX_MONTHS = 12;
const REQUIRED: readonly PlanField[] = ['fromMonth', 'toMonth', 'goals', 'focusMain'];
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface PlanFieldError {
  field: PlanField;
  reason: 'required' | 'too_long' | 'month' | 'past_month' | 'order' | 'span';
  params?: Record<string, number>;
}

const monthIndex = (month: string) => {
  const [, y, m] = MONTH.exec(month) ?? [];
  return Number(y) * 12 + Number(m) - 1;
};

/** The month after `month` (YYYY-MM). */
export function monthAfter(month: string): string {
  const next = monthIndex(month) + 1;
  return `${Math.floor(next / 12)}-${String((next % 12) + 1).padStart(2, '0')}`;
}

/** Every problem of a plan as typed; months are YYYY-MM, not before `currentMonth`, in order, within a year. */
export function validatePlan(
  raw: Partial<Record<PlanField, string | number | null>>,
  currentMonth: string,
): { ok: true; content: PlanContent } | { ok: false; errors: PlanFieldError[] } {
  const errors: PlanFieldError[] = [];
  const content = {} as PlanContent;
  for (const field of PLAN_FIELDS) {
    const value = String(raw[field] ?? '').trim();
    if (!value && REQUIRED.includes(field)) errors.push({ field, reason: 'required' });
    else if ([...value].length > PLAN_LIMITS[field])
      errors.push({ field, reason: 'too_long', params: { max: PLAN_LIMITS[field] } });
    content[field] = value;
  }
  for (const field of ['fromMonth', 'toMonth'] as const) {
    if (content[field] && !MONTH.test(content[field])) errors.push({ field, reason: 'month' });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (content.fromMonth < currentMonth) errors.push({ field: 'fromMonth', reason: 'past_month' });
  const span = monthIndex(content.toMonth) - monthIndex(content.fromMonth) + 1;
  if (span < 1) errors.push({ field: 'toMonth', reason: 'order' });
  else if (span > PLAN_MAX_MONTHS) errors.push({ field: 'toMonth', reason: 'span', params: { max: PLAN_MAX_MONTHS } });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, content };
}

/** Who writes a site's stage plans: its project manager (專案經理). */
export function mayWritePlan(chart: OrgChart, id: string): boolean {
  return chart.template === 'property-site' && chart.person(id)?.role === 'project_manager';
}

/**
 * Who approves a PM's plan: the sales director (銷售總監), else the PM's own managers; never the author.
 * 策劃部 (the planning channel) gets the approved plan.
 */
export function planApprovers(chart: OrgChart, authorId: string): string[] {
  const directors = chart.withRole('sales_director').map((p) => p.slackId);
  const named = directors.length > 0 ? directors : (chart.managerLevels(authorId)[0] ?? []);
  return named.filter((id) => id !== authorId);
}

/** Who may read a plan: its author, its approvers, and whoever may see the author's records. */
export function mayReadPlan(chart: OrgChart, askerId: string, authorId: string): boolean {
  return askerId === authorId || planApprovers(chart, authorId).includes(askerId) || chart.canSee(askerId, authorId);
}
