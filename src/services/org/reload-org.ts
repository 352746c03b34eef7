import type { Db } from '../../db/unit-of-work.ts';
import type { Config } from '../../config.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { createOnboarding } from '../tasks/onboarding.ts';
import { importOrgFileFromDisk } from './import-org-file.ts';

export interface ReloadOrgOptions {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  orgFile: string;
  /** VISIT_PROTECTION_DAYS (see importOrgFileFromDisk). */
  protectionDays?: number;
  /** The working calendar: with it, newcomers whose role needs onboarding get their training tasks. */
  config?: Pick<Config, 'calendar'>;
}

/** `/org reload`: leadership or an admin listed in the file re-imports ORG_FILE. */
export async function reloadOrg({
  db,
  clock,
  chart,
  askerId,
  orgFile,
  protectionDays,
  config,
}: ReloadOrgOptions): Promise<Awaited<ReturnType<typeof importOrgFileFromDisk>>> {
  if (!chart.mayAdminister(askerId)) throw new AppError(ErrorCode.Forbidden, {}, `${askerId} may not reload`);
  // the import moves the chart's version on: every instance reads the new chart at its next request
  // newcomers whose role needs onboarding get their training tasks, on the chart the import read anyway
  const afterImport = config
    ? async (after: OrgChart) => void (await createOnboarding({ db, clock, config, before: chart, after }))
    : undefined;
  return importOrgFileFromDisk({ db, clock, path: orgFile, actor: askerId, protectionDays, afterImport });
}
