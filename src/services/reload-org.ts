import type { Db } from '../db/database.ts';
import type { ImportSummary } from '../db/org-repo.ts';
import type { OrgChart } from '../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../lib/app-error.ts';
import type { Clock } from '../lib/clock.ts';
import { importOrgFileFromDisk } from './import-org-file.ts';
import type { OrgDirectory } from './org-directory.ts';

export interface ReloadOrgOptions {
  db: Db;
  clock: Clock;
  directory: OrgDirectory;
  chart: OrgChart;
  askerId: string;
  orgFile: string;
}

/** `/org reload`: leadership or an admin listed in the file re-imports ORG_FILE. */
export async function reloadOrg({ db, clock, directory, chart, askerId, orgFile }: ReloadOrgOptions): Promise<ImportSummary> {
  if (!chart.isLeadership(askerId) && !chart.isAdmin(askerId)) throw new AppError(ErrorCode.Forbidden, {}, `${askerId} may not reload`);
  const summary = await importOrgFileFromDisk({ db, clock, path: orgFile, actor: askerId });
  directory.invalidate();
  return summary;
}
