import {
  findLedgerOrder,
  orderProgress,
  setOrderState,
  type LedgerOrder,
} from '../../db/receivables/ledger-order-repo.ts';
import { findOrder, recordOrderChange } from '../../db/orders/order-repo.ts';
import { refreshOrderCards } from '../orders/order-cards.ts';
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
 * Moves the order to the state its shipments, deliveries and invoices say, inside the caller's unit
 * of work: the change goes in the order's history, and its cards are rewritten with `note` in the
 * SSG desk's thread (also when the state stays, with `always`). Returns the state it is in.
 */
export async function advanceOrder(
  unit: DbLike,
  o: {
    chart: OrgChart;
    orderId: number;
    actorId: string;
    now: Date;
    note?: (state: string, number: string) => string | undefined;
    always?: boolean;
  },
): Promise<string> {
  const before = await findOrder(unit, o.orderId);
  if (!before) return '';
  const state = orderStateOf(await orderProgress(unit, o.orderId));
  const moved = await setOrderState(unit, { orderId: o.orderId, state, from: LEDGER_STATES, now: o.now });
  if (moved) {
    const change = { orgId: before.orgId, orderId: before.id, fromState: before.state, toState: state };
    await recordOrderChange(unit, { ...change, actorId: o.actorId, at: o.now });
  }
  const current = moved ? state : before.state;
  const after = moved || o.always ? await findOrder(unit, o.orderId) : null;
  if (after) await refreshOrderCards(unit, o.chart, after, o.now, o.note?.(current, after.number));
  return current;
}
