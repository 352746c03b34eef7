import { t, type Locale, type MessageKey } from '../i18n/index.ts';
import { formatDateTime } from '../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../lib/text.ts';
import { actions, button, context, header, section, type Block } from './blocks.ts';
import { FeedbackIds } from './ids.ts';

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
    importance: t(c.locale, `feedback.importance.${f.importance}` as MessageKey),
    subject: f.subject ? t(c.locale, 'feedback.card.subject', { subject: escapeMrkdwn(truncate(f.subject, 80)) }) : '',
  });
  return [section(meta, 'feedback_meta'), section(escapeMrkdwn(truncate(f.content, 2000)), 'feedback_content')];
}

/** What a recipient sees: the feedback, and a button to mark it read (or when they read it). */
export function feedbackRecipientCard(f: FeedbackView, c: Ctx, readAt: Date | null): { text: string; blocks: Block[] } {
  const title = t(c.locale, 'feedback.card.header', { type: t(c.locale, `feedback.type.${f.type}` as MessageKey) });
  const blocks: Block[] = [header(title), ...body(f, c)];
  blocks.push(readAt ? context(t(c.locale, 'feedback.card.read_by_you', { at: formatDateTime(readAt, c.timeZone) })) : actions(FeedbackIds.actionsBlock, [button(t(c.locale, 'feedback.button.read'), FeedbackIds.markRead, String(f.id), 'primary')]));
  return { text: title, blocks };
}

/** What the sender sees: who has read it, and who has not yet. */
export function feedbackSenderCard(f: FeedbackView, c: Ctx, recipients: { recipientId: string; readAt: Date | null }[]): { text: string; blocks: Block[] } {
  const title = t(c.locale, 'feedback.sender.header', { type: t(c.locale, `feedback.type.${f.type}` as MessageKey) });
  const read = recipients.filter((r) => r.readAt);
  const unread = recipients.filter((r) => !r.readAt);
  const names = (list: typeof recipients) => (list.length > 0 ? list.map((r) => escapeMrkdwn(c.nameOf(r.recipientId))).join('、') : '—');
  const status = [t(c.locale, 'feedback.sender.readers', { read: read.length, total: recipients.length, names: names(read) })];
  if (unread.length > 0) status.push(t(c.locale, 'feedback.sender.unread', { names: names(unread) }));
  return { text: `${title} (${read.length}/${recipients.length})`, blocks: [header(title), ...body(f, c), section(status.join('\n'), 'feedback_readers')] };
}
