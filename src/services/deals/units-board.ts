import type { Db } from '../../db/database.ts';
import { boardDimensions, boardTotals, type StateTotal } from '../../db/deals/board-repo.ts';
import { listUnits, type Unit } from '../../db/deals/unit-repo.ts';
import { boardPages, parseBoardQuery, type BoardQuery } from '../../domain/deals/board-query.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { HomeBuilding } from '../../views/deals/units-home.ts';
import { mayViewBoard } from './deal-access.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';

export interface UnitsBoard {
  query: BoardQuery;
  units: Unit[];
  page: number;
  pages: number;
  totals: StateTotal[];
  buildings: string[];
  layouts: string[];
  currency: string;
}

/** The sales-control board (銷控表) for those who run the site: one page of units, and totals per state. */
export async function unitsBoard(o: {
  db: Db;
  chart: OrgChart;
  viewerId: string;
  words: string[];
}): Promise<UnitsBoard> {
  if (!mayViewBoard(o.chart, o.viewerId))
    throw new AppError(ErrorCode.Forbidden, {}, 'board is for the site office and team leads', 'units.not_allowed');
  const orgId = o.chart.data.orgId;
  const dims = await boardDimensions(o.db, orgId);
  const parsed = parseBoardQuery(o.words, dims);
  if (!parsed.ok)
    throw new AppError(ErrorCode.InvalidInput, { word: parsed.word }, 'unknown filter', 'units.unknown_word');
  const { building, layout, state } = parsed.query;
  const filter = { building, layout, state };
  const [units, totals] = await Promise.all([listUnits(o.db, orgId, filter), boardTotals(o.db, orgId, filter)]);
  const pages = boardPages(units);
  const last = Math.max(1, pages.length);
  // a page past the last is said, never quietly swapped for another
  if (parsed.query.page > last)
    throw new AppError(
      ErrorCode.InvalidInput,
      { page: parsed.query.page, pages: last },
      'no such page',
      'units.no_page',
    );
  const page = parsed.query.page;
  return {
    query: parsed.query,
    units: pages[page - 1] ?? [],
    page,
    pages: last,
    totals,
    ...dims,
    currency: currencyOf(o.chart),
  };
}

/** The App Home's board section: the site's totals per state and each building's units, for those who may see it. */
export async function boardSummary(o: {
  db: Db;
  chart: OrgChart;
  viewerId: string;
}): Promise<{ totals: StateTotal[]; buildings: HomeBuilding[] } | undefined> {
  if (!mayViewBoard(o.chart, o.viewerId)) return undefined;
  const orgId = o.chart.data.orgId;
  const [totals, units] = await Promise.all([boardTotals(o.db, orgId), listUnits(o.db, orgId)]);
  if (totals.length === 0) return undefined;
  // listed by building, floor from the top, then unit number: the board's order
  const buildings: HomeBuilding[] = [];
  for (const unit of units) {
    if (buildings.at(-1)?.building !== unit.building) buildings.push({ building: unit.building, units: [] });
    buildings[buildings.length - 1].units.push({ floor: unit.floor, state: unit.state });
  }
  return { totals, buildings };
}
