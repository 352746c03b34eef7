import type { ListenerRouter } from '../listener-router.ts';
import { confirmDelivery } from '../../../services/receivables/confirm-delivery.ts';
import { LedgerIds } from '../../../views/receivables/ledger-ids.ts';
import type { AppContext } from '../../app-context.ts';
import { onButton } from '../on-button.ts';

/** 確認送達 on a shipment's message: the KAM (or above), a CSR or the SLT, once. */
export function registerLedgerActions(app: ListenerRouter, ctx: AppContext): void {
  onButton(app, ctx, LedgerIds.confirmDelivery, async ({ body, asker, value }) => {
    const channel = body.container?.channel_id ?? body.channel?.id;
    const ts = body.container?.message_ts ?? body.message?.ts;
    await confirmDelivery({
      db: ctx.db,
      clock: ctx.clock,
      chart: asker.chart,
      askerId: body.user.id,
      shipmentId: Number(value),
      message: channel && ts ? { channel, ts } : undefined,
    });
  });
}
