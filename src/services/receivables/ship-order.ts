import { creditOf } from '../../db/accounts/credit-repo.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import { moveExposure } from '../../db/orders/exposure-repo.ts';
import { nextDocumentNumber } from '../../db/receivables/document-number.ts';
import { insertInvoice } from '../../db/receivables/invoice-repo.ts';
import { addShipped, type LedgerOrder } from '../../db/receivables/ledger-order-repo.ts';
import { accountCarrier, carriersOf, insertShipment } from '../../db/receivables/shipment-repo.ts';
import { transaction, type Db } from '../../db/unit-of-work.ts';
import { addDays } from '../../domain/receivables/aging.ts';
import { checkShipQuantities, type ShipProblem } from '../../domain/receivables/order-progress.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatMoney } from '../../domain/deals/money.ts';
import { orderStateText, shipmentMessage, type ShipmentShown } from '../../views/receivables/shipment-views.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf, orgLocaleOf } from '../org/locale-of.ts';
import { countLedgerSale } from '../targets/ledger-sales.ts';
import { applyUnapplied } from './apply-unapplied.ts';
import { advanceOrder, localToday, requireLedgerKeeper, requireOrder } from './ledger-order.ts';

/** The account's terms when it has none in the credit table. */
export const DEFAULT_TERMS_DAYS = 30;

const SHIPPABLE = ['approved', 'partly_shipped'];

function requireShippable(chart: OrgChart, order: LedgerOrder, askerId: string): void {
  if (SHIPPABLE.includes(order.state)) return;
  const state = orderStateText(localeOf(chart, askerId), order.state);
  throw new AppError(
    ErrorCode.InvalidInput,
    { number: order.number, state },
    'not shippable',
    'ledger.ship.not_shippable',
  );
}

/** What the shipment form needs: the order with what is left to ship, the carriers, today. */
export async function shipmentForm(o: { db: Db; clock: Clock; chart: OrgChart; askerId: string; orderNumber: string }) {
  requireLedgerKeeper(o.chart, o.askerId);
  const order = await requireOrder(o.db, o.chart, o.orderNumber);
  requireShippable(o.chart, order, o.askerId);
  return {
    order,
    carriers: await carriersOf(o.db, o.chart.data.orgId),
    defaultCarrier: await accountCarrier(o.db, order.accountId),
    today: localToday(o.chart, o.clock.now()),
  };
}

export type ShipmentProblems = Map<
  number | 'all' | 'date' | 'carrier' | 'waybill',
  ShipProblem | 'date' | 'carrier' | 'waybill'
>;

export type RecordShipmentResult =
  | { kind: 'problems'; problems: ShipmentProblems; left: Map<number, number> }
  | { kind: 'recorded'; shipment: string; invoice: string; state: string };

class OverShipped extends Error {}

function checkForm(o: { shippedOn: string; carrier: string; waybill: string; today: string }): ShipmentProblems {
  const problems: ShipmentProblems = new Map();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.shippedOn) || o.shippedOn > o.today) problems.set('date', 'date');
  if (!o.carrier.trim() || o.carrier.length > 40) problems.set('carrier', 'carrier');
  if (o.waybill.length > 64) problems.set('waybill', 'waybill');
  return problems;
}

/**
 * CSR1 records a shipment: the lines shipped (never more than ordered; partial is fine), the date,
 * carrier and waybill. One unit of work raises its invoice (due after the account's terms), moves
 * the amount from open orders to receivables, moves the order on, and posts the shipment's message
 * with a delivery button to the SSG channel and the account's owner.
 */
export async function recordShipment(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  orderNumber: string;
  shippedOn: string;
  carrier: string;
  waybill: string;
  quantities: ReadonlyMap<number, string>;
}): Promise<RecordShipmentResult> {
  const { chart, askerId } = o;
  requireLedgerKeeper(chart, askerId);
  const order = await requireOrder(o.db, chart, o.orderNumber);
  requireShippable(chart, order, askerId);
  const now = o.clock.now();
  const left = new Map(order.lines.map((l) => [l.id, l.quantity - l.shippedQuantity]));
  const form = { shippedOn: o.shippedOn, carrier: o.carrier.trim(), waybill: o.waybill.trim() };
  const problems = checkForm({ ...form, today: localToday(chart, now) });
  const checked = checkShipQuantities(order.lines, o.quantities);
  for (const [key, problem] of checked.problems) problems.set(key, problem);
  if (problems.size > 0) return { kind: 'problems', problems, left };
  const terms = (await creditOf(o.db, order.accountId))?.termsDays ?? DEFAULT_TERMS_DAYS;
  try {
    return await transaction(o.db, async (unit) => {
      for (const [lineId, quantity] of checked.quantities)
        if (!(await addShipped(unit, lineId, quantity))) throw new OverShipped();
      const shown = await writeShipment(unit, { ...o, order, ...form, quantities: checked.quantities, terms, now });
      const orgLocale = orgLocaleOf(chart);
      const note = (state: string) =>
        t(orgLocale, 'ledger.order.shipped_thread', {
          ...threadParams(shown, orgLocale, currencyOf(chart)),
          by: chart.nameOf(askerId),
          state: orderStateText(orgLocale, state),
        });
      // money already received settles the new invoice (and any other still open) before the order moves on
      const touched = await applyUnapplied(unit, { orgId: chart.data.orgId, accountId: order.accountId });
      for (const orderId of touched.orderIds)
        if (orderId !== order.id) await advanceOrder(unit, { chart, orderId, actorId: askerId, now });
      const state = await advanceOrder(unit, { chart, orderId: order.id, actorId: askerId, now, note, always: true });
      await tellShipment(unit, { chart, order, shown, askerId, state, now });
      return { kind: 'recorded' as const, shipment: shown.shipment, invoice: shown.invoice, state };
    });
  } catch (error) {
    if (!(error instanceof OverShipped)) throw error;
    // another shipment took the quantity meanwhile: show what is left now
    const fresh = await requireOrder(o.db, chart, o.orderNumber);
    const nowLeft = new Map(fresh.lines.map((l) => [l.id, l.quantity - l.shippedQuantity]));
    return { kind: 'problems', problems: checkShipQuantities(fresh.lines, o.quantities).problems, left: nowLeft };
  }
}

async function writeShipment(
  unit: Db | Parameters<typeof insertShipment>[0],
  o: {
    chart: OrgChart;
    askerId: string;
    order: LedgerOrder;
    shippedOn: string;
    carrier: string;
    waybill: string;
    quantities: ReadonlyMap<number, number>;
    terms: number;
    now: Date;
  },
): Promise<ShipmentShown> {
  const { order, now } = o;
  const orgId = o.chart.data.orgId;
  const shipped = order.lines.filter((l) => o.quantities.has(l.id));
  const amountCents = shipped.reduce((sum, l) => sum + l.priceCents * (o.quantities.get(l.id) ?? 0), 0);
  const number = await nextDocumentNumber(unit, 'Shipment', orgId);
  const lines = shipped.map((l) => ({ orderLineId: l.id, quantity: o.quantities.get(l.id) ?? 0 }));
  const shipmentId = await insertShipment(unit, {
    orgId,
    orderId: order.id,
    number,
    ...o,
    recordedById: o.askerId,
    lines,
  });
  const invoice = await nextDocumentNumber(unit, 'Invoice', orgId);
  const dueOn = addDays(o.shippedOn, o.terms);
  const base = { orgId, accountId: order.accountId, market: order.market, orderId: order.id };
  const invoiceId = await insertInvoice(unit, {
    ...base,
    number: invoice,
    shipmentId,
    issuedOn: o.shippedOn,
    dueOn,
    amountCents,
    now,
  });
  // 銷售額 from the invoice (or the shipment, as the org file says), in this unit of work
  const sale = { accountCode: order.accountCode, ownerId: order.ownerId, market: order.market, amountCents };
  const day = o.shippedOn;
  for (const doc of [
    { kind: 'invoice' as const, id: invoiceId, day },
    { kind: 'shipment' as const, id: shipmentId, day },
  ])
    await countLedgerSale(unit, { chart: o.chart, sale: { ...sale, ...doc }, actorId: o.askerId, now });
  await moveExposure(unit, {
    orgId,
    accountId: order.accountId,
    ordersCents: -amountCents,
    receivableCents: amountCents,
    now,
  });
  await recordAudit(unit, {
    orgId,
    actor: o.askerId,
    action: 'order.ship',
    subject: order.number,
    detail: { number, invoice },
    at: now,
  });
  return {
    shipmentId,
    shipment: number,
    order: order.number,
    accountCode: order.accountCode,
    accountName: order.accountName,
    shippedOn: o.shippedOn,
    carrier: o.carrier,
    waybill: o.waybill,
    lines: shipped.map((l) => ({ sku: l.sku, name: l.name, quantity: o.quantities.get(l.id) ?? 0 })),
    invoice,
    amountCents,
    dueOn,
  };
}

const threadParams = (shown: ShipmentShown, locale: Locale, currency: string) => ({
  shipment: shown.shipment,
  order: shown.order,
  invoice: shown.invoice,
  amount: formatMoney(shown.amountCents, currency, locale),
  due: shown.dueOn,
});

async function tellShipment(
  unit: Parameters<typeof enqueueMessage>[0],
  o: { chart: OrgChart; order: LedgerOrder; shown: ShipmentShown; askerId: string; state: string; now: Date },
): Promise<void> {
  const { chart, shown, now } = o;
  const origin = { kind: 'shipment', ref: shown.shipment, by: o.askerId };
  const channel = chart.channel('ssg');
  if (channel)
    await enqueueMessage(
      unit,
      {
        method: 'chat.postMessage',
        channel,
        args: shipmentMessage(shown, orgLocaleOf(chart), currencyOf(chart)),
        origin,
      },
      now,
    );
  const owner = o.order.ownerId;
  if (owner && chart.person(owner) && owner !== o.askerId)
    await queueDirectMessage(
      unit,
      owner,
      shipmentMessage(shown, localeOf(chart, owner), currencyOf(chart)),
      now,
      origin,
    );
  const locale = localeOf(chart, o.askerId);
  const params = threadParams(shown, locale, currencyOf(chart));
  const state = orderStateText(locale, o.state);
  await queueDirectMessage(unit, o.askerId, { text: t(locale, 'ledger.shipment.recorded', { ...params, state }) }, now);
}
