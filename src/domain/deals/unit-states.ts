/** A unit's state on the sales-control board (銷控表). */
export const UNIT_STATES = ['available', 'held', 'reserved', 'contracted', 'sold'] as const;
export type UnitState = (typeof UNIT_STATES)[number];

export const isUnitState = (value: string): value is UnitState => (UNIT_STATES as readonly string[]).includes(value);

/** The PM holds an available unit (保留) and releases a held one; deals move the rest. */
export function pmMove(state: UnitState, action: 'hold' | 'release'): UnitState | undefined {
  if (action === 'hold' && state === 'available') return 'held';
  if (action === 'release' && state === 'held') return 'available';
  return undefined;
}
