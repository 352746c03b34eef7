import type { OrgChart } from '../org/org-chart.ts';

/** 指示 instruction, 市調 market research, 培訓 training, 其他 other. */
export const TASK_KINDS = ['instruction', 'research', 'training', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** To one person, to a person's team (their direct reports), or to everyone below a person. */
export const TASK_SCOPES = ['person', 'team', 'subtree'] as const;
export type TaskScope = (typeof TASK_SCOPES)[number];

export const TASK_LIMITS = { title: 100, description: 2000, checklist: 20, item: 150, reason: 500, comment: 1000 };

export interface RawTaskInput {
  title?: string | null;
  description?: string | null;
  dueDate?: string | null;
  kind?: string | null;
  checklist?: string | null;
  assignee?: string | null;
  scope?: string | null;
}

export interface TaskInput {
  title: string;
  description: string;
  /** yyyy-MM-dd, local */
  dueDate: string;
  kind: TaskKind;
  checklist: string[];
  assignee: string;
  scope: TaskScope;
}

export interface TaskFieldError {
  field: keyof RawTaskInput;
  reason: 'required' | 'too_long' | 'choice' | 'past_date' | 'checklist_items';
  params?: Record<string, number>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The form's values checked; `today` (yyyy-MM-dd, local) is the earliest due date allowed. */
export function validateTask(
  raw: RawTaskInput,
  today: string,
): { ok: true; input: TaskInput } | { ok: false; errors: TaskFieldError[] } {
  const errors: TaskFieldError[] = [];
  const text = (field: keyof RawTaskInput, max: number, required: boolean): string => {
    const value = (raw[field] ?? '').trim();
    if (!value && required) errors.push({ field, reason: 'required' });
    else if ([...value].length > max) errors.push({ field, reason: 'too_long', params: { max } });
    return value;
  };
  const choice = <T extends string>(field: keyof RawTaskInput, allowed: readonly T[]): T => {
    const value = (raw[field] ?? '').trim();
    if (!value) errors.push({ field, reason: 'required' });
    else if (!allowed.includes(value as T)) errors.push({ field, reason: 'choice' });
    return value as T;
  };
  const dueDate = (raw.dueDate ?? '').trim();
  if (!dueDate) errors.push({ field: 'dueDate', reason: 'required' });
  else if (!DAY.test(dueDate) || Number.isNaN(Date.parse(`${dueDate}T00:00:00Z`)))
    errors.push({ field: 'dueDate', reason: 'choice' });
  else if (dueDate < today) errors.push({ field: 'dueDate', reason: 'past_date' });
  const checklist = (raw.checklist ?? '')
    .split('\n')
    .map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
    .filter((line) => line.length > 0);
  if (checklist.length > TASK_LIMITS.checklist || checklist.some((item) => [...item].length > TASK_LIMITS.item))
    errors.push({
      field: 'checklist',
      reason: 'checklist_items',
      params: { max: TASK_LIMITS.checklist, length: TASK_LIMITS.item },
    });
  const assignee = (raw.assignee ?? '').trim();
  if (!assignee) errors.push({ field: 'assignee', reason: 'required' });
  const input: TaskInput = {
    title: text('title', TASK_LIMITS.title, true),
    description: text('description', TASK_LIMITS.description, false),
    dueDate,
    kind: choice('kind', TASK_KINDS),
    checklist,
    assignee,
    scope: choice('scope', TASK_SCOPES),
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, input };
}

export type AssigneeRefusal = 'outside_chain' | 'self' | 'no_team' | 'no_reports';

/**
 * Who a task reaches, only ever down the assigner's own chain: the person chosen (below the
 * assigner), that person's team (their direct reports), or everyone below them. For a team or a
 * subtree the assigner may choose themselves: their own team, their own subtree.
 */
export function assigneesFor(
  chart: OrgChart,
  assignerId: string,
  scope: TaskScope,
  chosenId: string,
): { ok: true; ids: string[] } | { ok: false; reason: AssigneeRefusal } {
  const below = new Set(chart.allReports(assignerId));
  if (below.size === 0) return { ok: false, reason: 'no_reports' };
  const mine = chosenId === assignerId;
  if (!mine && !below.has(chosenId)) return { ok: false, reason: 'outside_chain' };
  if (scope === 'person') return mine ? { ok: false, reason: 'self' } : { ok: true, ids: [chosenId] };
  const ids = (scope === 'team' ? chart.directReports(chosenId) : chart.allReports(chosenId)).filter((id) =>
    below.has(id),
  );
  return ids.length === 0 ? { ok: false, reason: 'no_team' } : { ok: true, ids: [...new Set(ids)] };
}

/** Whether someone may hand tasks down at all: they have someone below them. */
export const mayAssignTasks = (chart: OrgChart, personId: string): boolean => chart.directReports(personId).length > 0;
