import { dealsForExport, paymentsForExport } from '../../db/deals/export-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import { REFUND_NOTE } from '../../domain/deals/payments.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t, tFor, type Locale, type MessageKey } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import { formatDate, zonedInstant, zonedParts } from '../../lib/format-time.ts';
import { isSiteOffice } from './deal-access.ts';
import { csvOf, MoneyCell, workbookOf, type ExportCell } from './deal-workbook.ts';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

type Period = { from: string; to: string };

/** The period typed (two days, inclusive), or the current month when none; else the word that is wrong. */
function periodOf(words: string[], now: Date, tz: string): Period | { bad: string } | { from: string; after: string } {
  if (words.length === 0) {
    const { year, month } = zonedParts(now, tz);
    const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate(); // calendar arithmetic, not the time
    const ym = `${year}-${String(month + 1).padStart(2, '0')}`;
    return { from: `${ym}-01`, to: `${ym}-${String(last).padStart(2, '0')}` };
  }
  const [from = '', to = from] = words;
  const real = (day: string) => {
    const m = DAY.exec(day);
    if (!m) return false;
    const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return date.getUTCMonth() === +m[2] - 1 && date.getUTCDate() === +m[3];
  };
  const bad = [from, to].find((day) => !real(day)) ?? words[2];
  if (bad !== undefined) return { bad };
  if (from > to) return { from, after: to };
  return { from, to };
}

/** The export: one Excel workbook (a sheet of deals, a sheet of payments), or on asking `csv` two CSV files. */
export type ExportedDealFiles = { from: string; to: string; deals: number; payments: number } & (
  | { format: 'xlsx'; workbook: { bytes: Buffer; filename: string } }
  | { format: 'csv'; csv: { deals: string; payments: string; dealsName: string; paymentsName: string } }
);

/**
 * `/deal export [from] [to] [csv]` (PM, deputy, secretary): the deals anything happened to in the period
 * (reserved, contracted, paid or refunded, cancelled, sold) and the payments received in it, as an .xlsx
 * workbook (amounts as number cells, texts as text cells), or with `csv` as two CSV files with a BOM for Excel
 * (every text cell formula-neutralised); amounts exact from integer cents, no phone numbers.
 */
export async function exportDeals(o: {
  db: DbLike;
  chart: OrgChart;
  askerId: string;
  words: string[];
  now: Date;
  locale: Locale;
}): Promise<ExportedDealFiles> {
  const { chart, locale } = o;
  if (!isSiteOffice(chart, o.askerId))
    throw new AppError(ErrorCode.Forbidden, {}, 'site office only', 'deal.export.not_allowed');
  const tz = chart.data.timezone;
  const format = o.words.some((w) => w.toLowerCase() === 'csv') ? 'csv' : 'xlsx';
  const period = periodOf(
    o.words.filter((w) => !['csv', 'xlsx'].includes(w.toLowerCase())),
    o.now,
    tz,
  );
  if ('bad' in period)
    throw new AppError(ErrorCode.InvalidInput, { word: period.bad }, 'bad day', 'deal.export.bad_day');
  if ('after' in period)
    throw new AppError(
      ErrorCode.InvalidInput,
      { from: period.from, to: period.after },
      'from after to',
      'deal.export.bad_order',
    );
  const [fy, fm, fd] = period.from.split('-').map(Number);
  const [ty, tm, td] = period.to.split('-').map(Number);
  const orgId = chart.data.orgId;
  const [deals, payments] = await Promise.all([
    dealsForExport(o.db, orgId, {
      from: zonedInstant(fy, fm - 1, fd, 0, 0, tz),
      to: zonedInstant(ty, tm - 1, td + 1, 0, 0, tz),
      fromDay: period.from,
      toDay: period.to,
    }),
    paymentsForExport(o.db, orgId, period.from, period.to),
  ]);
  const label = (key: MessageKey) => t(locale, key);
  const dealRows = dealRowsOf(deals, chart, locale);
  const paymentRows = paymentRowsOf(payments, chart, locale, MoneyCell.of);
  const span = `${period.from}-${period.to}`;
  const counts = { ...period, deals: deals.length, payments: payments.length };
  const dealSheet = [DEAL_COLUMNS.map(label), ...dealRows];
  const paymentSheet = [PAYMENT_COLUMNS.map(label), ...paymentRows];
  if (format === 'csv')
    return {
      ...counts,
      format,
      csv: {
        deals: csvOf(dealSheet),
        payments: csvOf(paymentSheet),
        dealsName: `deals-${span}.csv`,
        paymentsName: `payments-${span}.csv`,
      },
    };
  const bytes = await workbookOf([
    { name: label('deal.export.sheet_deals'), rows: dealSheet },
    { name: label('deal.export.sheet_payments'), rows: paymentSheet },
  ]);
  return { ...counts, format, workbook: { bytes, filename: `deals-${span}.xlsx` } };
}

const DEAL_COLUMNS: MessageKey[] = [
  'deal.export.col.deal',
  'deal.export.col.reserved_on',
  'deal.export.col.building',
  'deal.export.col.unit',
  'deal.export.col.customer',
  'deal.export.col.owner',
  'deal.export.col.stage',
  'deal.export.col.list_price',
  'deal.export.col.discount',
  'deal.export.col.price',
  'deal.export.col.deposit',
  'deal.export.col.contract_no',
  'deal.export.col.contracted_on',
  'deal.export.col.total',
  'deal.export.col.method',
  'deal.export.col.paid',
];

const PAYMENT_COLUMNS: MessageKey[] = [
  'deal.export.col.payment',
  'deal.export.col.deal',
  'deal.export.col.contract_no',
  'deal.export.col.building',
  'deal.export.col.unit',
  'deal.export.col.customer',
  'deal.export.col.owner',
  'deal.export.col.kind',
  'deal.export.col.amount',
  'deal.export.col.received_on',
  'deal.export.col.by',
  'deal.export.col.note',
];

/** One row per payment or refund: its deal, unit, customer, owner, kind, amount, day, who recorded it, note. */
function paymentRowsOf(
  payments: Awaited<ReturnType<typeof paymentsForExport>>,
  chart: OrgChart,
  locale: Locale,
  money: (cents: number | null) => MoneyCell | '',
): ExportCell[][] {
  return payments.map((p) => [
    p.id,
    p.dealId,
    p.contractNo ?? '',
    p.building,
    p.unitNumber,
    p.customerName,
    chart.nameOf(p.ownerId),
    // the bank's loan disbursed is its own kind, told from the buyer's payments
    tFor(locale, 'deal.export.kind', p.payer === 'bank' ? 'loan' : p.kind),
    money(Math.abs(p.amountCents)), // a refund is kept negative; its kind says so
    p.receivedOn,
    chart.nameOf(p.by),
    // the note the app writes itself (a refund) is read in the asker's language
    p.note === REFUND_NOTE ? tFor(locale, 'deal.export.note', p.note) : (p.note ?? ''),
  ]);
}

/** One row per deal: when reserved, the unit, customer, owner, stage, the prices, the contract and what is paid. */
function dealRowsOf(
  deals: Awaited<ReturnType<typeof dealsForExport>>,
  chart: OrgChart,
  locale: Locale,
): ExportCell[][] {
  const tz = chart.data.timezone;
  const money = MoneyCell.of;
  return deals.map((d): ExportCell[] => [
    d.id,
    formatDate(d.createdAt, tz),
    d.building,
    d.unitNumber,
    d.customerName,
    chart.nameOf(d.ownerId),
    tFor(locale, 'deal.stage', d.stage),
    money(d.listPriceCents),
    money(d.discountCents),
    money(d.priceCents),
    money(d.depositCents),
    d.contractNo ?? '',
    d.contractedAt ? formatDate(d.contractedAt, tz) : '',
    money(d.totalCents),
    d.paymentMethod ? tFor(locale, 'deal.method', d.paymentMethod) : '',
    money(d.paidCents),
  ]);
}
