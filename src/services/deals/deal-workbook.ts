import { stringify } from 'csv-stringify/sync';
import { centsToDecimal } from '../../domain/deals/money.ts';
import { loadExcelJs } from '../accounts/load-exceljs.ts';
import { neutraliseFormula } from '../visits/export-visits.ts';

/** An amount in an export: exact decimals from integer cents, written as text in a CSV, a number in Excel. */
export class MoneyCell {
  constructor(readonly decimal: string) {}
  static of(cents: number | null): MoneyCell | '' {
    return cents === null ? '' : new MoneyCell(centsToDecimal(cents));
  }
}

export type ExportCell = string | number | MoneyCell;

/** A CSV for Excel: a BOM, Windows line ends, every text cell formula-neutralised. */
export function csvOf(rows: ExportCell[][]): string {
  const plain = rows.map((row) =>
    row.map((cell) =>
      cell instanceof MoneyCell ? cell.decimal : typeof cell === 'string' ? neutraliseFormula(cell) : cell,
    ),
  );
  return `\uFEFF${stringify(plain, { record_delimiter: 'windows' })}`;
}

/**
 * A workbook of named sheets, the first row of each a heading. Texts are text cells (a value typed as
 * `=…` stays text, never a formula); an amount is a number cell read from its exact decimal, shown with
 * two decimals, so Excel sums it.
 */
export async function workbookOf(sheets: { name: string; rows: ExportCell[][] }[]): Promise<Buffer> {
  const book = new (await loadExcelJs()).Workbook();
  for (const { name, rows } of sheets) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) {
      const added = sheet.addRow(row.map((cell) => (cell instanceof MoneyCell ? Number(cell.decimal) : cell)));
      row.forEach((cell, index) => {
        if (cell instanceof MoneyCell) added.getCell(index + 1).numFmt = '#,##0.00';
      });
    }
    sheet.getRow(1).font = { bold: true };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
