/**
 * A node's figure is its own plus everything below it. Pure: the tree comes as a children function.
 * Returns the roll-up of every node reachable from `root`.
 */
export function rollUp(
  root: string,
  childrenOf: (id: string) => readonly string[],
  own: (id: string) => number,
): Map<string, number> {
  const totals = new Map<string, number>();
  const visit = (id: string, path: Set<string>): number => {
    const known = totals.get(id);
    if (known !== undefined) return known;
    if (path.has(id)) return 0; // a cycle adds nothing (the org file refuses cycles anyway)
    path.add(id);
    let sum = own(id);
    for (const child of childrenOf(id)) sum += visit(child, path);
    path.delete(id);
    totals.set(id, sum);
    return sum;
  };
  visit(root, new Set());
  return totals;
}

/**
 * Splits a whole amount across children in proportion to weights (equal when none), in whole
 * units, so that the parts add up to exactly the total: nothing lost, nothing invented.
 */
export function splitProportionally(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const units = Math.round(total);
  const positive = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const sum = positive.reduce((a, b) => a + b, 0);
  const shares = sum > 0 ? positive.map((w) => (w / sum) * units) : positive.map(() => units / weights.length);
  const floors = shares.map(Math.floor);
  let left = units - floors.reduce((a, b) => a + b, 0);
  // the largest remainders take the units left over
  const order = shares.map((s, i) => [s - Math.floor(s), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    floors[i] += 1;
    left -= 1;
  }
  return floors;
}
