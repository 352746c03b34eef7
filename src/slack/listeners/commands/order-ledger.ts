import type { AllMiddlewareArgs } from '@slack/bolt';
import { t } from '../../../i18n/index.ts';
import { parseCreditWords, parsePayWords } from '../../../domain/receivables/ledger-command.ts';
import { recordCredit } from '../../../services/receivables/record-credit.ts';
import { recordPayment } from '../../../services/receivables/record-payment.ts';
import { shipmentForm } from '../../../services/receivables/ship-order.ts';
import { shipmentModal } from '../../../views/receivables/shipment-views.ts';
import type { AppContext } from '../../app-context.ts';
import type { Asker } from '../../middleware/identify-asker.ts';
import type { commandReply } from '../command-reply.ts';

/** The sub-commands of `/order` that keep the ledger after an order: ship, pay, credit. */
export const LEDGER_VERBS = ['ship', 'pay', 'credit'] as const;

export const isLedgerVerb = (verb: string): boolean => (LEDGER_VERBS as readonly string[]).includes(verb);

/**
 * `/order ship SO-000001` opens the shipment form; `/order pay ED01 12,000.50 [INV-…]` records a
 * payment; `/order credit ED01 500 原因` a credit note. Each answers privately; a refusal is thrown.
 */
export async function answerLedgerCommand(o: {
  ctx: AppContext;
  asker: Asker;
  verb: string;
  rest: string;
  triggerId: string;
  reply: ReturnType<typeof commandReply>;
  client: AllMiddlewareArgs['client'];
}): Promise<void> {
  const { ctx, asker, reply } = o;
  const { chart, locale } = asker;
  const base = { db: ctx.db, clock: ctx.clock, chart, askerId: asker.userId };
  const usage = (key: 'ledger.ship.usage' | 'ledger.pay.usage' | 'ledger.credit.usage') =>
    reply.ack({ response_type: 'ephemeral', text: t(locale, key) });
  if (o.verb === 'ship') {
    const number = o.rest.trim().split(/\s+/)[0] ?? '';
    if (!number) return void (await usage('ledger.ship.usage'));
    const form = await shipmentForm({ ...base, orderNumber: number });
    await reply.ack();
    await o.client.views.open({ trigger_id: o.triggerId, view: shipmentModal({ locale, ...form }) });
    return;
  }
  if (o.verb === 'pay') {
    const words = parsePayWords(o.rest);
    if (!words) return void (await usage('ledger.pay.usage'));
    const text = await recordPayment({ ...base, words });
    await reply.ack({ response_type: 'ephemeral', text });
    ctx.outbox.nudge();
    return;
  }
  const words = parseCreditWords(o.rest);
  if (!words) return void (await usage('ledger.credit.usage'));
  const text = await recordCredit({ ...base, words });
  await reply.ack({ response_type: 'ephemeral', text });
  ctx.outbox.nudge();
}
