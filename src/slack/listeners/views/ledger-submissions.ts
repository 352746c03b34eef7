import { formatQuantity } from '../../../domain/orders/order-lines.ts';
import type { ListenerRouter } from '../listener-router.ts';
import { t, type Locale } from '../../../i18n/index.ts';
import { recordShipment, type RecordShipmentResult } from '../../../services/receivables/ship-order.ts';
import { LedgerIds } from '../../../views/receivables/ledger-ids.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, requireMember } from '../asker-of.ts';
import { readMetadata, readViewValues } from '../read-view-values.ts';
import { saveSubmission } from '../save-submission.ts';

/** Each refusal under its field: a line's quantity under that line, the rest under date, carrier, waybill. */
function fieldErrors(locale: Locale, result: Extract<RecordShipmentResult, { kind: 'problems' }>) {
  const errors: Record<string, string> = {};
  for (const [key, problem] of result.problems) {
    if (key === 'date') errors[LedgerIds.dateBlock] = t(locale, 'ledger.ship.problem.date');
    else if (key === 'carrier') errors[LedgerIds.carrierBlock] = t(locale, 'ledger.ship.problem.carrier');
    else if (key === 'waybill') errors[LedgerIds.waybillBlock] = t(locale, 'ledger.ship.problem.waybill');
    else if (key === 'all') errors[LedgerIds.dateBlock] = t(locale, 'ledger.ship.problem.nothing');
    else
      errors[`${LedgerIds.linePrefix}${key}`] =
        problem === 'over'
          ? t(locale, 'ledger.ship.problem.over', { left: formatQuantity(result.left.get(key) ?? 0) })
          : t(locale, 'ledger.ship.problem.not_whole');
  }
  return errors;
}

/** The shipment form of `/order ship`: recorded, or refused inline with nothing stored. */
export function registerLedgerSubmissions(app: ListenerRouter, ctx: AppContext): void {
  app.view(LedgerIds.shipCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    await saveSubmission({ ack, ctx, asker, field: LedgerIds.dateBlock }, async () => {
      requireMember(asker);
      const values = readViewValues(view);
      const quantities = new Map<number, string>();
      for (const [block, value] of Object.entries(values))
        if (block.startsWith(LedgerIds.linePrefix))
          quantities.set(Number(block.slice(LedgerIds.linePrefix.length)), value === null ? '' : String(value));
      const result = await recordShipment({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        askerId: body.user.id,
        orderNumber: readMetadata<{ order: string }>(view)?.order ?? '',
        shippedOn: String(values[LedgerIds.dateBlock] ?? ''),
        carrier: String(values[LedgerIds.carrierBlock] ?? ''),
        waybill: String(values[LedgerIds.waybillBlock] ?? ''),
        quantities,
      });
      if (result.kind === 'problems') return fieldErrors(asker.locale, result);
    });
  });
}
