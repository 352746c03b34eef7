import { stringify } from 'csv-stringify/sync';
import type { DbLike } from '../../db/unit-of-work.ts';
import { claimsInMonths, type Claim } from '../../db/expenses/claim-repo.ts';
import { mayMarkPaid } from '../../domain/expenses/expense-rules.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { figureInput } from '../../domain/targets/figures.ts';
import { monthsOf, periodKey, type Period } from '../../domain/targets/periods.ts';
import { t, type Locale, type MessageKey } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { neutraliseFormula } from '../visits/export-visits.ts';

/** Leadership, and those who pay claims (the SSG, finance, a site's secretary), export them. */
export const mayExportClaims = (chart: OrgChart, askerId: string): boolean =>
  chart.isLeadership(askerId) || mayMarkPaid(chart, askerId);

/** `/expense export`: a period's claims as CSV with a BOM for Excel, every text cell formula-neutralised. */
export async function exportClaims(o: {
  db: DbLike;
  chart: OrgChart;
  askerId: string;
  period: Period;
  locale: Locale;
}): Promise<{ csv: string; count: number; filename: string; period: string }> {
  const { chart, locale } = o;
  if (!mayExportClaims(chart, o.askerId))
    throw new AppError(ErrorCode.Forbidden, {}, 'may not export claims', 'expense.export.not_allowed');
  const claims = await claimsInMonths(o.db, chart.data.orgId, monthsOf(o.period));
  const label = (key: MessageKey) => t(locale, key);
  const header = [
    '#',
    label('expense.csv.claimant'),
    label('expense.field.spentOn'),
    label('expense.field.category'),
    label('expense.field.amount'),
    label('expense.field.account'),
    label('expense.field.description'),
    label('expense.field.receipt'),
    label('expense.csv.status'),
    label('expense.csv.approvers'),
    label('expense.csv.paid_at'),
  ];
  const row = (c: Claim) => [
    c.number,
    chart.nameOf(c.claimantId),
    c.spentOn,
    c.category,
    figureInput('amount', c.amountCents), // exact decimal text, never a float
    c.account,
    c.description,
    c.receipt,
    label(`expense.status.${c.status}`),
    c.approvers.map((id) => chart.nameOf(id)).join(' → '),
    c.paidAt ? formatDateTime(c.paidAt, chart.data.timezone) : '',
  ];
  const safe = claims.map((c) => row(c).map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell)));
  const csv = `\uFEFF${stringify([header, ...safe], { record_delimiter: 'windows' })}`;
  const key = periodKey(o.period);
  return { csv, count: claims.length, filename: `expenses-${key}.csv`, period: key };
}
