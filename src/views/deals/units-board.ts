import { formatMoney } from '../../domain/deals/money.ts';
import { UNIT_STATES, type UnitState } from '../../domain/deals/unit-states.ts';
import { t, tFor, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { capBlocks, context, header, section, type Block } from '../blocks.ts';

/** One mark per state, so the board reads at a glance. */
export const STATE_MARK: Record<UnitState, string> = {
  available: '🟩',
  held: '⬜',
  reserved: '🟨',
  contracted: '🟧',
  sold: '🟥',
};

export const unitStateName = (locale: Locale, state: string): string => tFor(locale, 'units.state', state);

interface BoardUnit {
  building: string;
  number: string;
  floor: number;
  state: UnitState;
}

export interface BoardInput {
  units: BoardUnit[];
  totals: { state: UnitState; count: number; amountCents: number }[];
  page: number;
  pages: number;
  currency: string;
  query: { building?: string; layout?: string; state?: UnitState };
  buildings: string[];
}

/** Floor lines, packed into sections of at most `max` characters (Block Kit allows 3,000). */
function floorSections(units: BoardUnit[], max = 2_800): string[] {
  const lines: string[] = [];
  let building = '';
  let floor = Number.NaN;
  for (const unit of units) {
    if (unit.building !== building) {
      lines.push(`*${escapeMrkdwn(unit.building)}*`);
      building = unit.building;
      floor = Number.NaN;
    }
    const cell = `${STATE_MARK[unit.state]}${escapeMrkdwn(unit.number)}`;
    if (unit.floor !== floor) {
      lines.push(`\`${String(unit.floor).padStart(3, ' ')}F\` ${cell}`);
      floor = unit.floor;
    } else lines[lines.length - 1] += ` ${cell}`;
  }
  const sections: string[] = [];
  for (const line of lines) {
    const last = sections.length - 1;
    if (last >= 0 && sections[last].length + line.length + 1 <= max) sections[last] += `\n${line}`;
    else sections.push(line.slice(0, max));
  }
  return sections;
}

export function totalLines(totals: BoardInput['totals'], currency: string, locale: Locale): string[] {
  return UNIT_STATES.map((state) => {
    const total = totals.find((x) => x.state === state) ?? { count: 0, amountCents: 0 };
    return t(locale, 'units.board.total', {
      mark: STATE_MARK[state],
      state: unitStateName(locale, state),
      count: total.count,
      amount: formatMoney(total.amountCents, currency, locale),
    });
  });
}

/** The sales-control board (銷控表): totals per state, then one cell per unit, a page at a time. */
export function unitsBoardBlocks(board: BoardInput, locale: Locale): { text: string; blocks: Block[] } {
  const { query } = board;
  const cells = floorSections(board.units);
  // the cells are headed by their building: the filter line names it only when no cell shows
  const building = cells.length > 0 ? undefined : query.building;
  const filters = [building, query.layout, query.state ? unitStateName(locale, query.state) : undefined]
    .filter(Boolean)
    .map((f) => escapeMrkdwn(String(f)))
    .join(' · ');
  const title = t(locale, 'units.board.title');
  const totals = totalLines(board.totals, board.currency, locale);
  const blocks: Block[] = [
    header(title),
    section(`${filters ? `${filters}\n` : ''}${totals.join('\n')}`, 'units_totals'),
    ...(cells.length > 0 ? cells.map((text) => section(text)) : [section(t(locale, 'units.board.none'))]),
    context(
      t(locale, 'units.board.footer', {
        page: board.page,
        pages: board.pages,
        buildings: board.buildings.map(escapeMrkdwn).join('、'),
      }),
    ),
  ];
  return { text: title, blocks: capBlocks(blocks) };
}
