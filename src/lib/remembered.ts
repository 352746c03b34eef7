/**
 * The value kept for a key, made and kept the first time it is asked for. With `limit`, the kept values
 * are forgotten all at once when there are that many (answers asked again and again, from an open set).
 */
export function remembered<V>(kept: Map<string, V>, key: string, make: () => V, limit = Number.POSITIVE_INFINITY): V {
  let value = kept.get(key);
  if (value === undefined) {
    if (kept.size >= limit) kept.clear();
    value = make();
    kept.set(key, value);
  }
  return value;
}
