import { CONTRACT_AMOUNT_MAX_CENTS, parseMoneyCents } from './money.ts';

/** One unit as the units file gives it; money in cents, area in hundredths of a m². */
export interface UnitRow {
  building: string;
  number: string;
  floor: number;
  layout: string;
  areaCenti: number;
  listPriceCents: number;
}

/** One refused row: its line in the file and a catalogue reason (org.file.reason.unit_…). */
export interface UnitsFileProblem {
  line: number;
  reason: string;
  value?: string;
}

export type ParseUnitsResult = { ok: true; units: UnitRow[] } | { ok: false; problems: UnitsFileProblem[] };

/** Column names, in English or as a site writes them. */
const HEADERS: Record<keyof UnitRow, string[]> = {
  building: ['building', '棟', '樓棟', '栋'],
  number: ['unit', 'number', '房號', '房号'],
  floor: ['floor', '樓層', '楼层'],
  layout: ['layout', '戶型', '户型'],
  areaCenti: ['area', 'area_m2', '面積', '面积'],
  listPriceCents: ['list_price', 'price', '標價', '表價', '标价'],
};

/** A file of more units than any site has is a mistake. */
export const MAX_UNITS = 20_000;

const clean = (cell: unknown): string => String(cell ?? '').trim();

function columnsOf(header: string[]): { columns?: Record<keyof UnitRow, number>; missing: string[] } {
  const lowered = header.map((h) => clean(h).toLowerCase());
  const columns = {} as Record<keyof UnitRow, number>;
  const missing: string[] = [];
  for (const [field, names] of Object.entries(HEADERS) as [keyof UnitRow, string[]][]) {
    const index = lowered.findIndex((h) => names.includes(h));
    if (index < 0) missing.push(names[0]);
    else columns[field] = index;
  }
  return missing.length > 0 ? { missing } : { columns, missing };
}

function parseArea(text: string): number | undefined {
  const match = /^(\d{1,5})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return undefined;
  const centi = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return centi > 0 ? centi : undefined;
}

/** One row, or every reason it is refused (the import reports them all, not only the first). */
function parseRow(
  cells: string[],
  c: Record<keyof UnitRow, number>,
): UnitRow | { problems: { reason: string; value?: string }[] } {
  const problems: { reason: string; value?: string }[] = [];
  const building = clean(cells[c.building]);
  const number = clean(cells[c.number]);
  if (!building) problems.push({ reason: 'unit_required', value: HEADERS.building[0] });
  if (!number) problems.push({ reason: 'unit_required', value: HEADERS.number[0] });
  if (building.length > 20 || number.length > 20)
    problems.push({ reason: 'unit_too_long', value: `${building}-${number}` });
  const floorText = clean(cells[c.floor]);
  if (!/^-?\d{1,3}$/.test(floorText)) problems.push({ reason: 'unit_floor', value: floorText });
  const layout = clean(cells[c.layout]);
  if (!layout || layout.length > 40) problems.push({ reason: 'unit_required', value: HEADERS.layout[0] });
  const areaText = clean(cells[c.areaCenti]);
  const areaCenti = parseArea(areaText);
  if (areaCenti === undefined) problems.push({ reason: 'unit_area', value: areaText });
  const priceText = clean(cells[c.listPriceCents]);
  const price = parseMoneyCents(priceText, CONTRACT_AMOUNT_MAX_CENTS);
  if (!price.ok) problems.push({ reason: 'unit_price', value: priceText });
  if (problems.length > 0 || areaCenti === undefined || !price.ok) return { problems };
  return { building, number, floor: Number(floorText), layout, areaCenti, listPriceCents: price.cents };
}

/**
 * Reads the units file's rows (the first is the header; `line` is each row's line in the file).
 * Every bad row is reported with its line and every reason it has; any problem refuses the whole file.
 */
export function parseUnitRows(rows: { line: number; cells: string[] }[]): ParseUnitsResult {
  const [header, ...body] = rows.filter((row) => row.cells.some((cell) => clean(cell) !== ''));
  if (!header) return { ok: false, problems: [{ line: 1, reason: 'unit_empty' }] };
  const { columns, missing } = columnsOf(header.cells);
  if (!columns)
    return { ok: false, problems: [{ line: header.line, reason: 'unit_columns', value: missing.join(', ') }] };
  if (body.length > MAX_UNITS)
    return { ok: false, problems: [{ line: header.line, reason: 'unit_too_many', value: String(MAX_UNITS) }] };
  const problems: UnitsFileProblem[] = [];
  const units: UnitRow[] = [];
  const seen = new Set<string>();
  for (const row of body) {
    const parsed = parseRow(row.cells, columns);
    if ('problems' in parsed) {
      problems.push(...parsed.problems.map((problem) => ({ line: row.line, ...problem })));
      continue;
    }
    const key = `${parsed.building}\u0000${parsed.number}`;
    if (seen.has(key)) {
      problems.push({ line: row.line, reason: 'unit_duplicate', value: `${parsed.building}-${parsed.number}` });
      continue;
    }
    seen.add(key);
    units.push(parsed);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, units };
}
