import type { ListenerRouter } from '../listener-router.ts';
import { isApprovalReply } from '../../../domain/visits/duplicates.ts';
import { visitOfApprovalThread } from '../../../services/visits/approval-thread.ts';
import { approveVisit } from '../../../services/visits/decide-visit.ts';
import { approveClaim } from '../../../services/expenses/decide-claim.ts';
import { claimOfApprovalThread } from '../../../services/expenses/claim-thread.ts';
import { approveDealInThread } from '../../../services/deals/approve-in-thread.ts';
import { feedbackOfMessage, markFeedbackRead, readsFeedbackFor } from '../../../services/feedback/feedback.ts';
import { errorText } from '../../../views/error-text.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, isExpected } from '../asker-of.ts';

/**
 * Replies in threads: a team lead may approve a registration, and an approver an expense claim, by
 * replying 通過 (or ok, 批准, 同意, approve) under it, and a reply under feedback marks it read.
 */
export function registerThreadReplies(app: ListenerRouter, ctx: AppContext): void {
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
    // a recipient replying under feedback has read it
    const feedback = await feedbackOfMessage(ctx.db, message.channel, message.thread_ts);
    if (feedback) {
      if (readsFeedbackFor(askerOf(context).chart, feedback.recipientId, message.user)) {
        await markFeedbackRead({
          db: ctx.db,
          clock: ctx.clock,
          chart: askerOf(context).chart,
          feedbackId: feedback.feedbackId,
          readerId: message.user,
          copyOf: feedback.recipientId,
        });
        ctx.outbox.nudge();
      }
      return;
    }
    if (!isApprovalReply(message.text ?? '')) return;
    const where = { db: ctx.db, channel: message.channel, threadTs: message.thread_ts };
    const visitId = await visitOfApprovalThread(where);
    // not a registration's thread: perhaps an expense claim's card
    const claimId = visitId === undefined ? await claimOfApprovalThread(where) : undefined;
    const asker = askerOf(context);
    try {
      if (visitId === undefined && claimId === undefined) {
        // a deal's request (discount, cancellation): the PM's 通過 approves it
        const dealThread = { channel: message.channel, threadTs: message.thread_ts, deciderId: message.user };
        if (await approveDealInThread({ db: ctx.db, clock: ctx.clock, chart: asker.chart, ...dealThread }))
          ctx.outbox.nudge();
        return;
      }
      if (claimId !== undefined)
        await approveClaim({ db: ctx.db, clock: ctx.clock, chart: asker.chart, claimId, deciderId: message.user });
      else if (visitId !== undefined)
        await approveVisit({
          db: ctx.db,
          clock: ctx.clock,
          chart: asker.chart,
          visitId,
          deciderId: message.user,
          protectionDays: ctx.config.visits.protectionDays,
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
