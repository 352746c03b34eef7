import { t, type Locale, tFor } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { actions, button, context, header, section, type Block } from '../blocks.ts';
import { FeedbackIds } from '../ids.ts';

export interface FeedbackView {
  id: number;
  senderId: string;
  type: string;
  content: string;
  subject: string;
  importance: string;
}

interface Ctx {
  locale: Locale;
  timeZone: string;
  nameOf: (id: string) => string;
}

function body(f: FeedbackView, c: Ctx): Block[] {
  const meta = t(c.locale, 'feedback.card.meta', {
    sender: escapeMrkdwn(c.nameOf(f.senderId)),
    importance: tFor(c.locale, 'feedback.importance', f.importance),
    subject: f.subject ? t(c.locale, 'feedback.card.subject', { subject: escapeMrkdwn(truncate(f.subject, 80)) }) : '',
  });
  return [section(meta, 'feedback_meta'), section(escapeMrkdwn(truncate(f.content, 2000)), 'feedback_content')];
}

export interface FeedbackRead {
  by: string;
  at: Date;
}

/**
 * A recipient's copy: the feedback, and a button to mark it read, or who read it and when. The
 * copy sits in a group DM with the sender (or in the SSG channel), so it names the reader, never "you".
 */
export function feedbackRecipientCard(
  f: FeedbackView,
  c: Ctx,
  read: FeedbackRead | null,
  channelCopy?: string,
): { text: string; blocks: Block[] } {
  const title = t(c.locale, 'feedback.card.header', { type: tFor(c.locale, 'feedback.type', f.type) });
  const blocks: Block[] = [header(title), ...body(f, c)];
  blocks.push(
    read
      ? context(
          t(c.locale, 'feedback.card.read_by', {
            name: escapeMrkdwn(c.nameOf(read.by)),
            at: formatDateTime(read.at, c.timeZone),
          }),
        )
      : actions(FeedbackIds.actionsBlock, [
          button(
            t(c.locale, 'feedback.button.read'),
            FeedbackIds.markRead,
            feedbackReadValue(f.id, channelCopy),
            'primary',
          ),
        ]),
  );
  return { text: title, blocks };
}

/** A person's copy carries the feedback id; a channel's copy also names the channel it is read for. */
export const feedbackReadValue = (feedbackId: number, channelCopy?: string): string =>
  channelCopy ? `${feedbackId}:${channelCopy}` : String(feedbackId);

export function parseFeedbackReadValue(value: string): { feedbackId: number; channelCopy?: string } {
  const [id, channel] = value.split(':');
  return { feedbackId: Number(id), ...(channel ? { channelCopy: channel } : {}) };
}

export interface FeedbackReceipt {
  recipientId: string;
  readAt: Date | null;
  readBy?: string | null;
}

/** A person by name; a channel's copy by its channel, and once read by whoever read it there. */
function readerLabel(r: FeedbackReceipt, c: Ctx): string {
  if (!/^[CG]/.test(r.recipientId)) return escapeMrkdwn(c.nameOf(r.recipientId));
  return r.readBy
    ? t(c.locale, 'feedback.sender.channel_read', {
        channel: `<#${r.recipientId}>`,
        name: escapeMrkdwn(c.nameOf(r.readBy)),
      })
    : `<#${r.recipientId}>`;
}

/** What the sender sees: who has read it, and who has not yet. */
export function feedbackSenderCard(
  f: FeedbackView,
  c: Ctx,
  recipients: FeedbackReceipt[],
): { text: string; blocks: Block[] } {
  const title = t(c.locale, 'feedback.sender.header', { type: tFor(c.locale, 'feedback.type', f.type) });
  const read = recipients.filter((r) => r.readAt);
  const unread = recipients.filter((r) => !r.readAt);
  const names = (list: typeof recipients) => (list.length > 0 ? list.map((r) => readerLabel(r, c)).join('、') : '—');
  const status = [
    t(c.locale, 'feedback.sender.readers', { read: read.length, total: recipients.length, names: names(read) }),
  ];
  if (unread.length > 0) status.push(t(c.locale, 'feedback.sender.unread', { names: names(unread) }));
  return {
    text: `${title} (${read.length}/${recipients.length})`,
    blocks: [header(title), ...body(f, c), section(status.join('\n'), 'feedback_readers')],
  };
}
