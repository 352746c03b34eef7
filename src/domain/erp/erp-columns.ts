import { stripInvisible } from '../../lib/text.ts';

/** A row the import refuses, with its line in the file (the heading is line 1; 0 is the file as a whole). */
export interface ErpProblem {
  line: number;
  reason: string;
  value?: string;
}

/** One row of a file as named fields, with its line. */
export interface ErpRow<F extends string> {
  line: number;
  fields: Partial<Record<F, string>>;
}

/** A heading as compared: no BOM, no invisible characters, no spaces, lower case. */
export const headingKey = (cell: string): string =>
  stripInvisible(cell.replace(/^\uFEFF/, ''))
    .replace(/[\s_]+/g, '')
    .toLowerCase();

/** Which field each column of the heading holds (unknown columns are ignored). */
export function columnsOf<F extends string>(heading: string[], names: Record<F, string[]>): (F | undefined)[] {
  const lookup = new Map<string, F>();
  for (const [field, aliases] of Object.entries(names) as [F, string[]][])
    for (const alias of aliases) lookup.set(headingKey(alias), field);
  return heading.map((cell) => lookup.get(headingKey(cell)));
}

/** Whether the heading has any of these names: how a file's kind is recognised. */
export function hasHeading(heading: string[], aliases: string[]): boolean {
  const wanted = new Set(aliases.map(headingKey));
  return heading.some((cell) => wanted.has(headingKey(cell)));
}

/**
 * The body of a file as named fields, skipping empty lines; or the missing required columns
 * (by their first, Chinese, name) as the one problem of line 1.
 */
export function rowsOf<F extends string>(
  rows: string[][],
  names: Record<F, string[]>,
  required: F[],
): { ok: true; rows: ErpRow<F>[] } | { ok: false; problems: ErpProblem[] } {
  const [heading = [], ...body] = rows;
  const columns = columnsOf(heading, names);
  const missing = required.filter((field) => !columns.includes(field));
  if (missing.length > 0)
    return {
      ok: false,
      problems: [{ line: 1, reason: 'missing_column', value: missing.map((f) => names[f][0]).join(', ') }],
    };
  const out: ErpRow<F>[] = [];
  for (const [index, cells] of body.entries()) {
    if (cells.every((cell) => (cell ?? '').trim() === '')) continue;
    const fields: Partial<Record<F, string>> = {};
    columns.forEach((field, i) => {
      if (field) fields[field] = stripInvisible(cells[i] ?? '').trim();
    });
    out.push({ line: index + 2, fields });
  }
  return { ok: true, rows: out };
}

/** The distinct values of the column named by any of these headings (a file's document numbers). */
export function valuesOf(rows: string[][], aliases: string[]): string[] {
  const [heading = [], ...body] = rows;
  const wanted = new Set(aliases.map(headingKey));
  const column = heading.findIndex((cell) => wanted.has(headingKey(cell)));
  if (column < 0) return [];
  return [...new Set(body.map((cells) => stripInvisible(cells[column] ?? '').trim()).filter(Boolean))];
}

/** The distinct document numbers a column lists, several to a cell (a payment's invoices). */
export function listedValuesOf(rows: string[][], aliases: string[]): string[] {
  return [...new Set(valuesOf(rows, aliases).flatMap((cell) => cell.split(/[\s;,，；、]+/).filter(Boolean)))];
}
