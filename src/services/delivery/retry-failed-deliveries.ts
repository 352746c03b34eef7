import { transaction, type Db } from '../../db/unit-of-work.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { requeueFailed } from '../../db/delivery/outbox-failure-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';

export interface RetryFailedDeliveriesOptions {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
}

/**
 * `/org retry-failed`: once the cause is fixed (the bot invited, the token renewed), leadership or
 * an admin sends every failed message again, in order. Returns how many were queued.
 */
export async function retryFailedDeliveries(o: RetryFailedDeliveriesOptions): Promise<number> {
  const { chart, askerId } = o;
  if (!chart.mayAdminister(askerId)) {
    throw new AppError(ErrorCode.Forbidden, {}, `${askerId} may not retry deliveries`);
  }
  const now = o.clock.now();
  return transaction(o.db, async (unit) => {
    const count = await requeueFailed(unit, now);
    const audit = {
      orgId: chart.data.orgId,
      actor: askerId,
      action: 'outbox.retry_failed',
      subject: 'outbox',
      detail: { count },
      at: now,
    };
    await recordAudit(unit, audit);
    return count;
  });
}
