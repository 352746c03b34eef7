/**
 * What targets are set on: the sales head's metrics (銷售額, 市場覆蓋率, 市場占有率), volume, and on sites visits,
 * reservations (認購套數), contracts and collections (回款金額).
 */
export const METRICS = [
  'amount',
  'volume',
  'coverage',
  'share',
  'visits',
  'contracts',
  'reservations',
  'collections',
] as const;
export type Metric = (typeof METRICS)[number];

/** Share is a ratio: it is entered per market, never summed up a tree. */
export const isSummable = (metric: string): boolean => metric !== 'share';

/**
 * Coverage and share are percentages: a leader's target of them is never the sum of his people's
 * (3 × 60% is no 180%). See `targetOfPerson`.
 */
export const isPercent = (metric: string): boolean => metric === 'coverage' || metric === 'share';

/** The metrics a person can record with /sales (visits and contracts come from the bot itself). */
export const RECORDABLE_METRICS: readonly Metric[] = ['amount', 'volume', 'coverage', 'share'];

/** The largest figure a target or an actual may hold: past it, a typo (the messages name it). */
export const FIGURE_MAX = 1_000_000_000_000;

/** Each template's metrics, the first being what a team is ranked on by default. */
export const TEMPLATE_METRICS: Record<'property-site' | 'brand-sales', readonly Metric[]> = {
  // 認購套數 and 回款金額 come from the deals, like 簽約套數 and its amount
  'property-site': ['contracts', 'visits', 'amount', 'reservations', 'collections'],
  'brand-sales': ['amount', 'volume', 'coverage', 'share'],
};

/** What /sales records on each template: a site's visits and contracts come from the bot itself. */
export const recordableMetrics = (template: 'property-site' | 'brand-sales'): readonly Metric[] =>
  template === 'property-site' ? ['amount'] : RECORDABLE_METRICS;
