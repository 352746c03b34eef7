import { isMessageKey, type MessageKey } from '../../i18n/index.ts';
import type { VisitKind } from '../../domain/visits/visit-kind.ts';

/**
 * The catalogue key for a registration's text in its kind's own words: a brand's visit is a 拜訪登記,
 * so where the catalogue has a `_brand` form of a key, a brand's text uses it.
 */
export function visitKey(kind: VisitKind, key: MessageKey): MessageKey {
  const brand = `${key}_brand`;
  return kind === 'brand' && isMessageKey(brand) ? brand : key;
}
