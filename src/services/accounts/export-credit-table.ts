import type { Db } from '../../db/unit-of-work.ts';
import { loadExcelJs } from './load-exceljs.ts';
import { gradeLabel } from '../../domain/accounts/credit.ts';
import { centsToDecimal } from '../../domain/deals/money.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { showCreditTable } from './credit-review.ts';

const HEADINGS: Record<'zh' | 'en', string[]> = {
  zh: ['客戶編碼', '客戶名稱', '市場', '負責人', '信用等級', '額度（元）', '賬期（天）'],
  en: ['Code', 'Name', 'Market', 'Owner', 'Grade', 'Limit', 'Terms (days)'],
};

/** `/account credit export`: the table as an Excel file, for those who may see it; limits as exact decimals. */
export async function exportCreditTable(o: {
  db: Db;
  chart: OrgChart;
  askerId: string;
  locale: Locale;
}): Promise<{ filename: string; bytes: Buffer; count: number; title: string }> {
  const { chart } = o;
  const rows = await showCreditTable(o);
  const book = new (await loadExcelJs()).Workbook();
  const sheet = book.addWorksheet(t(o.locale, 'account.credit.export_title'));
  sheet.addRow(HEADINGS[o.locale === 'en' ? 'en' : 'zh']);
  for (const row of rows) {
    // the limit as text of its exact decimal (cents / 100 in integers), never through a float
    const limit = row.limitCents === null ? '' : centsToDecimal(row.limitCents);
    sheet.addRow([
      row.code,
      row.name,
      chart.market(row.market)?.name ?? row.market,
      row.ownerId ? chart.nameOf(row.ownerId) : '',
      row.grade ? gradeLabel(chart.data.creditGrades, row.grade) : '',
      limit,
      row.termsDays ?? '',
    ]);
  }
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  return {
    filename: 'credit-ratings.xlsx',
    bytes,
    count: rows.length,
    title: t(o.locale, 'account.credit.export_title'),
  };
}
