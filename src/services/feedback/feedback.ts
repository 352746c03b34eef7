import { isUniqueViolation } from '../../db/database.ts';
import { transaction, type Db, type DbLike, type Unit } from '../../db/unit-of-work.ts';
import {
  addFeedbackRecipient,
  createFeedback,
  feedbackCopy,
  feedbackCopyOfMessage,
  feedbackWithRecipients,
  findFeedbackBySourceView,
  findFeedbackCopy,
  markFeedbackCopyRead,
  setFeedbackSenderCard,
} from '../../db/feedback/feedback-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import type { FeedbackInput } from '../../domain/issues/feedback-rules.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import { alreadyHandled } from '../org/already-handled.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import {
  feedbackRecipientCard,
  feedbackSenderCard,
  type FeedbackView,
} from '../../views/feedback/feedback-messages.ts';
import { localeOf, orgLocaleOf } from '../org/locale-of.ts';
import { approvalConversation, queueDirectMessage } from '../delivery/direct-message.ts';

/**
 * Who receives a person's feedback: on a property site their chain up to the PM (team lead and
 * PM); on a brand the field chain up to the market manager, plus the SLT member who owns the market.
 */
export function feedbackRecipients(chart: OrgChart, senderId: string): string[] {
  const chain = chart.chainOf(senderId);
  const stopRole = chart.template === 'property-site' ? 'project_manager' : 'market_manager';
  const stopAt = chain.findIndex((id) => chart.person(id)?.role === stopRole);
  const recipients = stopAt === -1 ? chain.slice(0, 1) : chain.slice(0, stopAt + 1);
  if (chart.template === 'brand-sales') {
    for (const code of chart.marketsOf(senderId)) {
      const owner = chart.marketOwner(code);
      if (owner && owner !== senderId) recipients.push(owner);
    }
  }
  return [...new Set(recipients)];
}

const ctxFor = (chart: OrgChart, reader: string) => ({
  locale: localeOf(chart, reader),
  timeZone: chart.data.timezone,
  nameOf: (id: string) => chart.nameOf(id),
});
/** Recipients' copies are shared (a group DM with the sender, or the SSG channel): the organisation's language. */
const sharedCtx = (chart: OrgChart) => ({ ...ctxFor(chart, ''), locale: orgLocaleOf(chart) });

/** The SSG channel's copy is a recipient's card, read for the channel by any SSG member. */
const ssgChannelOf = (chart: OrgChart) => (chart.template === 'brand-sales' ? chart.channel('ssg') : undefined);

/** Whether this person reads the copy addressed to this recipient: their own, or their SSG channel's. */
export function readsFeedbackFor(chart: OrgChart, recipientId: string, userId: string): boolean {
  return recipientId === userId || (recipientId === ssgChannelOf(chart) && chart.isSsg(userId));
}

/** `/feedback` submitted: stored once per modal, a card to each recipient, and the sender's read receipts. */
export async function fileFeedback(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  senderId: string;
  input: FeedbackInput;
  viewId: string;
}): Promise<{ id: number; recipients: string[] }> {
  const { chart, senderId } = o;
  if (!chart.person(senderId)) throw new AppError(ErrorCode.NotInOrg);
  const recipients = feedbackRecipients(chart, senderId);
  if (recipients.length === 0) throw new AppError(ErrorCode.NoApprover, {}, 'no recipients', 'feedback.no_recipients');
  const now = o.clock.now();
  try {
    return await transaction(o.db, async (unit) => {
      const id = await createFeedback(unit, {
        orgId: chart.data.orgId,
        senderId,
        ...o.input,
        sourceViewId: o.viewId,
        createdAt: now,
      });
      const view = { id, senderId, ...o.input };
      for (const recipientId of recipients) {
        await postRecipientCopy(
          unit,
          chart,
          view,
          { recipientId, channel: approvalConversation(senderId, recipientId) },
          now,
        );
      }
      const ssgChannel = ssgChannelOf(chart);
      if (ssgChannel)
        await postRecipientCopy(
          unit,
          chart,
          view,
          { recipientId: ssgChannel, channel: ssgChannel, channelCopy: ssgChannel },
          now,
        );
      await tellSender(unit, chart, view, { recipients, ssgChannel }, now);
      return { id, recipients };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const filed = await findFeedbackBySourceView(o.db, o.viewId);
      if (filed) return { id: filed.id, recipients: filed.recipients.map((r) => r.recipientId) };
    }
    throw error;
  }
}

/**
 * The sender's card, with a read receipt for each copy, rewritten as they are read; and a note
 * naming who got it (the SSG channel's copy counts among them: a mrkdwn channel link).
 */
async function tellSender(
  unit: Unit,
  chart: OrgChart,
  view: { id: number; senderId: string } & FeedbackInput,
  to: { recipients: string[]; ssgChannel: string | undefined },
  now: Date,
): Promise<void> {
  const copies = [...to.recipients, ...(to.ssgChannel ? [to.ssgChannel] : [])];
  const receipts = copies.map((recipientId) => ({ recipientId, readAt: null }));
  const card = feedbackSenderCard(view, ctxFor(chart, view.senderId), receipts);
  const senderCard = await queueDirectMessage(unit, view.senderId, card, now);
  await setFeedbackSenderCard(unit, view.id, senderCard.id);
  const people = to.recipients.map((id) => escapeMrkdwn(chart.nameOf(id)));
  const names = [...people, ...(to.ssgChannel ? [`<#${to.ssgChannel}>`] : [])].join('、');
  await queueDirectMessage(
    unit,
    view.senderId,
    { text: t(localeOf(chart, view.senderId), 'feedback.sent', { names }) },
    now,
  );
}

/** A recipient's copy, posted and remembered so that reading it rewrites it. */
async function postRecipientCopy(
  unit: DbLike,
  chart: OrgChart,
  view: FeedbackView,
  to: { recipientId: string; channel: string; channelCopy?: string },
  now: Date,
): Promise<void> {
  const args = feedbackRecipientCard(view, sharedCtx(chart), null, to.channelCopy);
  const origin = { kind: 'feedback', ref: String(view.id), by: view.senderId };
  const card = await enqueueMessage(unit, { method: 'chat.postMessage', channel: to.channel, args, origin }, now);
  await addFeedbackRecipient(unit, { feedbackId: view.id, recipientId: to.recipientId, outboxId: card.id });
}

export interface MarkFeedbackReadOptions {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  feedbackId: number;
  readerId: string;
  /** The copy read, when it is a channel's (the SSG's) rather than the reader's own. */
  copyOf?: string;
  /** A second read (a stale button) is refused with who read it and when, instead of ignored. */
  onceOnly?: boolean;
}

/**
 * A recipient read the feedback (button, or a reply in its thread): once; the sender's card shows it.
 */
export async function markFeedbackRead(o: MarkFeedbackReadOptions): Promise<boolean> {
  const now = o.clock.now();
  const copyOf = o.copyOf ?? o.readerId;
  const key = { feedbackId: o.feedbackId, recipientId: copyOf };
  return transaction(o.db, async (unit) => {
    const mayRead = readsFeedbackFor(o.chart, copyOf, o.readerId);
    const recipient = mayRead ? await findFeedbackCopy(unit, o.chart.data.orgId, key) : null;
    if (!recipient) throw new AppError(ErrorCode.Forbidden, {}, 'not a recipient', 'feedback.not_recipient');
    if (!(await markFeedbackCopyRead(unit, key, now, o.readerId))) {
      if (!o.onceOnly) return false;
      const read = await feedbackCopy(unit, key);
      const by = read.readBy ?? read.recipientId;
      throw alreadyHandled(o.chart, { by, at: read.readAt, askerId: o.readerId, detail: 'already read' });
    }
    await refreshFeedbackCards(unit, o.chart, o.feedbackId, copyOf, now);
    return true;
  });
}

async function refreshFeedbackCards(
  unit: DbLike,
  chart: OrgChart,
  feedbackId: number,
  recipientId: string,
  now: Date,
): Promise<void> {
  const feedback = await feedbackWithRecipients(unit, feedbackId);
  const view = {
    id: feedback.id,
    senderId: feedback.senderId,
    type: feedback.type,
    content: feedback.content,
    subject: feedback.subject,
    importance: feedback.importance,
  };
  if (feedback.senderOutboxId) {
    await enqueueMessage(
      unit,
      {
        method: 'chat.update',
        channel: '',
        args: feedbackSenderCard(view, ctxFor(chart, feedback.senderId), feedback.recipients),
        updateOfId: feedback.senderOutboxId,
      },
      now,
    );
  }
  const copy = feedback.recipients.find((r) => r.recipientId === recipientId);
  if (copy?.outboxId && copy.readAt) {
    const args = feedbackRecipientCard(view, sharedCtx(chart), {
      by: copy.readBy ?? copy.recipientId,
      at: copy.readAt,
    });
    await enqueueMessage(unit, { method: 'chat.update', channel: '', args, updateOfId: copy.outboxId }, now);
  }
}

/** The feedback whose card is this message, for replies typed in its thread. */
export async function feedbackOfMessage(
  db: DbLike,
  channel: string,
  ts: string,
): Promise<{ feedbackId: number; recipientId: string } | null> {
  return feedbackCopyOfMessage(db, channel, ts);
}
