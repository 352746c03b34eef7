import type { Db } from '../../db/database.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import { researchSince } from '../../db/tasks/research-repo.ts';
import { firstTimeSent } from '../../db/tasks/task-repo.ts';
import { transaction } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { priceChanges } from '../../domain/tasks/research-rules.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate, zonedInstant } from '../../lib/format-time.ts';
import { priceChangesMessage } from '../../views/tasks/research-views.ts';
import { orgLocaleOf } from '../org/locale-of.ts';

/** Read at most, per run: a month's research of a large organisation. */
const MONTH_TAKE = 20_000;

/**
 * Monday, beside the weekly analysis: the month's competitor price changes from the 市調 results, to
 * the planning channel (策劃部). Nothing when no competitor's price moved; once a week when retried.
 */
export async function sendPriceChanges(o: { db: Db; clock: Clock; chart: OrgChart; periodKey: string }) {
  const { chart } = o;
  const channel = chart.channel('planning');
  if (!channel) return 0;
  const now = o.clock.now();
  const tz = chart.data.timezone;
  const [year, month] = formatDate(now, tz).split('-').map(Number);
  const results = await researchSince(o.db, chart.data.orgId, zonedInstant(year, month - 1, 1, 0, 0, tz), MONTH_TAKE);
  const changes = priceChanges(results);
  if (changes.length === 0) return 0;
  const label = `${year}-${String(month).padStart(2, '0')}`;
  const args = priceChangesMessage(label, changes, { locale: orgLocaleOf(chart), timeZone: tz });
  return transaction(o.db, async (unit) => {
    if (!(await firstTimeSent(unit, chart.data.orgId, 'research.price-changes', o.periodKey, now))) return 0;
    await enqueueMessage(unit, { method: 'chat.postMessage', channel, args }, now);
    return changes.length;
  });
}
