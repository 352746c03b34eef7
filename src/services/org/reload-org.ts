import type { Db } from '../../db/database.ts';
import type { ImportSummary } from '../../db/org/org-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { importOrgFileFromDisk, type UnitsSummary } from './import-org-file.ts';

export interface ReloadOrgOptions {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  orgFile: string;
  /** VISIT_PROTECTION_DAYS (see importOrgFileFromDisk). */
  protectionDays?: number;
}

/** `/org reload`: leadership or an admin listed in the file re-imports ORG_FILE. */
export async function reloadOrg({
  db,
  clock,
  chart,
  askerId,
  orgFile,
  protectionDays,
}: ReloadOrgOptions): Promise<ImportSummary & { units?: UnitsSummary }> {
  if (!chart.mayAdminister(askerId)) throw new AppError(ErrorCode.Forbidden, {}, `${askerId} may not reload`);
  // the import moves the chart's version on: every instance reads the new chart at its next request
  return importOrgFileFromDisk({ db, clock, path: orgFile, actor: askerId, protectionDays });
}
