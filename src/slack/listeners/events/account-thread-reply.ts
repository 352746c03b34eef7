import type { ListenerRouter } from '../listener-router.ts';
import { isApprovalReply } from '../../../domain/visits/duplicates.ts';
import { accountRequestOfThread, decideAccountRequest } from '../../../services/accounts/decide-account-request.ts';
import { approveCredit, creditReviewOfThread } from '../../../services/accounts/credit-review.ts';
import { errorText } from '../../../views/error-text.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, isExpected } from '../asker-of.ts';

/**
 * Approvals typed in a thread (通過, ok, 同意…): the SSG under a KAM's new-account request, the SLT
 * under the month's credit changes.
 */
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
    const thread = { db: ctx.db, channel: message.channel, threadTs: message.thread_ts };
    const requestId = await accountRequestOfThread(thread);
    const reviewId = requestId === undefined ? await creditReviewOfThread(thread) : undefined;
    if (requestId === undefined && reviewId === undefined) return;
    const asker = askerOf(context);
    const decision = { db: ctx.db, clock: ctx.clock, chart: asker.chart, deciderId: message.user };
    try {
      if (requestId !== undefined) await decideAccountRequest({ ...decision, requestId, approve: true });
      else await approveCredit({ ...decision, reviewId: reviewId as number });
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
