/** The choices of the registration form; their labels live in the message catalogue. */
export const VISIT_SOURCES = ['walk_in', 'referral', 'online', 'outdoor_ad', 'event', 'phone', 'other'] as const;
export const VISIT_TYPES = ['first', 'revisit'] as const;
export const INTENT_GRADES = ['A', 'B', 'C', 'D'] as const;
export const BRAND_PURPOSES = [
  'order',
  'collection',
  'display',
  'training',
  'new_account',
  'complaint',
  'other',
] as const;

export type VisitSource = (typeof VISIT_SOURCES)[number];
export type VisitType = (typeof VISIT_TYPES)[number];
export type IntentGrade = (typeof INTENT_GRADES)[number];
export type BrandPurpose = (typeof BRAND_PURPOSES)[number];

export const FIELD_LIMITS = {
  customerName: 50,
  budget: 50,
  unitType: 50,
  notes: 500,
  account: 80,
  outcome: 500,
  nextStep: 300,
  partySizeMax: 50,
  /** A visit filed later than this is refused: registrations are for recent visits. */
  maxAgeDays: 90,
  /** Clock skew allowed between the user's device and the server. */
  futureSkewMinutes: 5,
} as const;
