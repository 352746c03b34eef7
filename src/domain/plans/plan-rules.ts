import type { OrgChart } from '../org/org-chart.ts';
import type { Role, Template } from '../org/roles.ts';

/**
 * The kinds of plan: a site's stage sales plans (階段銷售計劃) and project sales plan (項目銷售計劃書),
 * written by its project manager; a brand's annual (年度) and quarterly (季度) plans, written by the SLT.
 */
export const PLAN_KINDS = ['stage', 'project', 'annual', 'quarterly'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

const KINDS_OF: Record<Template, readonly PlanKind[]> = {
  'property-site': ['stage', 'project'],
  'brand-sales': ['annual', 'quarterly'],
};
const WRITERS: Record<Template, readonly Role[]> = {
  'property-site': ['project_manager'],
  'brand-sales': ['sales_director', 'deputy_sales_director'],
};
/** Who approves when the org file's `plans:` names nobody for the kind. */
const DEFAULT_APPROVERS: Record<PlanKind, readonly string[]> = {
  stage: ['sales_director'],
  project: ['sales_director'],
  annual: ['general_manager'],
  quarterly: ['general_manager'],
};
/** The most months a plan of each kind covers. */
export const PLAN_MAX_MONTHS: Record<PlanKind, number> = { stage: 12, project: 36, annual: 12, quarterly: 3 };
/** The months a new plan of each kind covers from its first month. */
const DEFAULT_SPAN: Record<PlanKind, number> = { stage: 1, project: 12, annual: 12, quarterly: 3 };

/** A plan's sections as the issue lists them, then its targets table and the focus items it hands to `/focus`. */
export const PLAN_SECTIONS = ['goals', 'market', 'pricing', 'channels', 'schedule', 'budget'] as const;
const FOCUS_FIELDS = ['focusMain', 'focusSecondary1', 'focusSecondary2'] as const;
export const PLAN_FIELDS = ['fromMonth', 'toMonth', 'publishOn', ...PLAN_SECTIONS, 'targets', ...FOCUS_FIELDS] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];
export type PlanContent = Record<PlanField, string>;

/** The fields of a kind's form: only a stage plan hands focus items to `/focus`. */
export const planFields = (kind: PlanKind): readonly PlanField[] =>
  kind === 'stage' ? PLAN_FIELDS : PLAN_FIELDS.filter((f) => !(FOCUS_FIELDS as readonly string[]).includes(f));

export const PLAN_LIMITS: Record<PlanField, number> = {
  fromMonth: 7,
  toMonth: 7,
  publishOn: 10,
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

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export interface PlanFieldError {
  field: PlanField;
  reason: 'required' | 'too_long' | 'month' | 'past_month' | 'order' | 'span' | 'day' | 'past_day';
  params?: Record<string, number>;
}

export const isMonth = (text: string): boolean => MONTH.test(text);
const monthIndex = (month: string) => {
  const [, y, m] = MONTH.exec(month) ?? [];
  return Number(y) * 12 + Number(m) - 1;
};
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The month after `month` (YYYY-MM). */
export const monthAfter = (month: string): string => monthOf(monthIndex(month) + 1);

/** The months a new plan of a kind covers: from `from` (else the natural next period after `current`). */
export function planMonths(kind: PlanKind, current: string, from?: string): { fromMonth: string; toMonth: string } {
  let start = from ? monthIndex(from) : monthIndex(current) + 1;
  if (!from && kind === 'annual') start = (Math.floor(monthIndex(current) / 12) + 1) * 12; // next January
  if (!from && kind === 'quarterly') start = (Math.floor(monthIndex(current) / 3) + 1) * 3; // next quarter
  return { fromMonth: monthOf(start), toMonth: monthOf(start + DEFAULT_SPAN[kind] - 1) };
}

const isRealDay = (day: string) => {
  const [, y, m, d] = DAY.exec(day) ?? [];
  return !!y && new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))).getUTCDate() === Number(d);
};

/**
 * Every problem of a plan as typed; months are YYYY-MM, not before `currentMonth`, in order, within the
 * kind's span; the publication day, if any, a real yyyy-MM-dd not before `today`.
 */
export function validatePlan(
  raw: Partial<Record<PlanField, string | number | null>>,
  o: { kind: PlanKind; currentMonth: string; today: string },
): { ok: true; content: PlanContent } | { ok: false; errors: PlanFieldError[] } {
  const errors: PlanFieldError[] = [];
  const content = {} as PlanContent;
  const required: PlanField[] = [
    'fromMonth',
    'toMonth',
    'goals',
    ...(o.kind === 'stage' ? ['focusMain' as const] : []),
  ];
  for (const field of PLAN_FIELDS) {
    const value = planFields(o.kind).includes(field) ? String(raw[field] ?? '').trim() : '';
    if (!value && required.includes(field)) errors.push({ field, reason: 'required' });
    else if ([...value].length > PLAN_LIMITS[field])
      errors.push({ field, reason: 'too_long', params: { max: PLAN_LIMITS[field] } });
    content[field] = value;
  }
  for (const field of ['fromMonth', 'toMonth'] as const) {
    if (content[field] && !MONTH.test(content[field])) errors.push({ field, reason: 'month' });
  }
  if (content.publishOn && !isRealDay(content.publishOn)) errors.push({ field: 'publishOn', reason: 'day' });
  if (errors.length > 0) return { ok: false, errors };
  if (content.fromMonth < o.currentMonth) errors.push({ field: 'fromMonth', reason: 'past_month' });
  if (content.publishOn && content.publishOn < o.today) errors.push({ field: 'publishOn', reason: 'past_day' });
  const span = monthIndex(content.toMonth) - monthIndex(content.fromMonth) + 1;
  const max = PLAN_MAX_MONTHS[o.kind];
  if (span < 1) errors.push({ field: 'toMonth', reason: 'order' });
  else if (span > max) errors.push({ field: 'toMonth', reason: 'span', params: { max } });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, content };
}

/** The kinds of plan an organisation writes, the first its default. */
export const planKindsOf = (template: Template): readonly PlanKind[] => KINDS_OF[template];

/** Who writes a kind of plan: a site's project manager (專案經理); a brand's sales director or deputy (SLT). */
export function mayWritePlan(chart: OrgChart, id: string, kind: PlanKind): boolean {
  const role = chart.person(id)?.role;
  return KINDS_OF[chart.template].includes(kind) && !!role && WRITERS[chart.template].includes(role);
}

/** One approval a plan needs: a role (anyone holding it) or a named person, and who may give it. */
export interface ApproverGroup {
  key: string;
  people: string[];
}

/**
 * Who approves a kind of plan: each role or person the org file's `plans:` names for it (by default the
 * sales director on a site, the GM on a brand), never the author. Named but nobody in the chart is
 * skipped; with nobody at all, the author's own managers approve.
 */
export function planApproverGroups(chart: OrgChart, kind: PlanKind, authorId: string): ApproverGroup[] {
  const named = chart.data.plans?.[kind] ?? DEFAULT_APPROVERS[kind];
  const groups = named
    .map((key) => {
      const holders = chart.person(key) ? [key] : chart.withRole(key as Role).map((p) => p.slackId);
      return { key, people: holders.filter((id) => id !== authorId) };
    })
    .filter((g) => g.people.length > 0);
  if (groups.length > 0) return groups;
  const managers = (chart.managerLevels(authorId)[0] ?? []).filter((id) => id !== authorId);
  return managers.length > 0 ? [{ key: 'manager', people: managers }] : [];
}

/** Everyone who may approve a kind of plan of this author. */
export const planApprovers = (chart: OrgChart, kind: PlanKind, authorId: string): string[] => [
  ...new Set(planApproverGroups(chart, kind, authorId).flatMap((g) => g.people)),
];

/** The kind a word of `/task plan` names: stage/階段, project/項目, annual/年度, quarterly/季度. */
export function planKindOf(word: string): PlanKind | undefined {
  const words: Record<string, PlanKind> = { 階段: 'stage', 項目: 'project', 年度: 'annual', 季度: 'quarterly' };
  const w = word.toLowerCase();
  return (PLAN_KINDS as readonly string[]).includes(w) ? (w as PlanKind) : words[word];
}

/**
 * `/task plan [kind] [first month]`, in either order: the kind (the organisation's first by default) and
 * the month to start from; a month-like word that is no month (2026-13) is refused, as is any other word.
 */
export function parsePlanCommand(
  words: string[],
  template: Template,
): { ok: true; kind: PlanKind; fromMonth?: string } | { ok: false; reason: 'bad_month' | 'usage'; word: string } {
  let kind: PlanKind | undefined;
  let fromMonth: string | undefined;
  for (const word of words.filter(Boolean)) {
    const named = planKindOf(word);
    if (named && !kind && KINDS_OF[template].includes(named)) kind = named;
    else if (MONTH.test(word) && !fromMonth) fromMonth = word;
    else if (/\d/.test(word)) return { ok: false, reason: 'bad_month', word };
    else return { ok: false, reason: 'usage', word };
  }
  return { ok: true, kind: kind ?? KINDS_OF[template][0], ...(fromMonth ? { fromMonth } : {}) };
}
