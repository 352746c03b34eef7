import type { Db } from '../../db/unit-of-work.ts';
import { hasHeading } from '../../domain/erp/erp-columns.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { fileKindOf, readAccountFile } from '../accounts/read-account-file.ts';
import type { ErpImporter, ErpImportResult, ErpKind } from './erp-importer.ts';
import { ERP_IMPORTERS } from './erp-importers.ts';

/** Whether someone may import any ERP export at all (the listener asks before downloading). */
export function mayImportErp(chart: OrgChart, actorId: string): boolean {
  return chart.template === 'brand-sales' && ERP_IMPORTERS.some((i) => i.mayImport(chart, actorId));
}

/** The importer a heading row calls for, or undefined when it is none of the ERP's exports. */
export function importerFor(heading: string[]): ErpImporter | undefined {
  return ERP_IMPORTERS.find((importer) => hasHeading(heading, importer.recognisedBy));
}

/**
 * Imports an ERP export uploaded by the SSG (CSV, UTF-8 with or without BOM, or XLSX, first sheet):
 * its headings decide what it is (accounts, products, orders, shipments, invoices, payments). Every
 * row is checked before anything is written; a file with a bad row changes nothing, and a good one
 * is written in one unit of work, idempotent by document number.
 */
export async function importErpFile(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  actorId: string;
  fileName: string;
  bytes: Buffer;
  onKind?: (kind: ErpKind) => void;
  onProgress?: (done: number, total: number) => void;
}): Promise<ErpImportResult> {
  const { chart, actorId } = o;
  if (chart.template !== 'brand-sales')
    throw new AppError(ErrorCode.InvalidInput, {}, 'no ledger on this template', 'account.brand_only');
  const type = fileKindOf(o.fileName);
  if (!type) return { ok: false, kind: undefined, problems: [{ line: 0, reason: 'file_type', value: o.fileName }] };
  let rows: string[][];
  try {
    rows = await readAccountFile(type, o.bytes);
  } catch {
    return { ok: false, kind: undefined, problems: [{ line: 0, reason: 'unreadable', value: o.fileName }] };
  }
  const importer = importerFor(rows[0] ?? []);
  if (!importer) return { ok: false, kind: undefined, problems: [{ line: 1, reason: 'unknown_export' }] };
  if (!importer.mayImport(chart, actorId))
    throw new AppError(ErrorCode.Forbidden, {}, `${actorId} may not import ${importer.kind}`, 'erp.import.forbidden');
  o.onKind?.(importer.kind);
  return importer.run({ ...o, rows });
}
