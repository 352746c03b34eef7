import { stringify } from 'csv-stringify/sync';
import type { DbOrTx } from '../db/database.ts';
import { visitsBetween } from '../db/visit-repo.ts';
import type { OrgChart } from '../domain/org/org-chart.ts';
import { nationalFormat } from '../domain/visits/phone.ts';
import { t, type Locale, type MessageKey } from '../i18n/index.ts';
import { AppError, ErrorCode } from '../lib/app-error.ts';
import { formatDateTime, zonedInstant } from '../lib/format-time.ts';

/** Roles that keep the site's records and may take them out as a file. */
const EXPORT_ROLES = new Set(['project_manager', 'deputy_manager', 'site_secretary', 'market_manager']);

export function mayExportVisits(chart: OrgChart, askerId: string): boolean {
  const role = chart.person(askerId)?.role;
  return (role !== undefined && EXPORT_ROLES.has(role)) || chart.isLeadership(askerId);
}

export interface ExportVisitsOptions {
  db: DbOrTx;
  chart: OrgChart;
  askerId: string;
  /** yyyy-MM-dd, inclusive, in the organisation's time zone. */
  from: string;
  to: string;
  locale: Locale;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Spreadsheet formula injection: Excel reads a cell starting with = + - @ TAB or CR as a formula,
 * and where `;` is its list separator (Europe, parts of Asia) `x;=HYPERLINK(…)` is two cells, the
 * second a formula. Either shape gets a leading ' so the whole cell is read as text.
 */
const FORMULA_START = /^[=+\-@\t\r]|[;,]\s*[=+\-@\t\r]/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** `/visit export`: the period's registrations that the asker may see, as CSV with a BOM for Excel. */
export async function exportVisits(o: ExportVisitsOptions): Promise<{ csv: string; count: number; filename: string }> {
  if (!mayExportVisits(o.chart, o.askerId)) throw new AppError(ErrorCode.Forbidden);
  const start = DAY.exec(o.from);
  const end = DAY.exec(o.to);
  if (!start || !end || o.from > o.to) throw new AppError(ErrorCode.InvalidInput, {}, 'bad period', 'visit.export.usage');
  const tz = o.chart.data.timezone;
  const fromInstant = zonedInstant(+start[1], +start[2] - 1, +start[3], 0, 0, tz);
  const toInstant = zonedInstant(+end[1], +end[2] - 1, +end[3] + 1, 0, 0, tz);
  if (Number.isNaN(fromInstant.getTime()) || Number.isNaN(toInstant.getTime())) throw new AppError(ErrorCode.InvalidInput, {}, 'bad date', 'visit.export.usage');
  const visible = o.chart.visibleTo(o.askerId);
  const visits = await visitsBetween(o.db, o.chart.data.orgId, fromInstant, toInstant, visible);
  const label = (key: string) => t(o.locale, key as MessageKey);
  const header = ['#', 'visitAt', 'customerName', 'phone', 'partySize', 'source', 'visitType', 'grade', 'budget', 'unitType', 'notes', 'account', 'purpose', 'outcome', 'nextStep', 'filer', 'approver', 'status'].map((field) =>
    field === '#' ? '#' : field === 'filer' ? label('visit.csv.filer') : field === 'approver' ? label('visit.csv.approver') : field === 'status' ? label('visit.csv.status') : label(`visit.field.${field}`),
  );
  const rows = visits.map((v) => [
    v.number, // the number people know it by, per organisation
    formatDateTime(v.visitAt, tz),
    v.customerName,
    v.phone ? nationalFormat(v.phone) : '',
    v.partySize,
    v.source ? label(`visit.source.${v.source}`) : '',
    v.visitType ? label(`visit.type.${v.visitType}`) : '',
    v.grade,
    v.budget,
    v.unitType,
    v.notes,
    v.account,
    v.purpose ? label(`visit.purpose.${v.purpose}`) : '',
    v.outcome,
    v.nextStep,
    o.chart.nameOf(v.filerId),
    o.chart.nameOf(v.approverId),
    label(`visit.status.${v.status}`),
  ]);
  const safeRows = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell)));
  const csv = `\uFEFF${stringify([header, ...safeRows], { record_delimiter: 'windows' })}`;
  return { csv, count: visits.length, filename: `visits-${o.from}-${o.to}.csv` };
}
