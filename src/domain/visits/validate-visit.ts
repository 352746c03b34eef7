import { normalisePhone } from './phone.ts';
import {
  BRAND_PURPOSES,
  FIELD_LIMITS,
  INTENT_GRADES,
  VISIT_SOURCES,
  VISIT_TYPES,
  type BrandPurpose,
  type IntentGrade,
  type VisitSource,
  type VisitType,
} from './visit-fields.ts';

/** What a person typed, as strings, before any checking. */
export interface RawVisitInput {
  customerName?: string | null;
  phone?: string | null;
  /** Unix seconds from the datetime picker. */
  visitAt?: string | number | null;
  partySize?: string | null;
  source?: string | null;
  visitType?: string | null;
  grade?: string | null;
  budget?: string | null;
  unitType?: string | null;
  notes?: string | null;
  account?: string | null;
  purpose?: string | null;
  outcome?: string | null;
  nextStep?: string | null;
}

export interface PropertyVisitInput {
  kind: 'property';
  customerName: string;
  phone: string;
  visitAt: Date;
  partySize: number;
  source: VisitSource;
  visitType: VisitType;
  grade: IntentGrade;
  budget: string;
  unitType: string;
  notes: string;
}

export interface BrandVisitInput {
  kind: 'brand';
  account: string;
  visitAt: Date;
  purpose: BrandPurpose;
  outcome: string;
  nextStep: string;
}

export type VisitInput = PropertyVisitInput | BrandVisitInput;

/** A field and the catalogue key of what is wrong with it, plus values for the sentence. */
export interface FieldError {
  field: keyof RawVisitInput;
  reason: 'required' | 'too_long' | 'phone' | 'future' | 'too_old' | 'party_size' | 'choice';
  params?: Record<string, number>;
}

export type ValidateVisitResult = { ok: true; input: VisitInput } | { ok: false; errors: FieldError[] };

const text = (value: string | null | undefined): string => (value ?? '').trim();
const chars = (value: string): number => [...value].length;

/** Checks a registration against the form's rules. Pure: `now` is passed in. */
export function validateVisit(kind: 'property' | 'brand', raw: RawVisitInput, now: Date): ValidateVisitResult {
  const errors: FieldError[] = [];
  const required = (field: keyof RawVisitInput, value: string, max: number): string => {
    if (!value) errors.push({ field, reason: 'required' });
    else if (chars(value) > max) errors.push({ field, reason: 'too_long', params: { max } });
    return value;
  };
  const optional = (field: keyof RawVisitInput, value: string, max: number): string => {
    if (chars(value) > max) errors.push({ field, reason: 'too_long', params: { max } });
    return value;
  };
  const choice = <T extends string>(field: keyof RawVisitInput, value: string, allowed: readonly T[]): T => {
    if (!value) errors.push({ field, reason: 'required' });
    else if (!allowed.includes(value as T)) errors.push({ field, reason: 'choice' });
    return value as T;
  };

  const visitAt = checkVisitTime(raw.visitAt, now, errors);
  if (kind === 'brand') {
    const input: BrandVisitInput = {
      kind,
      account: required('account', text(raw.account), FIELD_LIMITS.account),
      visitAt: visitAt ?? now,
      purpose: choice('purpose', text(raw.purpose), BRAND_PURPOSES),
      outcome: required('outcome', text(raw.outcome), FIELD_LIMITS.outcome),
      nextStep: optional('nextStep', text(raw.nextStep), FIELD_LIMITS.nextStep),
    };
    return errors.length > 0 ? { ok: false, errors } : { ok: true, input };
  }

  const customerName = required('customerName', text(raw.customerName), FIELD_LIMITS.customerName);
  const phoneText = text(raw.phone);
  const phone = phoneText ? normalisePhone(phoneText) : undefined;
  if (!phoneText) errors.push({ field: 'phone', reason: 'required' });
  else if (!phone) errors.push({ field: 'phone', reason: 'phone' });
  const partyText = text(raw.partySize) || '1';
  const partySize = /^\d{1,3}$/.test(partyText) ? Number(partyText) : NaN;
  if (!(partySize >= 1 && partySize <= FIELD_LIMITS.partySizeMax))
    errors.push({ field: 'partySize', reason: 'party_size', params: { max: FIELD_LIMITS.partySizeMax } });
  const input: PropertyVisitInput = {
    kind,
    customerName,
    phone: phone ?? '',
    visitAt: visitAt ?? now,
    partySize,
    source: choice('source', text(raw.source), VISIT_SOURCES),
    visitType: choice('visitType', text(raw.visitType), VISIT_TYPES),
    grade: choice('grade', text(raw.grade), INTENT_GRADES),
    budget: optional('budget', text(raw.budget), FIELD_LIMITS.budget),
    unitType: optional('unitType', text(raw.unitType), FIELD_LIMITS.unitType),
    notes: optional('notes', text(raw.notes), FIELD_LIMITS.notes),
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, input };
}

function checkVisitTime(value: RawVisitInput['visitAt'], now: Date, errors: FieldError[]): Date | undefined {
  const seconds = typeof value === 'number' ? value : value ? Number(value) : NaN;
  if (!Number.isFinite(seconds)) {
    errors.push({ field: 'visitAt', reason: 'required' });
    return undefined;
  }
  const at = new Date(seconds * 1000);
  if (at.getTime() > now.getTime() + FIELD_LIMITS.futureSkewMinutes * 60_000)
    errors.push({ field: 'visitAt', reason: 'future' });
  else if (at.getTime() < now.getTime() - FIELD_LIMITS.maxAgeDays * 86_400_000)
    errors.push({ field: 'visitAt', reason: 'too_old', params: { days: FIELD_LIMITS.maxAgeDays } });
  return at;
}
