/**
 * BENCH_SCALE=small shrinks row and request counts about 100× (for a check on a shared machine);
 * the figures worth quoting come from the full scale.
 */
export const SMALL = process.env.BENCH_SCALE === 'small';

export function scaled(full: number, floor = 20): number {
  return SMALL ? Math.max(floor, Math.round(full / 100)) : full;
}
