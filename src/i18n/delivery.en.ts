import type { deliveryZhHant } from './delivery.zh-hant.ts';

/** Delivery to Slack: what failed, for the sender and the admins, and the retry command (h2-delivery). */
export const deliveryEn: Record<keyof typeof deliveryZhHant, string> = {
  'delivery.item.visit': 'registration #{ref}',
  'delivery.item.issue': 'issue {ref}',
  'delivery.item.feedback': 'sales feedback #{ref}',
  'delivery.item.message': 'message',
  'delivery.reason.not_in_channel': 'the bot is not in that channel',
  'delivery.reason.channel_not_found': 'that channel does not exist',
  'delivery.reason.is_archived': 'that channel is archived',
  'delivery.reason.user_not_found': 'that user does not exist',
  'delivery.reason.invalid_blocks': "Slack refused the message's layout",
  'delivery.reason.unreachable': 'Slack could not be reached for hours',
  'delivery.reason.other': 'Slack refused the message ({code})',
  'delivery.failed.sender': 'Your {item} could not reach {recipient}: {reason}. The admins have been told.',
  'delivery.failed.admins':
    '⚠️ {count} messages could not be delivered:\n{lines}\n' +
    'Once the cause is fixed, `/org retry-failed` sends them again.',
  'delivery.failed.line': '• {item} → {recipient}: {reason}',
  'delivery.failed.line_by': "• {by}'s {item} → {recipient}: {reason}",
  'delivery.failed.more': '…and {count} more',
  'org.retry_failed.done': 'Queued {count} undelivered messages again; they go out in order.',
};
