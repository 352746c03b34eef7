import { existingAccounts, unchangedAccountCodes, upsertAccounts } from '../../db/accounts/account-repo.ts';
import { setFirstCredits } from './import-first-credits.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import type { Db } from '../../db/unit-of-work.ts';
import { transaction } from '../../db/unit-of-work.ts';
import { checkImport, type ImportProblem } from '../../domain/accounts/check-import.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { fileKindOf, readAccountFile } from './read-account-file.ts';

export type AccountImportResult =
  | {
      ok: true;
      added: number;
      updated: number;
      unchanged: number;
      total: number;
      /** credit lines set for distributors not rated before, and those left as they were */
      creditsSet?: number;
      creditsLeft?: number;
    }
  | { ok: false; problems: ImportProblem[] };

/** Who may import the register: the SSG, leadership and the org file's admins ("system" is the org file). */
export function mayImportAccounts(chart: OrgChart, actorId: string): boolean {
  return actorId === 'system' || chart.isSsg(actorId) || chart.mayAdminister(actorId);
}

const SLICE = 2000;

/**
 * Imports the register from an ERP export (CSV or XLSX): every row is checked first, and a file
 * with any bad row changes nothing. Otherwise it is written by code in one transaction, so a file
 * imported twice is the same register. `onProgress` hears how many rows are written, slice by slice.
 */
export async function importAccounts(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  actorId: string;
  fileName: string;
  bytes: Buffer;
  onProgress?: (done: number, total: number) => void;
}): Promise<AccountImportResult> {
  const kind = fileKindOf(o.fileName);
  if (!kind) return { ok: false, problems: [{ line: 0, reason: 'file_type', value: o.fileName }] };
  let rows: string[][];
  try {
    rows = await readAccountFile(kind, o.bytes);
  } catch {
    return { ok: false, problems: [{ line: 0, reason: 'unreadable', value: o.fileName }] };
  }
  return importAccountRows({ ...o, rows });
}

/** The register's import from a file already read into rows (the ERP imports' entry for accounts). */
export async function importAccountRows(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  actorId: string;
  fileName: string;
  rows: string[][];
  onProgress?: (done: number, total: number) => void;
}): Promise<AccountImportResult> {
  const { chart, actorId } = o;
  if (chart.template !== 'brand-sales')
    throw new AppError(ErrorCode.InvalidInput, {}, 'no register on this template', 'account.brand_only');
  if (!mayImportAccounts(chart, actorId)) throw new AppError(ErrorCode.Forbidden, {}, `${actorId} may not import`);
  const orgId = chart.data.orgId;
  const existing = await existingAccounts(o.db, orgId);
  const checked = checkImport(o.rows, chart, existing);
  if (!checked.ok) return checked;
  const unchanged = await unchangedAccountCodes(o.db, { orgId, accounts: checked.accounts });
  // a row the register already holds as it is is counted 未變更 and not written
  const accounts = checked.accounts.filter((a) => !unchanged.has(a.code));
  const now = o.clock.now();
  const credits = await transaction(o.db, async (unit) => {
    for (let start = 0; start < accounts.length; start += SLICE) {
      await upsertAccounts(unit, { orgId, accounts: accounts.slice(start, start + SLICE), source: 'import', now });
      o.onProgress?.(Math.min(start + SLICE, accounts.length), accounts.length);
    }
    const added = accounts.filter((a) => !existing.kinds.has(a.code)).length;
    await recordAudit(unit, {
      orgId,
      actor: actorId,
      action: 'accounts.import',
      subject: o.fileName,
      detail: { rows: accounts.length, added },
      at: now,
    });
    return setFirstCredits(unit, { orgId, lines: checked.credits, actorId, now });
  });
  const added = accounts.filter((a) => !existing.kinds.has(a.code)).length;
  const total = checked.accounts.length;
  return { ok: true, added, updated: accounts.length - added, unchanged: unchanged.size, total, ...credits };
}
