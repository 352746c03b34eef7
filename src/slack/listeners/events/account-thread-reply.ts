import type { ListenerRouter } from '../listener-router.ts';
import { isApprovalReply } from '../../../domain/visits/duplicates.ts';
import { accountRequestOfThread, decideAccountRequest } from '../../../services/accounts/decide-account-request.ts';
import { errorText } from '../../../views/error-text.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, isExpected } from '../asker-of.ts';

/** The SSG approves a KAM's new account by replying 通過 (or ok, 同意…) under the request's card. */
export function registerAccountThreadReplies(app: ListenerRouter, ctx: AppContext): void {
  app.event('message', async ({ event, client, context }) => {
    const message = event as {
      subtype?: string;
      bot_id?: string;
      thread_ts?: string;
      ts: string;
      text?: string;
      user?: string;
      channel: string;
    };
    if (message.subtype || message.bot_id || !message.user || !message.thread_ts || message.thread_ts === message.ts)
      return;
    if (!isApprovalReply(message.text ?? '')) return;
    const requestId = await accountRequestOfThread({
      db: ctx.db,
      channel: message.channel,
      threadTs: message.thread_ts,
    });
    if (requestId === undefined) return;
    const asker = askerOf(context);
    try {
      await decideAccountRequest({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        requestId,
        deciderId: message.user,
        approve: true,
      });
      ctx.outbox.nudge();
    } catch (error) {
      await client.chat.postEphemeral({
        channel: message.channel,
        user: message.user,
        thread_ts: message.thread_ts,
        text: errorText(error, asker.locale, asker.chart),
      });
      if (!isExpected(error)) throw error;
    }
  });
}
