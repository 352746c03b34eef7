import { firstTimeInTx } from '../../db/job-run-repo.ts';
import { heldOrders, type HeldOrder } from '../../db/orders/order-repo.ts';
import { transaction, type Db, type DbLike } from '../../db/unit-of-work.ts';
import { formatMoney } from '../../domain/deals/money.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { t, type Locale } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { holdReason } from '../../views/orders/hold-reason.ts';
import { localeOf } from '../org/locale-of.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { approverOf } from './order-cards.ts';

const STEPS = ['ssg_leader', 'sales_director'] as const;
const TAKE = 15;
/** A held order is reminded once it has waited this long for its step's approver. */
const WAIT_MS = 86_400_000;

/** The approval steps whose approver (as the card names them) is this person. */
const stepsOf = (chart: OrgChart, userId: string) => STEPS.filter((step) => approverOf(chart, step) === userId);

/** Held orders waiting for this person's decision, oldest first, at most `take`. */
async function heldFor(db: DbLike, chart: OrgChart, userId: string, take: number, before?: Date) {
  const orgId = chart.data.orgId;
  const lists = await Promise.all(stepsOf(chart, userId).map((step) => heldOrders(db, { orgId, step, before, take })));
  return lists.flat().slice(0, take);
}

function heldLine(order: HeldOrder, locale: Locale, currency: string): string {
  return t(locale, 'home.pending.order', {
    number: order.number,
    account: escapeMrkdwn(truncate(order.accountName || order.accountCode, 30)),
    amount: formatMoney(order.totalCents, currency, locale),
    why: holdReason(order, locale, currency),
  });
}

/** App Home: one line per order held for this person's credit approval (the SSG leader's, the director's). */
export async function heldOrderLines(o: { db: DbLike; chart: OrgChart; userId: string; locale: Locale }) {
  if (o.chart.template !== 'brand-sales') return [];
  return (await heldFor(o.db, o.chart, o.userId, TAKE)).map((order) => heldLine(order, o.locale, currencyOf(o.chart)));
}

/**
 * Every morning: each approver whose held orders have waited over a day gets one DM listing them,
 * once per day (a retried run sends no second one). Returns whom it reminded.
 */
export async function remindHeldOrders(o: { db: Db; clock: Clock; chart: OrgChart }): Promise<string[]> {
  const { chart } = o;
  if (chart.template !== 'brand-sales') return [];
  const now = o.clock.now();
  const day = formatDate(now, chart.data.timezone);
  const approvers = [...new Set(STEPS.map((step) => approverOf(chart, step)).filter((id): id is string => !!id))];
  const reminded: string[] = [];
  for (const approverId of approvers) {
    const waiting = await heldFor(o.db, chart, approverId, TAKE, new Date(now.getTime() - WAIT_MS));
    if (waiting.length === 0) continue;
    const locale = localeOf(chart, approverId);
    const text = [
      t(locale, 'order.remind.held', { count: waiting.length }),
      ...waiting.map((w) => heldLine(w, locale, currencyOf(chart))),
    ];
    const sent = await transaction(o.db, async (tx) => {
      if (!(await firstTimeInTx(tx, chart.data.orgId, 'orders.held-reminders', `${day}:${approverId}`, now)))
        return false;
      await queueDirectMessage(tx, approverId, { text: text.join('\n') }, now);
      return true;
    });
    if (sent) reminded.push(approverId);
  }
  return reminded;
}
