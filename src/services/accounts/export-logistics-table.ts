import type { Db } from '../../db/unit-of-work.ts';
import { loadExcelJs } from './load-exceljs.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { formatDate } from '../../lib/format-time.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { showLogisticsTable } from './account-logistics.ts';

const HEADINGS: Record<'zh' | 'en', string[]> = {
  zh: ['客戶編碼', '客戶名稱', '市場', '送貨地址', '收貨人', '倉庫', '承運商', '到貨天數', '卸貨說明', '確認日期'],
  en: [
    'Code',
    'Name',
    'Market',
    'Delivery address',
    'Receiver',
    'Warehouse',
    'Carrier',
    'Lead days',
    'Unloading',
    'Confirmed',
  ],
};

/** `/account logistics export`: the table as an Excel file, for those who may see it. */
export async function exportLogisticsTable(o: {
  db: Db;
  chart: OrgChart;
  askerId: string;
  locale: Locale;
}): Promise<{ filename: string; bytes: Buffer; count: number; title: string }> {
  const { chart } = o;
  const rows = await showLogisticsTable(o);
  const book = new (await loadExcelJs()).Workbook();
  const sheet = book.addWorksheet(t(o.locale, 'account.logistics.export_title'));
  sheet.addRow(HEADINGS[o.locale === 'en' ? 'en' : 'zh']);
  for (const r of rows)
    sheet.addRow([
      r.code,
      r.name,
      chart.market(r.market)?.name ?? r.market,
      r.deliveryAddress ?? '',
      r.receiver ?? '',
      r.warehouse ?? '',
      r.carrier ?? '',
      r.leadDays ?? '',
      r.unloading ?? '',
      r.confirmedAt ? formatDate(r.confirmedAt, chart.data.timezone) : '',
    ]);
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  return {
    filename: 'logistics.xlsx',
    bytes,
    count: rows.length,
    title: t(o.locale, 'account.logistics.export_title'),
  };
}
