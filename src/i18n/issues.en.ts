import type { issuesZhHant } from './issues.zh-hant.ts';

export const issuesEn: Record<keyof typeof issuesZhHant, string> = {
  'issue.modal.title': 'Report an issue',
  'issue.modal.submit': 'Submit',
  'issue.field.category': 'Category',
  'issue.field.severity': 'Severity',
  'issue.field.title': 'Title',
  'issue.field.description': 'Description',
  'issue.field.subject': 'Customer, account or market',
  'issue.category.osb_order': 'OSB order',
  'issue.category.osb_shipment': 'OSB shipment',
  'issue.category.osb_billing': 'OSB billing',
  'issue.category.market': 'Market',
  'issue.category.complaint': 'Customer complaint',
  'issue.category.developer': 'Developer coordination',
  'issue.category.internal': 'Internal',
  'issue.severity.low': 'Low',
  'issue.severity.normal': 'Normal',
  'issue.severity.high': 'High',
  'issue.severity.urgent': 'Urgent',
  'issue.status.open': 'Open',
  'issue.status.acknowledged': 'Acknowledged',
  'issue.status.resolved': 'Resolved',
  'issue.error.required': 'Please fill in "{field}".',
  'issue.error.too_long': '"{field}" takes at most {max} characters; please shorten it.',
  'issue.error.choice': 'Please pick "{field}" from the list.',
  // hardening (h4): who an issue may be assigned to
  'issue.error.not_assignable':
    'You can assign this only to yourself, someone below you, or (for an OSB issue) the sales secretary group; ' +
    'please pick from the list.',
  'issue.filed': 'Issue {number} recorded: {title}. It went to {handler}; you will hear of every change.',
  'issue.card.meta': '*Category*: {category}   *Severity*: {severity}   *Status*: {status}',
  'issue.card.people': '*Reported by*: {reporter}   *Owner*: {handler}{assignee}',
  'issue.card.assignee': '   *Assigned to*: {assignee}',
  'issue.card.subject': '*About*: {subject}',
  'issue.card.deadline': '⏳ Please acknowledge by {deadline}, or it moves up to the next manager.',
  'issue.card.acknowledged': '👀 Acknowledged by {by} at {at}',
  'issue.card.resolved': '✅ Resolved by {by} at {at}: {resolution}',
  'issue.card.escalated': '⬆️ Escalated {level} time(s)',
  'issue.button.ack': 'Acknowledge',
  'issue.button.assign': 'Assign…',
  'issue.button.resolve': 'Resolve…',
  'issue.button.escalate': 'Escalate',
  'issue.assign.title': 'Assign issue',
  'issue.assign.label': 'Assign to',
  'issue.assign.submit': 'Assign',
  'issue.resolve.title': 'Resolve issue',
  'issue.resolve.label': 'How it was resolved (the reporter sees this)',
  'issue.resolve.submit': 'Resolve',
  'issue.notify.assigned_to_you': '{by} assigned issue {number} ({title}) to you.',
  'issue.thread.escalated': '⬆️ {number} was not acknowledged in time and moved up to {handler} (escalation {level}).',
  'issue.thread.escalated_by': '⬆️ {by} escalated {number} to {handler}.',
  'issue.escalated_to_you': '⬆️ Issue {number} was not acknowledged in time and is now yours to handle.',
  'issue.top_reached': '{number} is already at the top of the chain.',
  'issue.not_allowed':
    'Only the owner, those above the owner, the assignee, the SSG (for OSB) or leadership may act on this issue; ' +
    'once it has moved up, the levels below may comment in its thread.',
  'issue.not_visible': 'Could not find {number}, or you may not see it.',
  'issue.already_resolved': '{number} is already resolved.',
  'issue.list.mine': '*Reported by me*',
  'issue.list.team': "*My team's*",
  'issue.list.osb': '*All open OSB issues*',
  'issue.list.line': '• {number} {title} | {status} | {age, plural, one {# day} other {# days}} | {owner}',
  'issue.list.empty': '(none)',
  'issue.list.more': '…and {count} more',
  'issue.help':
    "Usage:\n• `/issue`: report an issue\n• `/issue list`: mine, my team's, and open OSB issues\n" +
    '• `/issue OSB-2026-0042`: one issue',
  // a site has no OSB: its issues are ISS- only
  'issue.help_site':
    "Usage:\n• `/issue`: report an issue\n• `/issue list`: mine and my team's\n• `/issue ISS-2026-0042`: one issue",
  'feedback.modal.title': 'Sales feedback',
  'feedback.modal.submit': 'Send',
  'feedback.field.type': 'Type',
  'feedback.field.content': 'Content',
  'feedback.field.subject': 'Project or market',
  'feedback.field.importance': 'Importance',
  'feedback.type.market_info': 'Market information',
  'feedback.type.competitor': 'Competitor',
  'feedback.type.price': 'Price',
  'feedback.type.customer_voice': 'Customer voice',
  'feedback.type.product': 'Product',
  'feedback.type.policy': 'Policy suggestion',
  'feedback.importance.normal': 'Normal',
  'feedback.importance.important': 'Important',
  'feedback.importance.urgent': 'Urgent',
  'feedback.error.required': 'Please fill in "{field}".',
  'feedback.error.too_long': '"{field}" takes at most {max} characters; please shorten it.',
  'feedback.error.choice': 'Please pick "{field}" from the list.',
  'feedback.card.header': 'Sales feedback: {type}',
  'feedback.card.meta': '*From*: {sender}   *Importance*: {importance}{subject}',
  'feedback.card.subject': '   *Project / market*: {subject}',
  'feedback.button.read': 'Mark read',
  'feedback.sender.header': 'Your feedback: {type}',
  'feedback.sender.readers': '*Read* ({read}/{total}): {names}',
  'feedback.sender.unread': '*Not yet read*: {names}',
  'feedback.sent': 'Feedback sent to {names}. Who has read it shows on your feedback message.',
  'feedback.no_recipients': 'Nobody above you in the org chart can receive feedback; please ask an admin.',
  'feedback.not_recipient': 'This feedback was not sent to you.',
  'feedback.digest.header':
    '{scope}: sales feedback of the week ({from} to {to}, {count, plural, one {# item} other {# items}})',
  'feedback.digest.line': '• [{type}] {content} | {sender}{importance}',
  'feedback.digest.empty': 'No feedback this week.',
  // h7 cards: shared cards name their reader; headers carry the state
  'feedback.card.read_by': '✔️ Read by {name} at {at}',
  'feedback.sender.channel_read': '{channel} ({name})',
  // h7 cards: headers carry the state
  'issue.card.header_state': '{number} · {title} ({status})',
  // h7 cards: a click on a card that has just changed
  'issue.changed':
    '{number} has just changed and is now "{status}"; the card is updated, please act on its latest state.',
  // issues: each step noted in the issue's one thread, where the reporter is (h8)
  'issue.thread.acknowledged': '👀 {by} acknowledged {number} ({title}).',
  'issue.thread.assigned': '👉 {by} assigned {number} ({title}) to {assignee}.',
  'issue.thread.resolved': '✅ {by} resolved {number} ({title}): {resolution}',
  // issues: one owner model, and what is in my hands (h8)
  'issue.owner': 'owner {handler}',
  'issue.owner.assigned': 'owner {handler}, assigned to {assignee}',
  'issue.list.in_hand': '*In my hands*',
  // issues: refusals a site reads (no SSG, no OSB there), and escalation to someone already holding a copy (f4)
  'issue.not_allowed_site':
    "Only the owner, those above the owner, the assignee or the site's managers (project manager and above) may " +
    'act on this issue; once it has moved up, the levels below may comment in its thread.',
  'issue.error.not_assignable_site':
    'You can assign this only to yourself or someone below you; please pick from the list.',
  'issue.escalated_to_you_by':
    '⬆️ {by} escalated issue {number} ({title}) to you; the card you already have is updated.',
  // the /issue modal on a site: no dealers or markets there (g2)
  'issue.field.subject_site': 'Customer or unit',
};
