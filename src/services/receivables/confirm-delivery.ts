import { recordAudit } from '../../db/audit-repo.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import { findAccountById } from '../../db/receivables/ledger-account-repo.ts';
import { findShipment, markDelivered, shipmentDetails } from '../../db/receivables/shipment-repo.ts';
import { transaction, type Db } from '../../db/unit-of-work.ts';
import { mayConfirmDelivery } from '../../domain/receivables/ledger-access.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import { alreadyHandled } from '../org/already-handled.ts';
import type { Clock } from '../../lib/clock.ts';
import { orderStateText, shipmentMessage } from '../../views/receivables/shipment-views.ts';
import { conversationLocaleOf, orgLocaleOf } from '../org/locale-of.ts';
import { advanceOrder, localToday } from './ledger-order.ts';

/**
 * The KAM (or anyone above the account's owner), a CSR or the SLT confirms a shipment delivered,
 * once: the clicked message shows who and when instead of the button, the order's thread is told,
 * and the order moves on. A second click, on either copy, is answered with who confirmed it.
 */
export async function confirmDelivery(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  shipmentId: number;
  /** The message clicked, updated in place. */
  message?: { channel: string; ts: string };
}): Promise<void> {
  const { chart, askerId } = o;
  const shipment = await findShipment(o.db, o.shipmentId);
  if (!shipment || shipment.orgId !== chart.data.orgId)
    throw new AppError(ErrorCode.NotFound, { what: `#${o.shipmentId}` }, 'no shipment');
  const details = await shipmentDetails(o.db, shipment.id);
  const account = details ? await findAccountById(o.db, details.accountId) : null;
  if (!details || !account)
    throw new AppError(ErrorCode.NotFound, { what: `#${o.shipmentId}` }, 'no order for the shipment');
  if (!mayConfirmDelivery(chart, askerId, account))
    throw new AppError(ErrorCode.Forbidden, {}, `${askerId} may not confirm delivery`);
  const now = o.clock.now();
  const on = localToday(chart, now);
  const done = await transaction(o.db, async (unit) => {
    if (!(await markDelivered(unit, { id: shipment.id, on, byId: askerId }))) return false;
    const locale = orgLocaleOf(chart);
    const note = (state: string) =>
      t(locale, 'ledger.order.delivered_thread', {
        by: chart.nameOf(askerId),
        shipment: shipment.number,
        state: orderStateText(locale, state),
      });
    await advanceOrder(unit, { chart, orderId: details.orderId, actorId: askerId, now, note, always: true });
    const orgId = chart.data.orgId;
    await recordAudit(unit, { orgId, actor: askerId, action: 'order.deliver', subject: shipment.number, at: now });
    if (o.message) {
      const shown = { ...details.shown, delivered: { by: chart.nameOf(askerId), on } };
      const args = {
        ...shipmentMessage(shown, conversationLocaleOf(chart, o.message.channel), currencyOf(chart)),
        ts: o.message.ts,
      };
      await enqueueMessage(unit, { method: 'chat.update', channel: o.message.channel, args }, now);
    }
    return true;
  });
  if (!done) {
    const again = await findShipment(o.db, o.shipmentId);
    throw alreadyHandled(chart, { by: again?.deliveredById, at: again?.deliveredOn, askerId });
  }
}
