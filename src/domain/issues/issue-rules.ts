import type { Template } from '../org/roles.ts';

/** Issue categories; the first three are the order → shipment → billing chain (OSB). */
export const ISSUE_CATEGORIES = [
  'osb_order',
  'osb_shipment',
  'osb_billing',
  'market',
  'complaint',
  'developer',
  'internal',
] as const;
export const SEVERITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type IssueCategory = (typeof ISSUE_CATEGORIES)[number];
export type Severity = (typeof SEVERITIES)[number];

export const isOsb = (category: string): boolean => category.startsWith('osb_');

/**
 * The categories a template offers: OSB is the brand's order → shipment → billing chain (kept by its
 * SSG), 開發商協調 is a property site's work with its developer.
 */
export function categoriesFor(template: Template): readonly IssueCategory[] {
  return template === 'brand-sales'
    ? ISSUE_CATEGORIES.filter((c) => c !== 'developer')
    : ISSUE_CATEGORIES.filter((c) => !isOsb(c));
}

/** The number people say aloud: OSB-2026-0042, ISS-2026-0043 (one sequence per organisation and year). */
export function issueNumber(category: string, year: number, seq: number): string {
  return `${isOsb(category) ? 'OSB' : 'ISS'}-${year}-${String(seq).padStart(4, '0')}`;
}

export const ISSUE_NUMBER = /^(OSB|ISS)-(\d{4})-(\d{1,6})$/i;

/** Working hours to acknowledge before it moves up the chain; 0 never escalates. */
export const DEFAULT_ACK_HOURS: Record<Severity, number> = { urgent: 2, high: 8, normal: 18, low: 0 };

export const ISSUE_LIMITS = { title: 100, description: 2000, subject: 80, resolution: 1000 } as const;

export interface RawIssueInput {
  category?: string | null;
  severity?: string | null;
  title?: string | null;
  description?: string | null;
  subject?: string | null;
}

export interface IssueInput {
  category: IssueCategory;
  severity: Severity;
  title: string;
  description: string;
  subject: string;
}

export interface IssueFieldError {
  field: keyof RawIssueInput;
  reason: 'required' | 'too_long' | 'choice';
  params?: Record<string, number>;
}

export function validateIssue(
  raw: RawIssueInput,
  categories: readonly IssueCategory[] = ISSUE_CATEGORIES,
): { ok: true; input: IssueInput } | { ok: false; errors: IssueFieldError[] } {
  const errors: IssueFieldError[] = [];
  const text = (field: keyof RawIssueInput, max: number, required: boolean): string => {
    const value = (raw[field] ?? '').trim();
    if (!value && required) errors.push({ field, reason: 'required' });
    else if ([...value].length > max) errors.push({ field, reason: 'too_long', params: { max } });
    return value;
  };
  const choice = <T extends string>(field: keyof RawIssueInput, allowed: readonly T[]): T => {
    const value = (raw[field] ?? '').trim();
    if (!value) errors.push({ field, reason: 'required' });
    else if (!allowed.includes(value as T)) errors.push({ field, reason: 'choice' });
    return value as T;
  };
  const input: IssueInput = {
    category: choice('category', categories),
    severity: choice('severity', SEVERITIES),
    title: text('title', ISSUE_LIMITS.title, true),
    description: text('description', ISSUE_LIMITS.description, true),
    subject: text('subject', ISSUE_LIMITS.subject, false),
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, input };
}
