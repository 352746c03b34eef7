import type { DbLike } from '../../db/unit-of-work.ts';
import { dealHistory } from '../../db/deals/deal-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import type { AppError } from '../../lib/app-error.ts';
import { alreadyHandled } from '../org/already-handled.ts';

/** A second click on a deal that moved on: who moved it last, and when (its latest recorded change). */
export async function dealAlreadyHandled(
  db: DbLike,
  chart: OrgChart,
  o: { dealId: number; askerId: string; detail?: string },
): Promise<AppError> {
  const last = (await dealHistory(db, o.dealId)).at(-1);
  return alreadyHandled(chart, { by: last?.by, at: last?.at, askerId: o.askerId, detail: o.detail });
}
