import type ExcelJS from 'exceljs';

let loaded: Promise<typeof ExcelJS> | undefined;

/**
 * ExcelJS, imported on first use: it costs about 20 MB of memory, and only spreadsheet imports and
 * exports need it (most bots never read or write one).
 */
export function loadExcelJs(): Promise<typeof ExcelJS> {
  loaded ??= import('exceljs').then((module) => (module as { default?: typeof ExcelJS }).default ?? module);
  return loaded;
}
