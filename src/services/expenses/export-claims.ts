import type { DbLike } from '../../db/unit-of-work.ts';
import { claimsInMonths } from '../../db/expenses/claim-repo.ts';
import { mayMarkPaid } from '../../domain/expenses/expense-rules.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { centsToDecimal } from '../../domain/deals/money.ts';
import { monthsOf, periodKey, type Period } from '../../domain/targets/periods.ts';
import { t, type Locale, type MessageKey } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import { zonedParts } from '../../lib/format-time.ts';
import { loadExcelJs } from '../accounts/load-exceljs.ts';

/** Leadership, and those who pay claims (the SSG, finance, a site's secretary), export them. */
export const mayExportClaims = (chart: OrgChart, askerId: string): boolean =>
  chart.isLeadership(askerId) || mayMarkPaid(chart, askerId);

/** A calendar day (2026-11-12) as Excel's date: midnight UTC, which ExcelJS writes as that day's serial. */
const excelDay = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** An instant as the organisation's wall-clock time, which Excel (without time zones) shows as is. */
function excelLocalTime(at: Date, timeZone: string): Date {
  const p = zonedParts(at, timeZone);
  return new Date(Date.UTC(p.year, p.month, p.day, p.hour, p.minute));
}

/**
 * `/expense export`: a period's claims as an Excel workbook. Amounts are numbers with two decimals,
 * converted from integer cents at the cell only (the exact decimal text, read once); days and the time
 * paid are dates; every other value is a text cell, so a description typed as `=HYPERLINK(…)` stays text.
 */
export async function exportClaims(o: {
  db: DbLike;
  chart: OrgChart;
  askerId: string;
  period: Period;
  locale: Locale;
}): Promise<{ bytes: Buffer; count: number; filename: string; period: string }> {
  const { chart, locale } = o;
  if (!mayExportClaims(chart, o.askerId))
    throw new AppError(
      ErrorCode.Forbidden,
      {},
      'may not export claims',
      // a site's payer is its secretary (女專): it has no SSG
      chart.template === 'property-site' ? 'expense.export.not_allowed_site' : 'expense.export.not_allowed',
    );
  const claims = await claimsInMonths(o.db, chart.data.orgId, monthsOf(o.period));
  const label = (key: MessageKey) => t(locale, key);
  const tz = chart.data.timezone;
  const book = new (await loadExcelJs()).Workbook();
  const sheet = book.addWorksheet(label('expense.export.sheet'));
  sheet.columns = [
    { header: '#', width: 6 },
    { header: label('expense.csv.claimant'), width: 12 },
    { header: label('expense.field.spentOn'), width: 12, style: { numFmt: 'yyyy-mm-dd' } },
    { header: label('expense.field.category'), width: 10 },
    { header: label('expense.field.amount'), width: 14, style: { numFmt: '#,##0.00' } },
    { header: label('expense.field.account'), width: 18 },
    { header: label('expense.field.description'), width: 30 },
    { header: label('expense.field.receipt'), width: 14 },
    { header: label('expense.csv.status'), width: 10 },
    { header: label('expense.csv.approvers'), width: 20 },
    { header: label('expense.csv.paid_at'), width: 17, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
  ];
  for (const c of claims)
    sheet.addRow([
      c.number,
      chart.nameOf(c.claimantId),
      excelDay(c.spentOn),
      c.category,
      Number(centsToDecimal(c.amountCents)), // the cents' exact decimal, read as Excel's number at the cell
      c.account,
      c.description,
      c.receipt,
      label(`expense.status.${c.status}`),
      c.approvers.map((id) => chart.nameOf(id)).join(' → '),
      c.paidAt ? excelLocalTime(c.paidAt, tz) : null,
    ]);
  const key = periodKey(o.period);
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  return { bytes, count: claims.length, filename: `expenses-${key}.xlsx`, period: key };
}
