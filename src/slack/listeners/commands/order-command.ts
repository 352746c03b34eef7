import type { ListenerRouter } from '../listener-router.ts';
import { t, tFor } from '../../../i18n/index.ts';
import { AppError, ErrorCode } from '../../../lib/app-error.ts';
import { escapeMrkdwn, truncate } from '../../../lib/text.ts';
import { mayEnterAnyOrder } from '../../../domain/orders/order-access.ts';
import { requireBrand, today } from '../../../services/orders/check-order.ts';
import { cancelOrder } from '../../../services/orders/decide-order.ts';
import { listOrdersFor, ORDER_STATES, showOrder } from '../../../services/orders/find-orders.ts';
import { listNeeds, recordNeed } from '../../../services/orders/replenishment.ts';
import { orderDetail, orderList } from '../../../views/orders/order-card.ts';
import { orderEntryModal } from '../../../views/orders/order-modal.ts';
import { needLine } from '../../../views/orders/need-views.ts';
import { errorText } from '../../../views/error-text.ts';
import { commandReply } from '../command-reply.ts';
import type { AppContext } from '../../app-context.ts';
import { currencyOf } from '../../../domain/org/currency-of.ts';
import type { Asker } from '../../middleware/identify-asker.ts';
import { askerOf, isExpected, requireMember } from '../asker-of.ts';
import { answerLedgerCommand, isLedgerVerb } from './order-ledger.ts';

type Reply = ReturnType<typeof commandReply>;

/** The orders' help, then the ledger's (ship, pay, credit). */
const helpText = (locale: Asker['locale']) => `${t(locale, 'order.help')}\n${t(locale, 'ledger.help')}`;
const ephemeral = (text: string) => ({ response_type: 'ephemeral' as const, text });

/**
 * `/order` opens the order form; `/order SO-000001` shows one; `/order list [state]`; `/order need ED01
 * TEA001 [急] [note]` records a stock-out; `/order needs`; `/order cancel SO-000001 reason`; ship, pay and
 * credit keep the ledger (order-ledger.ts).
 */
export function registerOrderCommand(app: ListenerRouter, ctx: AppContext): void {
  app.command('/order', async ({ command, ack, respond, client, context }) => {
    const reply = commandReply(ack, respond);
    const asker = askerOf(context);
    const { locale, chart } = asker;
    const text = command.text.trim();
    const [verb = '', ...rest] = text.split(/\s+/);
    try {
      requireMember(asker);
      requireBrand(chart);
      if (verb === 'help') return void (await reply.ack(ephemeral(helpText(locale))));
      if ((verb === '' || verb === 'new' || verb === 'need') && !mayEnterAnyOrder(chart, asker.userId))
        throw new AppError(ErrorCode.Forbidden, {}, 'may not enter orders', 'order.enter.forbidden');
      if (verb === '' || verb === 'new') {
        await reply.ack();
        const view = orderEntryModal({ locale, today: today(chart, ctx.clock) });
        return void (await client.views.open({ trigger_id: command.trigger_id, view }));
      }
      if (verb === 'list') return await answerList(ctx, reply, asker, rest.join(' ').trim() || undefined);
      if (verb === 'need') return await answerNeed(ctx, reply, asker, rest);
      if (verb === 'needs') return await answerNeeds(ctx, reply, asker);
      if (verb === 'cancel') return await answerCancel(ctx, reply, asker, rest);
      if (isLedgerVerb(verb)) {
        const triggerId = command.trigger_id;
        return await answerLedgerCommand({ ctx, asker, verb, rest: rest.join(' '), triggerId, reply, client });
      }
      if (looksLikeOrderNumber(verb)) {
        const { shown, history } = await showOrder({ db: ctx.db, chart, askerId: asker.userId, number: verb });
        return void (await reply.ack({ response_type: 'ephemeral', ...orderDetail(shown, history, locale) }));
      }
      await reply.ack(ephemeral(helpText(locale)));
    } catch (error) {
      await reply.answer(ephemeral(errorText(error, locale, chart)));
      if (!isExpected(error)) throw error;
    }
  });
}

/** An order number, ours (SO-000001) or the ERP's (SO-E-2611-002): letters and digits joined by dashes. */
const looksLikeOrderNumber = (word: string) => /^[\p{L}\d]+(?:-[\p{L}\d]+)+$/u.test(word) && /\d/.test(word);

async function answerList(ctx: AppContext, reply: Reply, asker: Asker, stateWord?: string): Promise<void> {
  const { locale, chart } = asker;
  const state = stateWord
    ? ORDER_STATES.find((s) => s === stateWord || tFor(locale, 'order.state', s) === stateWord)
    : undefined;
  if (stateWord && !state)
    return void (await reply.ack(
      ephemeral(t(locale, 'order.list.bad_state', { value: escapeMrkdwn(truncate(stateWord, 30)) })),
    ));
  const { scope, rows } = await listOrdersFor({ db: ctx.db, chart, askerId: asker.userId, state });
  if (rows.length === 0) {
    const none = state
      ? t(locale, 'order.list.none_state', { state: tFor(locale, 'order.state', state) })
      : t(locale, scope === 'all' ? 'order.list.none_all' : 'order.list.none_mine');
    return void (await reply.ack(ephemeral(none)));
  }
  const title = t(locale, scope === 'all' ? 'order.list.all' : 'order.list.mine', { count: rows.length });
  await reply.ack({ response_type: 'ephemeral', ...orderList(rows, title, locale, currencyOf(chart)) });
}

async function answerNeed(ctx: AppContext, reply: Reply, asker: Asker, words: string[]): Promise<void> {
  const { locale, chart } = asker;
  const result = await recordNeed({ db: ctx.db, clock: ctx.clock, chart, askerId: asker.userId, words });
  if (result.kind === 'problem') {
    const value = escapeMrkdwn(truncate(result.value, 60));
    return void (await reply.ack(
      ephemeral(tFor(locale, 'order.reason', result.reason, { value, names: '', line: 1 })),
    ));
  }
  ctx.outbox.nudge();
  await reply.ack(ephemeral(t(locale, 'order.need.recorded', { sku: result.need.sku })));
}

async function answerNeeds(ctx: AppContext, reply: Reply, asker: Asker): Promise<void> {
  const { locale, chart } = asker;
  const needs = await listNeeds({ db: ctx.db, chart, askerId: asker.userId });
  const lines = needs.slice(0, 40).map(
    (n) =>
      `• ${needLine(
        {
          id: n.id,
          account: `${n.accountCode} ${n.accountName}`,
          sku: n.sku,
          urgent: n.urgency === 'urgent',
          note: n.note,
          reporter: chart.nameOf(n.reportedById),
        },
        locale,
      )}`,
  );
  await reply.ack(ephemeral([t(locale, 'order.need.list', { count: needs.length }), ...lines].join('\n')));
}

async function answerCancel(ctx: AppContext, reply: Reply, asker: Asker, words: string[]): Promise<void> {
  const { locale, chart } = asker;
  const [number = '', ...reasonWords] = words;
  const reason = reasonWords.join(' ').trim().slice(0, 300);
  if (!looksLikeOrderNumber(number) || !reason)
    throw new AppError(ErrorCode.InvalidInput, {}, 'cancel usage', 'order.cancel.usage');
  const order = await cancelOrder({ db: ctx.db, clock: ctx.clock, chart, askerId: asker.userId, number, reason });
  ctx.outbox.nudge();
  await reply.ack(ephemeral(t(locale, 'order.cancel.done', { number: order.number })));
}
