import { transaction, type Db } from '../../db/unit-of-work.ts';
import { setReminderLevel, staleCustomers } from '../../db/visits/customer-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { dueReminderLevel, type DealStage, type OpenStage } from '../../domain/visits/deal-stages.ts';
import { t } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { stageName } from '../../views/visits/customer-card.ts';
import { localeOf } from '../org/locale-of.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';

/** The deputy (副專) chases stuck deals; the site secretary when there is no deputy. */
export function chaser(chart: OrgChart): string | undefined {
  return chart.firstWithRole('deputy_manager')?.slackId ?? chart.firstWithRole('site_secretary')?.slackId;
}

/** A stage unchanged past its limit reminds the owner; twice the limit reminds the deputy too. */
export async function remindStuckDeals(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  limits: Record<OpenStage, number>;
}): Promise<number> {
  const { chart } = o;
  const now = o.clock.now();
  const shortest = Math.min(...Object.values(o.limits));
  const candidates = await staleCustomers(o.db, chart.data.orgId, new Date(now.getTime() - shortest * 86_400_000));
  let sent = 0;
  for (const customer of candidates) {
    const level = dueReminderLevel(
      customer.stage as DealStage,
      customer.stageChangedAt,
      customer.reminderLevel,
      now,
      o.limits,
    );
    if (level === 0) continue;
    const days = Math.floor((now.getTime() - customer.stageChangedAt.getTime()) / 86_400_000);
    const recipient = level === 1 ? customer.ownerId : chaser(chart);
    await transaction(o.db, async (unit) => {
      if (recipient) {
        const locale = localeOf(chart, recipient);
        const params = {
          customer: escapeMrkdwn(truncate(customer.name, 50)),
          stage: stageName(locale, customer.stage),
          days,
          owner: escapeMrkdwn(chart.nameOf(customer.ownerId)),
        };
        await queueDirectMessage(
          unit,
          recipient,
          { text: t(locale, level === 1 ? 'customer.stuck.owner' : 'customer.stuck.deputy', params) },
          now,
        );
        sent += 1;
      }
      await setReminderLevel(unit, customer.id, level);
    });
  }
  return sent;
}
