import { UNIT_STATES, type UnitState } from '../../domain/deals/unit-states.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import type { ModalView } from '@slack/types';
import { button, plain, section, type Block } from '../blocks.ts';
import { STATE_MARK, totalLines, unitsBoardBlocks, type BoardInput } from './units-board.ts';

/** The button beside a building on App Home: opens that building's board (`/units <building>`) in a modal. */
export const UNITS_OPEN_ACTION = 'units_open';

/** A building's units in board order (floors from the top, then unit number): a floor and a state each. */
export interface HomeBuilding {
  building: string;
  units: { floor: number; state: UnitState }[];
}

/** App Home shows at most this many buildings' cells; the rest are summed in one line each. */
export const HOME_BUILDINGS_SHOWN = 10;
/** A building's cells fit one section (Block Kit allows 3,000 characters); beyond it, its counts only. */
const CELLS_MAX = 2_600;

/** Per state present, its mark and count: `🟩 60 · 🟨 8`. */
function countsLine(units: HomeBuilding['units']): string {
  const count = (state: UnitState) => units.filter((u) => u.state === state).length;
  return UNIT_STATES.filter((s) => count(s) > 0)
    .map((s) => `${STATE_MARK[s]} ${count(s)}`)
    .join(' · ');
}

/** One line per floor, from the top: `` `12F` 🟩🟩🟨🟥 ``, a mark per unit in unit order. */
function cellLines(units: HomeBuilding['units']): string {
  const lines: string[] = [];
  let floor = Number.NaN;
  for (const unit of units) {
    if (unit.floor !== floor) {
      lines.push(`\`${String(unit.floor).padStart(3, ' ')}F\` `);
      floor = unit.floor;
    }
    lines[lines.length - 1] += STATE_MARK[unit.state];
  }
  return lines.join('\n');
}

function buildingBlock(b: HomeBuilding, locale: Locale, index: number): Block {
  const name = escapeMrkdwn(truncate(b.building, 40));
  const head = t(locale, 'home.units.building', { building: name, count: b.units.length, counts: countsLine(b.units) });
  const cells = cellLines(b.units);
  const body = cells.length <= CELLS_MAX ? cells : t(locale, 'home.units.too_many', { building: name });
  return {
    type: 'section',
    block_id: `home_units_${index}`,
    text: { type: 'mrkdwn', text: `${head}\n${body}` },
    accessory: button(
      t(locale, 'home.units.open', { building: truncate(b.building, 20) }),
      UNITS_OPEN_ACTION,
      b.building,
    ),
  };
}

/**
 * App Home's board: the site's counts and amounts per state, then per building its counts and one mark per
 * unit, floor by floor, with a button to open the building's board. Within App Home's 100 blocks: at most
 * HOME_BUILDINGS_SHOWN buildings get cells, the others a line of counts each, and it says so.
 */
export function homeUnitsBlocks(
  totals: Parameters<typeof totalLines>[0],
  buildings: HomeBuilding[],
  o: { currency: string; locale: Locale },
): Block[] {
  const { locale } = o;
  const legend = UNIT_STATES.map((s) => `${STATE_MARK[s]} ${t(locale, `units.state.${s}`)}`).join('  ');
  const blocks: Block[] = [
    section(
      `${t(locale, 'home.units')}\n${totalLines(totals, o.currency, locale).join('\n')}\n${legend}`,
      'home_units',
    ),
    ...buildings.slice(0, HOME_BUILDINGS_SHOWN).map((b, i) => buildingBlock(b, locale, i)),
  ];
  const rest = buildings.slice(HOME_BUILDINGS_SHOWN);
  if (rest.length > 0) {
    const lines = rest.map((b) =>
      t(locale, 'home.units.building', {
        building: escapeMrkdwn(truncate(b.building, 40)),
        count: b.units.length,
        counts: countsLine(b.units),
      }),
    );
    const more = t(locale, 'home.units.more', { count: rest.length, shown: HOME_BUILDINGS_SHOWN });
    blocks.push(section(truncate(`${more}\n${lines.join('\n')}`, 2_900), 'home_units_more'));
  }
  return blocks;
}

/** The board of one building, opened from App Home: a modal with no submit (filters stay with `/units`). */
export function unitsBoardModal(board: BoardInput, locale: Locale): ModalView {
  return {
    type: 'modal',
    title: plain(t(locale, 'units.board.title'), 24),
    close: plain(t(locale, 'units.modal.close'), 24),
    blocks: unitsBoardBlocks(board, locale).blocks,
  };
}
