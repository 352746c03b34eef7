import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { parseUnitRows, type ParseUnitsResult } from '../../domain/deals/units-file.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';

/** The units file named in the org file, relative to it. */
export function unitsFilePath(orgFile: string, named: string): string {
  return path.resolve(path.dirname(orgFile), named);
}

type Rows = { line: number; cells: string[] }[];

async function csvRows(file: string): Promise<Rows> {
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  const records = parse(text, { relax_column_count: true, skip_empty_lines: false, info: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
}

async function xlsxRows(file: string): Promise<Rows> {
  const sheet = await readSheet(file);
  return sheet.map((row, i) => ({ line: i + 1, cells: row.map((cell) => (cell === null ? '' : String(cell))) }));
}

/** Reads and checks a units file (CSV, UTF-8 with or without BOM, or the first sheet of an XLSX). */
export async function readUnitsFile(file: string): Promise<ParseUnitsResult> {
  try {
    return parseUnitRows(/\.xlsx$/i.test(file) ? await xlsxRows(file) : await csvRows(file));
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT' || (error as { code?: string }).code === 'EACCES')
      throw new AppError(ErrorCode.OrgFileUnreadable, { file }, (error as Error).message);
    // a CSV quote left open or an XLSX that is not one: the line if the reader knows it
    const line = Number((error as { lines?: number }).lines ?? 1);
    return { ok: false, problems: [{ line, reason: 'unit_unreadable', value: (error as Error).message.slice(0, 80) }] };
  }
}
