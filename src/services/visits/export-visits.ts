import { stringify } from 'csv-stringify/sync';
import type { DbLike } from '../../db/unit-of-work.ts';
import { visitsBetween } from '../../db/visits/visit-report-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { nationalFormat } from '../../domain/visits/phone.ts';
import { t, tFor, type Locale, type MessageKey } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import { formatDateTime, zonedInstant, zonedParts } from '../../lib/format-time.ts';
import { visitKindOf } from '../../domain/visits/visit-kind.ts';
import type { Visit } from '../../db/visits/visit-repo.ts';
import { visitKey } from '../../views/visits/visit-terms.ts';
import { ownershipReviewer } from './check-duplicate.ts';

/** Roles that keep the site's records and may take them out as a file. */
const EXPORT_ROLES = new Set(['project_manager', 'deputy_manager', 'site_secretary', 'market_manager']);

export function mayExportVisits(chart: OrgChart, askerId: string): boolean {
  const role = chart.person(askerId)?.role;
  return (role !== undefined && EXPORT_ROLES.has(role)) || chart.isLeadership(askerId);
}

export interface ExportVisitsOptions {
  db: DbLike;
  chart: OrgChart;
  askerId: string;
  /** yyyy-MM-dd, inclusive, in the organisation's time zone; both empty: the current month. */
  from: string;
  to: string;
  locale: Locale;
  /** Now, from the injected clock: what "the current month" is. */
  now: Date;
}

/** A bare `/visit export`: the month `now` falls in, in the organisation's time zone. */
function currentMonth(now: Date, timeZone: string): { from: string; to: string } {
  const { year, month } = zonedParts(now, timeZone); // month counts from 0
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate(); // calendar arithmetic, not the time
  const ym = `${year}-${String(month + 1).padStart(2, '0')}`;
  return { from: `${ym}-01`, to: `${ym}-${String(lastDay).padStart(2, '0')}` };
}

/** Each template's own columns: a site's visitor fields, a brand's account-visit fields. */
const COLUMNS = {
  property: ['customerName', 'phone', 'partySize', 'source', 'visitType', 'grade', 'budget', 'unitType', 'notes'],
  brand: ['account', 'purpose', 'outcome', 'nextStep'],
} as const;

/**
 * Who reviewed it: whoever decided (the approver, or the one who ruled a 撞單 against the filer);
 * while a 撞單 waits, the one who rules on it; otherwise the approver it waits for.
 */
function reviewerOf(chart: OrgChart, v: Visit): string {
  if (v.decidedBy) return v.decidedBy;
  return v.status === 'ownership_review' ? (ownershipReviewer(chart, v.filerId) ?? v.approverId) : v.approverId;
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

export interface ExportedVisits {
  csv: string;
  count: number;
  filename: string;
  /** The period exported, a bare export's month filled in. */
  from: string;
  to: string;
}

/** `/visit export`: the period's registrations that the asker may see, as CSV with a BOM for Excel. */
export async function exportVisits(o: ExportVisitsOptions): Promise<ExportedVisits> {
  if (!mayExportVisits(o.chart, o.askerId)) throw new AppError(ErrorCode.Forbidden);
  const period = o.from === '' && o.to === '' ? currentMonth(o.now, o.chart.data.timezone) : { from: o.from, to: o.to };
  const start = DAY.exec(period.from);
  const end = DAY.exec(period.to);
  if (!start || !end || period.from > period.to)
    throw new AppError(ErrorCode.InvalidInput, {}, 'bad period', 'visit.export.usage');
  const tz = o.chart.data.timezone;
  const fromInstant = zonedInstant(+start[1], +start[2] - 1, +start[3], 0, 0, tz);
  const toInstant = zonedInstant(+end[1], +end[2] - 1, +end[3] + 1, 0, 0, tz);
  if (Number.isNaN(fromInstant.getTime()) || Number.isNaN(toInstant.getTime()))
    throw new AppError(ErrorCode.InvalidInput, {}, 'bad date', 'visit.export.usage');
  const visible = o.chart.visibleTo(o.askerId);
  const visits = await visitsBetween(o.db, o.chart.data.orgId, fromInstant, toInstant, visible);
  const label = (key: MessageKey) => t(o.locale, key);
  const kind = visitKindOf(o.chart.template);
  const fields = COLUMNS[kind];
  const cell = (v: Visit, field: (typeof fields)[number]): string | number => {
    if (field === 'phone') return v.phone ? nationalFormat(v.phone) : '';
    if (field === 'source') return v.source ? tFor(o.locale, 'visit.source', v.source) : '';
    if (field === 'visitType') return v.visitType ? tFor(o.locale, 'visit.type', v.visitType) : '';
    if (field === 'purpose') return v.purpose ? tFor(o.locale, 'visit.purpose', v.purpose) : '';
    return v[field];
  };
  const header = [
    '#',
    label(visitKey(kind, 'visit.field.visitAt')),
    ...fields.map((f) => label(`visit.field.${f}`)),
    label('visit.csv.filer'),
    label('visit.csv.approver'),
    label('visit.csv.status'),
  ];
  const rows = visits.map((v) => [
    v.number, // the number people know it by, per organisation
    formatDateTime(v.visitAt, tz),
    ...fields.map((f) => cell(v, f)),
    o.chart.nameOf(v.filerId),
    o.chart.nameOf(reviewerOf(o.chart, v)),
    tFor(o.locale, 'visit.status', v.status),
  ]);
  const safeRows = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell)));
  const csv = `\uFEFF${stringify([header, ...safeRows], { record_delimiter: 'windows' })}`;
  return { csv, count: visits.length, filename: `visits-${period.from}-${period.to}.csv`, ...period };
}
