import type { ListenerRouter } from '../listener-router.ts';
import { isApprovalReply } from '../../../domain/visits/duplicates.ts';
import { feedbackOfMessage, markFeedbackRead, readsFeedbackFor } from '../../../services/feedback/feedback.ts';
import { t } from '../../../i18n/index.ts';
import { errorText } from '../../../views/error-text.ts';
import type { AppContext } from '../../app-context.ts';
import type { OrgChart } from '../../../domain/org/org-chart.ts';
import { askerOf, isExpected } from '../asker-of.ts';
import { answerPrivately } from '../reply-ephemeral.ts';
import { threadApprovals } from './thread-approvals.ts';
import { declineDiscountInThread } from '../../../services/deals/decline-in-thread.ts';
import { declineReplyOf } from '../../../domain/deals/decline-reply.ts';
import { returnReplyOf } from '../../../domain/visits/return-reply.ts';
import { returnRegistrationInThread } from './thread-returns.ts';
import { replacedCardNotice } from '../../../services/visits/replaced-card.ts';

/**
 * Replies in threads: a reply under feedback marks it read, and 通過 (or ok, 批准, 同意, approve) under
 * a card approves it as its button would, for every kind listed in `threadApprovals`. A 通過 in a DM
 * with the bot under anything else is answered privately with where approving works. A reply 不核准：<reason>
 * under a discount's request declines it with that reason, and 退回：<reason> (or 駁回…) under a
 * registration's request returns it to its filer; without a reason either is answered asking for it.
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
      channel_type?: string;
    };
    if (message.subtype || message.bot_id || !message.user || !message.thread_ts || message.thread_ts === message.ts)
      return;
    const where = { channel: message.channel, threadTs: message.thread_ts, user: message.user };
    if (await readUnderFeedback(ctx, askerOf(context).chart, where)) return;
    // 不核准：<reason> under a discount's request declines it, 退回：<reason> under a registration's returns
    // it; the word alone is answered asking why
    const decline = declineReplyOf(message.text ?? '');
    const returning = returnReplyOf(message.text ?? '');
    if (!decline && !returning && !isApprovalReply(message.text ?? '')) return;
    const asker = askerOf(context);
    const reply = {
      ctx,
      chart: asker.chart,
      channel: message.channel,
      threadTs: message.thread_ts,
      deciderId: message.user,
    };
    try {
      if (returning && (await returnRegistrationInThread(reply, returning.reason))) {
        ctx.outbox.nudge();
        return;
      }
      const { db, clock } = ctx;
      if (decline && (await declineDiscountInThread({ ...reply, db, clock, reason: decline.reason }))) {
        ctx.outbox.nudge();
        return;
      }
      if (decline && !returning) return;
      // a return by reply is a registration's alone: under any other card it approves nothing
      if (!returning && (await approveInThread(reply))) {
        ctx.outbox.nudge();
        return;
      }
      const notice =
        (await replacedCardNotice({ ...reply, db, locale: asker.locale })) ??
        // 退回 is answered wherever it was typed, a 通過 only in a DM with the bot (meant for the bot: under no
        // approval card, a reminder listing several or a notice, it cannot approve)
        (returning
          ? t(asker.locale, 'approval.return_reply_not_here')
          : message.channel_type === 'im'
            ? t(asker.locale, 'approval.reply_not_here')
            : undefined);
      if (notice)
        await client.chat.postEphemeral({
          channel: message.channel,
          user: message.user,
          thread_ts: message.thread_ts,
          text: notice,
        });
    } catch (error) {
      await answerPrivately(client, ctx, {
        user: message.user,
        channel: message.channel,
        threadTs: message.thread_ts,
        text: errorText(error, asker.locale, asker.chart),
      });
      if (!isExpected(error)) throw error;
    }
  });
}

/** Approves the card the thread is under, of whichever kind; false when it is no approval card. */
async function approveInThread(reply: Parameters<(typeof threadApprovals)[number]>[0]): Promise<boolean> {
  for (const approve of threadApprovals) if (await approve(reply)) return true;
  return false;
}

/** A recipient replying under feedback has read it. True when the thread is a feedback's (nothing else to do). */
async function readUnderFeedback(
  ctx: AppContext,
  chart: OrgChart,
  message: { channel: string; threadTs: string; user: string },
): Promise<boolean> {
  const feedback = await feedbackOfMessage(ctx.db, message.channel, message.threadTs);
  if (!feedback) return false;
  if (readsFeedbackFor(chart, feedback.recipientId, message.user)) {
    await markFeedbackRead({
      db: ctx.db,
      clock: ctx.clock,
      chart,
      feedbackId: feedback.feedbackId,
      readerId: message.user,
      copyOf: feedback.recipientId,
    });
    ctx.outbox.nudge();
  }
  return true;
}
