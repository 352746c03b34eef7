import type { Template } from '../org/roles.ts';

/** A property site registers visitors (來訪); a brand's field force visits its accounts (拜訪). */
export type VisitKind = 'property' | 'brand';

/** The one place a template decides which registration its people file. */
export function visitKindOf(template: Template): VisitKind {
  return template === 'brand-sales' ? 'brand' : 'property';
}

/** A stored registration's kind, read defensively (older rows, unknown text: a property visit). */
export function storedVisitKind(kind: string): VisitKind {
  return kind === 'brand' ? 'brand' : 'property';
}
