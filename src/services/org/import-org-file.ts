import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { importAccounts, type AccountImportResult } from '../accounts/import-accounts.ts';
import type { Db } from '../../db/unit-of-work.ts';
import { importOrgFile, loadOrgChartData, storedChartOf, type ImportSummary } from '../../db/org/org-repo.ts';
import { OrgChart, type OrgChartData } from '../../domain/org/org-chart.ts';
import { reassignPendingVisits } from '../visits/reassign-pending-visits.ts';
import { reassignReviews } from '../visits/reassign-reviews.ts';
import { parseOrgFileOffThread } from './parse-org-file-off-thread.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { OrgFileError, UnitsFileError } from '../../domain/org/org-file-error.ts';
import { readUnitsFile, unitsFilePath } from '../deals/read-units-file.ts';
import { importUnits } from '../../db/deals/unit-repo.ts';
import { transaction } from '../../db/unit-of-work.ts';
import { importProductsFile, type ProductImportResult } from '../orders/import-products.ts';

export interface ImportOrgFileOptions {
  db: Db;
  clock: Clock;
  path: string;
  /** Who asked, for the audit log: a Slack id, or "system" at start-up. */
  actor: string;
  /** VISIT_PROTECTION_DAYS, shown on a 撞單 review moved to a new reviewer; without it reviews stay put. */
  protectionDays?: number;
  /**
   * Work on the new chart once it is in force (the chart is read once, for this and the reassignments),
   * with the same organisation's chart before it (null: a new one).
   */
  afterImport?: (chart: OrgChart, before: OrgChartData | null) => Promise<void>;
}

/** Units added and updated from the units file. */
export type UnitsSummary = { added: number; updated: number };

/** Reads, checks and imports ORG_FILE. A refused file changes nothing. */
export async function importOrgFileFromDisk({
  db,
  clock,
  path,
  actor,
  protectionDays,
  afterImport,
}: ImportOrgFileOptions): Promise<
  ImportSummary & {
    orgName: string;
    accounts?: AccountImportResult & { file: string };
    units?: UnitsSummary;
    products?: ProductImportResult;
  }
> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AppError(ErrorCode.OrgFileUnreadable, { file: path }, (error as Error).message);
  }
  const parsed = await parseOrgFileOffThread(text);
  if (!parsed.ok) throw new OrgFileError(path, parsed.problems);
  // the units file is checked before anything is written: a bad row refuses the whole reload
  const unitsFile = parsed.org.units ? unitsFilePath(path, parsed.org.units) : undefined;
  const units = unitsFile ? await readUnitsFile(unitsFile) : undefined;
  if (unitsFile && units && !units.ok) throw new UnitsFileError(unitsFile, units.problems);
  const now = clock.now();
  const before = afterImport ? await storedChartOf(db, parsed.org) : null;
  const summary = await importOrgFile(db, parsed.org, now);
  const unitsSummary =
    units?.ok === true
      ? await transaction(db, (unit) => importUnits(unit, summary.orgId, units.units, now))
      : undefined;
  await recordAudit(db, {
    orgId: summary.orgId,
    actor,
    action: 'org.import',
    subject: parsed.org.organisation.name,
    detail: {
      file: path,
      added: summary.added,
      updated: summary.updated,
      deactivated: summary.deactivated,
      units: unitsSummary,
    },
    at: now,
  });
  // undecided registrations follow the new chart to whoever now holds the approving position
  const data = await loadOrgChartData(db, summary.orgId);
  let accounts: (AccountImportResult & { file: string }) | undefined;
  let products: ProductImportResult | undefined;
  if (data) {
    const chart = new OrgChart(data);
    await reassignPendingVisits({ db, clock, chart });
    if (protectionDays !== undefined) await reassignReviews({ db, clock, chart, protectionDays });
    await afterImport?.(chart, before);
    if (parsed.org.accounts)
      accounts = await importNamedAccounts(db, clock, chart, resolve(dirname(path), parsed.org.accounts));
    if (parsed.org.products) {
      const file = resolve(dirname(path), parsed.org.products);
      products = await importProductsFile({ db, clock, orgId: summary.orgId, path: file, actorId: actor });
    }
  }
  return { ...summary, orgName: parsed.org.organisation.name, accounts, units: unitsSummary, products };
}

/** The register the org file names (`accounts: accounts.csv`), imported as the SSG's upload would be. */
async function importNamedAccounts(
  db: Db,
  clock: Clock,
  chart: OrgChart,
  file: string,
): Promise<AccountImportResult & { file: string }> {
  const name = basename(file);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { ok: false, problems: [{ line: 0, reason: 'unreadable', value: name }], file: name };
  }
  return { ...(await importAccounts({ db, clock, chart, actorId: 'system', fileName: name, bytes })), file: name };
}
