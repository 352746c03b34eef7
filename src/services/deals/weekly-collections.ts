import { owedByOwner, paymentsByOwner } from '../../db/deals/collections-repo.ts';
import { openDueItems } from '../../db/deals/payment-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import { firstTimeInTx } from '../../db/job-run-repo.ts';
import { transaction, type Db, type DbLike } from '../../db/unit-of-work.ts';
import { summariseCollections, type CollectionsInput } from '../../domain/deals/collections.ts';
import { addDays } from '../../domain/deals/reservation.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { previousPeriod } from '../../domain/schedule/schedule-rules.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format-time.ts';
import { weeklyCollectionsMessage } from '../../views/deals/weekly-collections.ts';
import { localeOf } from '../org/locale-of.ts';
import { currencyOf } from './deal-messages.ts';

/** The week before `at` (Monday to Sunday, local), what came in then, and what is overdue at `at`. */
export async function collectionsInput(db: DbLike, chart: OrgChart, at: Date): Promise<CollectionsInput> {
  const tz = chart.data.timezone;
  const { start, end } = previousPeriod('week', at, tz);
  const from = formatDate(start, tz);
  const to = addDays(formatDate(end, tz), -1);
  const today = formatDate(at, tz);
  const orgId = chart.data.orgId;
  const [payments, owed, overdue] = await Promise.all([
    paymentsByOwner(db, orgId, from, to),
    owedByOwner(db, orgId, to),
    openDueItems(db, orgId, addDays(today, -1)),
  ]);
  return { from, to, payments, owed, overdue };
}

/** Who gets which part: the site office and the planning channel the site's, each team lead their team's. */
function audiences(chart: OrgChart): { recipient: string; leadId?: string; owners?: Set<string> }[] {
  const office = ['project_manager', 'deputy_manager', 'site_secretary'] as const;
  const site = [
    chart.channel('planning'),
    ...office.flatMap((role) => chart.withRole(role).map((p) => p.slackId)),
  ].filter((id): id is string => Boolean(id));
  const leads = chart.withRole('team_lead').map((lead) => ({
    recipient: lead.slackId,
    leadId: lead.slackId,
    owners: new Set([lead.slackId, ...chart.allReports(lead.slackId)]),
  }));
  return [...site.map((recipient) => ({ recipient })), ...leads];
}

/**
 * Each Monday: the week's collections (回款) and the arrears (欠款) as they stand, with the collection
 * rate, to the PM, the deputy, the secretary and the planning channel for the whole site, and to each
 * team lead for their team. Once per week and recipient, whatever retries.
 */
export async function sendWeeklyCollections(o: { db: Db; clock: Clock; chart: OrgChart; at: Date }): Promise<number> {
  const { chart } = o;
  if (chart.template !== 'property-site') return 0;
  const input = await collectionsInput(o.db, chart, o.at);
  const now = o.clock.now();
  let sent = 0;
  for (const audience of audiences(chart)) {
    const summary = summariseCollections(input, (owner) => !audience.owners || audience.owners.has(owner));
    const locale = audience.recipient.startsWith('C') ? localeOf(chart, '') : localeOf(chart, audience.recipient);
    const message = weeklyCollectionsMessage(summary, {
      locale,
      currency: currencyOf(chart),
      nameOf: (id) => chart.nameOf(id),
      leadId: audience.leadId,
    });
    await transaction(o.db, async (tx) => {
      const key = `${input.from}:${audience.recipient}`;
      if (!(await firstTimeInTx(tx, chart.data.orgId, 'deals.weekly-collections', key, now))) return;
      await enqueueMessage(tx, { method: 'chat.postMessage', channel: audience.recipient, args: message }, now);
      sent += 1;
    });
  }
  return sent;
}
