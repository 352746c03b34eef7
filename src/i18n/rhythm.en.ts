import type { rhythmZhHant } from './rhythm.zh-hant.ts';

export const rhythmEn: Record<keyof typeof rhythmZhHant, string> = {
  'focus.modal.title': 'Work focus {month}',
  'focus.modal.title_site': 'Stage plan {month}',
  'focus.modal.submit': 'Save draft',
  'focus.field.main': 'Main focus',
  'focus.field.secondary1': 'Secondary focus 1',
  'focus.field.secondary2': 'Secondary focus 2',
  'focus.field.row_targets': '{market}: targets',
  'focus.field.row_focus': '{market}: focus',
  'focus.site': 'This site',
  'focus.error.required': 'Please fill in "{field}".',
  'focus.error.too_long': '"{field}" takes at most {max} characters.',
  'focus.not_allowed': 'Only leadership (on a site, the project manager) may draft the work focus.',
  'focus.not_approver': 'Only the general manager or the sales director may approve the work focus.',
  'focus.already_published': 'The focus for {month} is published and can no longer change.',
  'focus.draft.header': 'Work focus {month} (draft)',
  'focus.draft.header_site': 'Stage sales plan {month} (draft)',
  'focus.header': 'Work focus for {month}',
  'focus.header_site': 'Stage sales plan for {month}',
  'focus.body': '*Main focus*: {main}\n*Secondary*: ① {secondary1}   ② {secondary2}',
  'focus.row': '*{market}* | targets: {targets} | focus: {focus}',
  'focus.draft.ask': 'Drafted by {by}, waiting for {approvers} to approve. Discuss in this thread.',
  'focus.button.approve': 'Approve',
  'focus.approved': '✅ Approved by {by} at {at}; publishes {publish}',
  'focus.published': '📣 Published at {at}',
  'focus.saved': 'Draft focus for {month} saved and sent to {approvers} to approve.',
  'focus.dm.header': 'Work focus {month}: your market',
  'focus.dm.ask': 'Press Acknowledge once you have read it.',
  'focus.button.ack': 'Acknowledge',
  'focus.dm.acked': '✔️ You acknowledged at {at}',
  'focus.status.header': 'Work focus {month}: {acked}/{total} acknowledged',
  'focus.status.acked': '*Acknowledged*: {names}',
  'focus.status.pending': '*Not yet*: {names}',
  'focus.status.none': 'The focus for {month} is not published yet.',
  'focus.reminder.ack':
    'Reminder: the work focus for {month} was published two working days ago; please read it and press Acknowledge.',
  'focus.reminder.unapproved':
    'Reminder: the work focus for {month} is due to publish {publish}, but the draft is not approved (or not ' +
    'drafted). It will not publish unapproved.',
  'focus.help':
    'Usage:\n• `/focus`: draft or edit the focus: this month until its publish day, then next month (leadership; ' +
    'on a site the PM)\n• `/focus 2026-12`: a given month\n' +
    '• `/focus status`: who has acknowledged this month; after its publish day, or once next month is drafted, ' +
    'also how next month stands',
  // h6 rhythm: late approvals, a second approver, the month /focus drafts
  'focus.own_draft': 'You cannot approve a focus you drafted; another leader approves it.',
  'focus.past_month': '{month} is over: its work focus can no longer be drafted or approved.',
  'focus.approved_late':
    '✅ Approved by {by} at {at}; its publish time {publish} had passed, so it was published at once',
  'focus.modal.next_month':
    'The focus for {current} was due {passed}, so this draft is for *{month}*. To draft {current}, type `/focus ' +
    '{current}`.',
  'focus.error.bad_month': 'I cannot read "{text}" as a month. Write it like 2026-12.',
  'focus.status.approved': 'The focus for {month} is approved and publishes {publish}.',
  'focus.status.draft':
    'The focus for {month} is not published: its draft waits for approval (due {publish}; it never publishes ' +
    'unapproved).',
  'meeting.agenda.attainment_site': "*Last month's attainment by team ({metric})*",
  'meeting.slt': 'SLT monthly meeting',
  'meeting.osb': 'OSB meeting',
  'meeting.communication': 'Communication meeting (marketing, market research)',
  'meeting.ssg': 'SSG monthly meeting',
  'meeting.quarterly': 'Quarterly plan meeting',
  'meeting.annual': 'Annual plan meeting',
  'meeting.phone_visits': 'SSG weekly phone visits',
  'meeting.site': 'Site monthly meeting',
  'meeting.reminder.day_before': '📅 Next working day, {time}: {meeting}',
  'meeting.reminder.hour_before': '⏰ In one hour, {time}: {meeting}',
  'meeting.agenda': '*Agenda (from the data)*',
  'meeting.agenda.attainment': "*Last month's attainment by market*",
  'meeting.agenda.attainment_actuals':
    "*Last month's attainment by market* (actuals: the targets' sales, `/sales` included)",
  'meeting.agenda.attainment_line': '• {market}: {actual} / {target} ({attainment})',
  'meeting.agenda.osb': '*OSB register*: {opened} opened last month, {open} still open',
  'meeting.agenda.osb_line': '• {number} {title} | {age, plural, one {# day} other {# days}} | {owner}',
  'meeting.agenda.feedback': '*Sales feedback*: {count} last month',
  'meeting.agenda.feedback_line': '• [{type}] {content} ({sender})',
  'meeting.agenda.visits':
    '*Visits*: {total} last month, {first, plural, one {# first visit} other {# first visits}}, {revisit, plural, ' +
    'one {# revisit} other {# revisits}}',
  'meeting.agenda.ledger':
    '*Last month’s {source}, receivables over 60 days past due, orders held for credit (by market, from the ERP ' +
    'ledger)*',
  'meeting.agenda.source.invoices': 'invoiced sales',
  'meeting.agenda.source.shipments': 'shipped sales',
  'meeting.agenda.ledger_line':
    '• {market}: {source} {sales} | over 60 days {over60} | ' +
    'held {held, plural, one {# order} other {# orders}} {heldAmount}',
  'meeting.agenda.none': '(none)',
  'digest.header': '{frequency} digest for {name}',
  'digest.frequency.daily': 'Daily',
  'digest.frequency.weekly': 'Weekly',
  'digest.frequency.monthly': 'Monthly',
  'digest.visits': '*Visits*: {new} new, {pending} waiting for review over 24 hours',
  'digest.issues': '*Issues*: {new} new, {overdue} past their deadline, {open} open',
  'digest.deals': '*Stuck deals*: {count, plural, one {# customer} other {# customers}} past their stage limit',
  'digest.feedback': '*Feedback*: {count}',
  'digest.attainment': '*Attainment*: {line}',
  'digest.attainment.line': '{metric} {actual}/{target}',
  'digest.attainment.no_target': '{metric} {actual} (no target set)',
  'digest.more': 'More detail in App Home.',
  'digest.set': 'OK, your digest is now: {frequency}.',
  'digest.off': 'Digest turned off.',
  'digest.usage': 'Usage: `/org digest daily|weekly|monthly|off`',
  'home.focus': "*This month's focus*",
  'home.focus.none': "This month's focus is not published yet.",
  'home.approvals': '*Waiting for my approval*',
  'home.approvals.line': '• Registration #{id}: {customer} ({filer})',
  // a brand's visits (h8)
  'digest.visits_brand': '*Account visits*: {new} new, {pending} waiting for review over 24 hours',
  'home.approvals.line_brand': '• Account visit #{id}: {customer} ({filer})', // a brand's visits (h8)
  'home.issues': '*Issues I am handling*',
  'home.issues.line': '• {number} {title} | {status}',
  'home.targets': '*My targets*',
  'home.none': '(none)',
  // h7 cards: headers carry the state
  'focus.draft.header_approved': 'Work focus {month} (approved)',
  'focus.draft.header_site_approved': 'Stage sales plan {month} (approved)',
  // h7 cards: App Home lists every decision waiting for me; the owner hears of a ruling
  'home.pending.ruling': '• Ownership ruling #{id}: {customer} (registered by {filer}, belongs to {owner})',
  'home.pending.focus_draft': '• Work focus draft {month} to approve (drafted by {by})',
  'home.pending.claim': '• Expense claim #{number}, {amount}, to approve (from {claimant})',
  'home.pending.issue_ack': '• Issue {number} {title} to acknowledge (reported by {reporter})',
  'home.pending.feedback': '• Sales feedback to read: {type} ({sender})',
  'home.pending.focus_ack': '• Work focus {month} to acknowledge',
  // /focus status, this month and next: a next month not yet drafted
  'focus.status.next_none':
    'The focus for {month} is not drafted yet (due {publish}); leadership drafts it with `/focus`.',
};
