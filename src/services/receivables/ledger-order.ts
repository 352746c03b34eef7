import {
  findLedgerOrder,
  orderProgress,
  setOrderState,
  type LedgerOrder,
} from '../../db/receivables/ledger-order-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import { LEDGER_STATES, orderStateOf } from '../../domain/receivables/order-progress.ts';
import { mayKeepLedger } from '../../domain/receivables/ledger-access.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import { formatDate } from '../../lib/format-time.ts';

/** The SSG or SLT, else a refusal naming who may. */
export function requireLedgerKeeper(chart: OrgChart, askerId: string): void {
  if (!mayKeepLedger(chart, askerId))
    throw new AppError(ErrorCode.Forbidden, {}, `${askerId} may not keep the ledger`, 'ledger.forbidden');
}

/** The order by its number (SO-000001, any case), else NotFound. */
export async function requireOrder(db: DbLike, chart: OrgChart, number: string): Promise<LedgerOrder> {
  const wanted = number.trim().toUpperCase();
  const order = await findLedgerOrder(db, chart.data.orgId, wanted);
  if (!order) throw new AppError(ErrorCode.NotFound, { number: wanted }, 'no order', 'ledger.order_not_found');
  return order;
}

/** Today in the organisation's time zone, YYYY-MM-DD. */
export const localToday = (chart: OrgChart, now: Date): string => formatDate(now, chart.data.timezone);

/**
 * Moves the order to the state its shipments, deliveries and invoices say, inside the caller's
 * unit of work; the new state, or undefined when it did not change.
 */
export async function advanceOrder(unit: DbLike, orderId: number, now: Date): Promise<string | undefined> {
  const state = orderStateOf(await orderProgress(unit, orderId));
  return (await setOrderState(unit, { orderId, state, from: LEDGER_STATES, now })) ? state : undefined;
}

/** A line in the thread of the order's card, when the order has one. */
export async function tellOrderThread(
  unit: DbLike,
  order: { cardChannel: string; cardTs: string; number: string },
  text: string,
  now: Date,
): Promise<void> {
  if (!order.cardChannel || !order.cardTs) return;
  await enqueueMessage(
    unit,
    {
      method: 'chat.postMessage',
      channel: order.cardChannel,
      args: { text, thread_ts: order.cardTs },
      origin: { kind: 'order', ref: order.number },
    },
    now,
  );
}
