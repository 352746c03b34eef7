import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import type { Db } from '../../db/database.ts';
import { openDueItems, setChaseLevel, type OpenItem } from '../../db/deals/payment-repo.ts';
import { transaction } from '../../db/unit-of-work.ts';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import { chaseLevel, daysOverdue } from '../../domain/deals/chasing.ts';
import { DEFAULT_DEAL_SETTINGS } from '../../domain/deals/deal-settings.ts';
import { addDays } from '../../domain/deals/reservation.ts';
import { formatMoney } from '../../domain/deals/money.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t, tFor, type MessageKey } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { localeOf } from '../org/locale-of.ts';
import { currencyOf, projectManagerOf, refreshDealCard, tell } from './deal-messages.ts';

const KEYS: Record<1 | 2 | 3, MessageKey> = {
  1: 'deal.chase.remind',
  2: 'deal.chase.overdue',
  3: 'deal.chase.escalated',
};

const spaced = (money: string, locale: string) => (locale === 'en' ? ` ${money}` : `${money} `);

function paramsFor(chart: OrgChart, item: OpenItem, personId: string, today: string) {
  const locale = localeOf(chart, personId);
  const open = item.amountCents - item.paidCents;
  return {
    id: item.dealId,
    unit: escapeMrkdwn(`${item.building} ${item.unitNumber}`),
    customer: escapeMrkdwn(truncate(item.customerName, 30)),
    owner: escapeMrkdwn(chart.nameOf(item.ownerId)),
    item: tFor(locale, 'deal.item', item.kind),
    // the amount brings its own space, so that an item without one (the sign-by) leaves no stray space
    amount: open > 0 ? spaced(formatMoney(open, currencyOf(chart), locale), locale) : '',
    date: item.dueDate,
    days: daysOverdue(item.dueDate, today),
  };
}

/**
 * 催收, once a day: each open item of a live deal is reminded to its owner the working day before
 * it is due; overdue, it goes to the owner and the deputy; still overdue after the org file's
 * `escalate_after_days` working days, to the PM, noted in the deal's thread. Each message goes once.
 * An item newly overdue rewrites the owner's deal card, so that it shows what is overdue.
 */
export async function chaseDueItems(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  calendar: WorkingCalendar;
}): Promise<number> {
  const { chart } = o;
  if (chart.template !== 'property-site') return 0;
  const now = o.clock.now();
  const today = formatDate(now, chart.data.timezone);
  const settings = chart.data.deals ?? DEFAULT_DEAL_SETTINGS;
  const deputies = chart.people.filter((p) => p.role === 'deputy_manager').map((p) => p.slackId);
  const pm = projectManagerOf(chart);
  let sent = 0;
  // a week ahead covers a reminder across a long holiday
  for (const item of await openDueItems(o.db, chart.data.orgId, addDays(today, 10))) {
    const level = chaseLevel({
      calendar: o.calendar,
      dueDate: item.dueDate,
      today,
      escalateAfter: settings.escalate_after_days,
      alreadySent: item.reminderLevel,
    });
    if (level === 0) continue;
    const to = level === 1 ? [item.ownerId] : level === 2 ? [item.ownerId, ...deputies] : pm ? [pm] : deputies;
    await transaction(o.db, async (tx) => {
      await setChaseLevel(tx, item.id, level);
      // newly overdue: the owner's card shows the amount overdue from today
      if (level >= 2 && item.reminderLevel < 2) await refreshDealCard(tx, chart, item.dealId, now);
      for (const person of new Set(to))
        await tell(tx, chart, person, KEYS[level], paramsFor(chart, item, person, today), now);
      if (level === 3 && item.cardOutboxId) {
        const text = t(
          localeOf(chart, item.ownerId),
          'deal.chase.thread_note',
          paramsFor(chart, item, item.ownerId, today),
        );
        await enqueueMessage(
          tx,
          { method: 'chat.postMessage', channel: item.ownerId, args: { text }, threadOfId: item.cardOutboxId },
          now,
        );
      }
    });
    sent += 1;
  }
  return sent;
}
