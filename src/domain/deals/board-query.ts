import { type UnitState, UNIT_STATES } from './unit-states.ts';

/** Words for each state, as people type them on the site or in English. */
const STATE_WORDS: Record<UnitState, string[]> = {
  available: ['可售', 'available'],
  held: ['保留', 'held'],
  reserved: ['已認購', '認購', 'reserved'],
  contracted: ['已簽約', '簽約', 'contracted'],
  sold: ['已售', 'sold'],
};

export interface BoardQuery {
  building?: string;
  layout?: string;
  state?: UnitState;
  /** 1-based */
  page: number;
}

export type BoardQueryResult = { ok: true; query: BoardQuery } | { ok: false; word: string };

/** `/units [building] [layout] [state] [p2]`: each word is a building, a layout, a state or a page. */
export function parseBoardQuery(words: string[], dims: { buildings: string[]; layouts: string[] }): BoardQueryResult {
  const query: BoardQuery = { page: 1 };
  for (const word of words.filter(Boolean)) {
    const lowered = word.toLowerCase();
    const page = /^p(\d{1,4})$/.exec(lowered);
    const state = UNIT_STATES.find((s) => STATE_WORDS[s].includes(lowered));
    // p0 is no page: said, not quietly read as p1
    if (page && Number(page[1]) === 0) return { ok: false, word };
    if (page) query.page = Number(page[1]);
    else if (dims.buildings.includes(word)) query.building = word;
    else if (dims.layouts.includes(word)) query.layout = word;
    else if (state) query.state = state;
    else return { ok: false, word };
  }
  return { ok: true, query };
}

/** Units per page of the board: whole floors, so a floor is never split across pages. */
export const BOARD_PAGE_UNITS = 400;

/** Splits units (already in board order) into pages of whole floors. */
export function boardPages<T extends { building: string; floor: number }>(
  units: T[],
  perPage = BOARD_PAGE_UNITS,
): T[][] {
  const pages: T[][] = [];
  let current: T[] = [];
  let floorKey = '';
  for (const unit of units) {
    const key = `${unit.building}\u0000${unit.floor}`;
    if (key !== floorKey && current.length >= perPage) {
      pages.push(current);
      current = [];
    }
    floorKey = key;
    current.push(unit);
  }
  if (current.length > 0) pages.push(current);
  return pages;
}
