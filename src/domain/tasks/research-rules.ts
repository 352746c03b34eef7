/** A market-research (市調) result: one competitor project or product. */
export const RESEARCH_FIELDS = [
  'competitor',
  'location',
  'priceRange',
  'promotions',
  'salesSpeed',
  'customerProfile',
  'notes',
] as const;
export type ResearchField = (typeof RESEARCH_FIELDS)[number];

export const RESEARCH_LIMITS: Record<ResearchField, number> = {
  competitor: 80,
  location: 120,
  priceRange: 120,
  promotions: 500,
  salesSpeed: 200,
  customerProfile: 500,
  notes: 1000,
};

const REQUIRED: readonly ResearchField[] = ['competitor', 'location', 'priceRange'];

export type ResearchInput = Record<ResearchField, string>;

export interface ResearchFieldError {
  field: ResearchField;
  reason: 'required' | 'too_long';
  params?: Record<string, number>;
}

export function validateResearch(
  raw: Partial<Record<ResearchField, string | number | null>>,
): { ok: true; input: ResearchInput } | { ok: false; errors: ResearchFieldError[] } {
  const errors: ResearchFieldError[] = [];
  const input = {} as ResearchInput;
  for (const field of RESEARCH_FIELDS) {
    const value = String(raw[field] ?? '').trim();
    if (!value && REQUIRED.includes(field)) errors.push({ field, reason: 'required' });
    else if ([...value].length > RESEARCH_LIMITS[field])
      errors.push({ field, reason: 'too_long', params: { max: RESEARCH_LIMITS[field] } });
    input[field] = value;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, input };
}

/** A competitor's name as search compares it: NFKC, lower case, no spaces or punctuation. */
export function competitorKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

export interface PriceChange {
  competitor: string;
  from: string;
  fromAt: Date;
  to: string;
  toAt: Date;
  /** Results filed on this competitor in the period. */
  count: number;
}

/**
 * Each competitor whose price range changed between its first and latest result of the period (results
 * oldest first, grouped by folded name); the latest spelling of its name is shown.
 */
export function priceChanges(
  results: readonly { competitor: string; competitorKey: string; priceRange: string; createdAt: Date }[],
): PriceChange[] {
  const byKey = new Map<string, (typeof results)[number][]>();
  for (const r of results) byKey.set(r.competitorKey, [...(byKey.get(r.competitorKey) ?? []), r]);
  const changes: PriceChange[] = [];
  for (const list of byKey.values()) {
    const first = list[0];
    const last = list[list.length - 1];
    if (first.priceRange.trim() === last.priceRange.trim()) continue;
    changes.push({
      competitor: last.competitor,
      from: first.priceRange,
      fromAt: first.createdAt,
      to: last.priceRange,
      toAt: last.createdAt,
      count: list.length,
    });
  }
  return changes;
}
