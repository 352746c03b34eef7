import type { visitsZhHant } from './visits.zh-hant.ts';

export const visitsEn: Record<keyof typeof visitsZhHant, string> = {
  'visit.modal.title': 'Visitor registration',
  'visit.modal.title_brand': 'Account visit',
  'visit.modal.title_edit': 'Edit registration',
  'visit.modal.submit': 'Submit',
  'visit.modal.close': 'Cancel',
  'visit.field.customerName': 'Customer name',
  'visit.field.phone': 'Mobile phone',
  'visit.field.phone_hint': 'Mainland 11 digits, Taiwan 09…, Hong Kong 8 digits, or +country code',
  'visit.field.visitAt': 'Visit time',
  'visit.field.partySize': 'Party size',
  'visit.field.source': 'Source',
  'visit.field.visitType': 'First visit / revisit',
  'visit.field.grade': 'Intent grade',
  'visit.field.budget': 'Budget range',
  'visit.field.unitType': 'Unit type of interest',
  'visit.field.notes': 'Notes',
  'visit.field.account': 'Account (distributor / outlet)',
  'visit.field.purpose': 'Purpose',
  'visit.field.outcome': 'Outcome',
  'visit.field.nextStep': 'Next step',
  'visit.source.walk_in': 'Walk-in',
  'visit.source.referral': 'Referral',
  'visit.source.online': 'Online',
  'visit.source.outdoor_ad': 'Outdoor ad',
  'visit.source.event': 'Event',
  'visit.source.phone': 'Phone',
  'visit.source.other': 'Other',
  'visit.type.first': 'First visit',
  'visit.type.revisit': 'Revisit',
  'visit.grade.A': 'A (strong intent)',
  'visit.grade.B': 'B (interested)',
  'visit.grade.C': 'C (undecided)',
  'visit.grade.D': 'D (low intent)',
  'visit.purpose.order': 'Order',
  'visit.purpose.collection': 'Collection',
  'visit.purpose.display': 'Display check',
  'visit.purpose.training': 'Training',
  'visit.purpose.new_account': 'New account',
  'visit.purpose.complaint': 'Complaint',
  'visit.purpose.other': 'Other',
  'visit.error.required': 'Please fill in "{field}".',
  'visit.error.too_long': '"{field}" takes at most {max} characters; please shorten it.',
  'visit.error.phone':
    '"{field}" is not a valid number: use a mainland 11-digit mobile, a Taiwan 09 number (10 digits), a Hong Kong ' +
    '8-digit number, or +country code.',
  'visit.error.future': '"{field}" cannot be later than now; use the actual visit time.',
  'visit.error.too_old': '"{field}" cannot be more than {days, plural, one {# day} other {# days}} ago.',
  'visit.error.party_size': '"{field}" must be a whole number from 1 to {max}.',
  'visit.error.choice': 'Please pick "{field}" from the list.',
  'visit.error.save_failed': 'Could not save just now. What you entered is still here; please press Submit again.',
  'visit.error.no_approver': 'Nobody above you in the org file can approve this; please ask an admin.',
  'visit.filed': 'Registration #{id} ({customer}) submitted; waiting for {approver} to review.',
  'visit.filed_revisit':
    'Registration #{id} ({customer}) submitted as a revisit on the existing file; waiting for {approver} to review.',
  'visit.contested':
    'Customer {customer} is already registered by {owner} and still protected. Registration #{id} has gone to ' +
    '{reviewer} to rule on ownership.',
  'visit.approval.header': 'Registration #{id} to review',
  'visit.approval.header_brand': 'Account visit #{id} to review',
  'visit.approval.customer': '*Customer*: {customer} ({phone})',
  'visit.approval.visit':
    '*Visit*: {at} · {party, plural, one {# person} other {# people}} · {source} · {type} · grade {grade}',
  'visit.approval.budget': '*Budget*: {budget}   *Unit type*: {unitType}',
  'visit.approval.notes': '*Notes*: {notes}',
  'visit.approval.account': '*Account*: {account}   *Purpose*: {purpose}   *When*: {at}',
  'visit.approval.outcome': '*Outcome*: {outcome}',
  'visit.approval.next_step': '*Next step*: {nextStep}',
  'visit.approval.ask':
    'Filed by {filer}. {approver}, please review: press Approve or Return, or reply "ok" or "return: <reason>" ' +
    'in this thread.',
  'visit.approval.version': '(version {version}, edited after being returned)',
  'visit.button.approve': 'Approve',
  'visit.button.return': 'Return',
  'visit.button.edit': 'Edit and resubmit',
  'visit.decided.approved': '✅ Approved by {by} at {at}',
  'visit.decided.returned': '↩️ Returned by {by} at {at}: {reason}',
  'visit.decided.superseded': '(edited and resubmitted; see the new version)',
  'visit.return.title': 'Return registration',
  'visit.return.reason': 'Reason (the filer will see it)',
  'visit.return.submit': 'Return',
  /** a reply 退回 (or 駁回…) under a registration's approval request, with no reason after it */
  'visit.return.reason_in_reply':
    'Write the reason in the same reply, e.g. "return: please add the budget"; ' +
    'the filer is told it and can edit and resubmit.',
  'visit.return.reason_in_reply_brand':
    'Write the reason in the same reply, e.g. "return: please add the next visit date"; ' +
    'the filer is told it and can edit and resubmit.',
  'visit.notify.returned':
    'Your registration #{id} ({customer}) was returned by {by}: {reason}\nPlease edit it and resubmit.',
  'visit.resubmitted': 'Registration #{id} resubmitted (version {version}); waiting for {approver} to review.',
  'visit.review.body':
    '{filer} registered customer {customer} ({phone}). This customer belongs to {owner}, last visit {last}, still ' +
    'inside the {days}-day protection window. Please rule on ownership.',
  'visit.button.keep_owner': 'Keep with {owner}',
  'visit.button.give_filer': 'Give to {filer}',
  'visit.ruled.keep': '⚖️ Ruled by {by} at {at}: the customer stays with {owner}',
  'visit.ruled.give': '⚖️ Ruled by {by} at {at}: the customer goes to {filer}',
  'visit.notify.ruled_keep':
    'Customer {customer} stays with {owner} (ruled by {by}); registration #{id} creates no new file.',
  'visit.notify.ruled_give':
    'Customer {customer} is now yours (ruled by {by}); registration #{id} has gone to {approver} to review.',
  'visit.notify.owner_changed': 'Customer {customer} now belongs to {filer} (ruled by {by}).',
  'visit.not_approver': "Only {filer}'s team lead or a manager above may review this registration.",
  'visit.not_approver_brand': "Only {filer}'s manager or a manager above may review this visit registration.",
  'visit.not_reviewer': 'Only the project manager (or the acting deputy) may rule on ownership.',
  'visit.not_filer': 'Only {filer}, who filed it, may edit this registration.',
  'visit.not_returned': 'This registration is not returned, so there is nothing to edit.',
  'stage.visiting': 'Visiting',
  'stage.reserved': 'Reserved',
  'stage.contracted': 'Contract signed',
  'stage.mortgage': 'Mortgage',
  'stage.registered': 'Contract registration',
  'stage.paid': 'Final payment collected',
  'stage.closed': 'Closed',
  'stage.lost': 'Lost',
  'customer.card.header': 'Customer file: {customer}',
  'customer.card.body':
    '*Owner*: {owner}\n*Phone*: {phone}\n*Stage*: {stage} (since {since})\n' +
    '*Visits*: {count}, first {first}, last {last}',
  'customer.card.deal': '*Deal #{id}*: {stage}. The deal moves this file on from here: `/deal #{id}`',
  'customer.card.lost': '*Lost because*: {reason}',
  'customer.button.next': 'Move to "{stage}"',
  'customer.button.lost': 'Mark lost',
  'customer.lost.title': 'Mark customer lost',
  'customer.lost.reason': 'Why was the customer lost?',
  'customer.lost.submit': 'Confirm',
  'customer.stage_moved': 'Customer {customer} moved to "{stage}" by {by}.',
  'customer.stage_lost': 'Customer {customer} marked lost by {by}: {reason}',
  'customer.stage_not_allowed': 'The customer is at "{stage}" and cannot move to "{to}".',
  'customer.not_allowed': "Only the customer's owner or a manager above may change the stage.",
  'customer.stuck.owner':
    '⏰ Customer {customer} has been at "{stage}" for {days, plural, one {# day} other {# days}}; please follow up.',
  'customer.stuck.deputy':
    '⏰ {owner}\'s customer {customer} has been at "{stage}" for {days, plural, one {# day} other {# days}} ' +
    'without moving; please help follow up.',
  'visit.mine.header': 'My customers ({count})',
  'visit.mine.line':
    '• *{customer}* ({phone}) | {stage} | {count, plural, one {# visit} other {# visits}}, last {last}',
  'visit.mine.empty': 'You have no customer files yet. File your first visitor with `/visit`.',
  'visit.mine.empty_brand': 'Visit registrations keep no customer files: see the accounts you own with `/account`.',
  'visit.mine.more': '…and {count} more; see App Home.',
  'visit.file.not_found': 'No customer file matching "{query}" that you may see.',
  'visit.help':
    'Usage:\n• `/visit`: file a visitor registration\n• `/visit mine`: my customers and stages\n' +
    '• `/visit <phone or customer name>`: one customer file\n' +
    '• `/visit export 2026-11-01 2026-11-30`: the period as CSV (PM, deputy, site secretary)',
  'visit.export.done':
    'Exported {count, plural, one {# registration} other {# registrations}} from {from} to {to} (CSV, opens in Excel).',
  'visit.export.done_brand':
    'Exported {count, plural, one {# visit registration} other {# visit registrations}} from {from} to {to} ' +
    '(CSV, opens in Excel).',
  'visit.export.usage':
    'Usage: `/visit export` for this month, or `/visit export 2026-11-01 2026-11-30` (first and last day, inclusive)',
  'visit.export.title': 'Visitor registrations {from} to {to}',
  'visit.export.title_brand': 'Visit registrations {from} to {to}',
  'visit.csv.filer': 'Filed by',
  'visit.csv.approver': 'Approver',
  'visit.csv.status': 'Status',
  'visit.status.pending': 'Pending',
  'visit.status.returned': 'Returned',
  'visit.status.ownership_review': 'Ownership under review',
  'visit.status.approved': 'Approved',
  'visit.status.rejected': 'Duplicate, not filed',
  'visit.summary.header': "{lead}'s team, {date}: {count, plural, one {# visit} other {# visits}}",
  'visit.summary.line': '• {time} {customer} ({phone}) | {filer} | {source} | {type} | {grade}',
  'visit.summary.empty': 'No approved registrations today.',
  'visit.analysis.header': 'Visit analysis {from} to {to}',
  'visit.analysis.total':
    '{total, plural, one {# visit} other {# visits}}: {first, plural, one {# first visit} other {# first visits}},' +
    ' {revisit, plural, one {# revisit} other {# revisits}}',
  'visit.analysis.by_source': '*By source*',
  'visit.analysis.by_grade': '*By intent grade*',
  'visit.analysis.by_team': '*By team*',
  'visit.analysis.by_person': '*By salesperson*',
  'visit.analysis.conversion': '*Stage conversion* (customer files opened in the period)',
  'visit.analysis.item': '{label} {count}',
  'visit.analysis.none': '(none)',
  'visit.pending_over_day':
    '{count, plural, one {# registration has} other {# registrations have}} waited over 24 hours for your review.',
  // h7 cards: headers carry the state
  'visit.thread.approved':
    "{filer}'s registration #{id} ({customer}) was approved by {by}; the customer file is updated.",
  'visit.approval.header_approved': 'Registration #{id} approved',
  'visit.approval.header_returned': 'Registration #{id} returned',
  'visit.approval.header_superseded': 'Registration #{id} resubmitted',
  'visit.approval.header_brand_approved': 'Account visit #{id} approved',
  'visit.approval.header_brand_returned': 'Account visit #{id} returned',
  'visit.approval.header_brand_superseded': 'Account visit #{id} resubmitted',
  'visit.review.header_pending': 'Ownership ruling: registration #{id} to rule',
  'visit.review.header_ruled': 'Ownership ruling: registration #{id} ruled',
  // h7 cards: the owner hears of a ruling that keeps their customer
  'visit.notify.owner_kept':
    '{filer} also registered your customer {customer} (registration #{id}). {by} ruled that the customer stays ' +
    'with you.',
  // h3: undecided registrations follow the org chart
  'visit.reassigned': 'The org chart changed: registration #{id} now goes to {approver} for review (was {before}).',
  // visits: a brand's registration is an account visit, in every text its people see (h8)
  'visit.modal.title_edit_brand': 'Edit account visit',
  'visit.field.visitAt_brand': 'Visit time',
  'visit.error.future_brand': '"{field}" cannot be later than now; use the actual time of the visit.',
  'visit.filed_brand': 'Account visit #{id} ({customer}) submitted; waiting for {approver} to review.',
  'visit.resubmitted_brand': 'Account visit #{id} resubmitted (version {version}); waiting for {approver} to review.',
  'visit.notify.approved_brand': 'Your account visit #{id} ({customer}) was approved by {by}.',
  'visit.notify.returned_brand':
    'Your account visit #{id} ({customer}) was returned by {by}: {reason}\nPlease edit it and resubmit.',
  'visit.return.title_brand': 'Return account visit',
  'visit.help_brand': 'Usage:\n• `/visit`: file an account visit (a distributor or an outlet)',
  // visits: a name search with several matches (h8)
  'visit.file.matches': 'Customer files matching "{query}" ({count})',
  // deals: confirm a stage move, and undo a step (h8)
  'customer.confirm.title': 'Change the stage',
  'customer.confirm.text': 'Move customer {customer} to "{stage}"?',
  'customer.confirm.yes': 'Confirm',
  'customer.confirm.no': 'Cancel',
  'customer.button.undo': 'Undo last step',
  'customer.undo.previous': 'the previous stage',
  'customer.stage_undone': 'Customer {customer} was moved back from "{from}" to "{stage}" by {by}.',
  'customer.undo_not_allowed': "Only a manager above the customer's owner may undo a stage.",
  'customer.undo_none': 'Customer is at "{stage}": there is no step to undo.',
  'visit.thread.approved_brand': "{filer}'s account visit #{id} ({customer}) was approved by {by}.",
  'visit.thread.replaced':
    "This is an earlier approval card of {filer}'s registration #{id}; a newer card replaced it (now: {status}), " +
    'so a reply here does nothing. Act on the latest card, or see Waiting for my approval on the App Home.',
  'visit.thread.replaced_brand':
    "This is an earlier approval card of {filer}'s account visit #{id}; a newer card replaced it (now: {status}), " +
    'so a reply here does nothing. Act on the latest card, or see Waiting for my approval on the App Home.',
  // a ruled 撞單 card no longer asks for a ruling (f4)
  'visit.review.body_ruled':
    '{filer} registered customer {customer} ({phone}). This customer belongs to {owner}, last visit {last}, still ' +
    'inside the {days}-day protection window.',
  // a brand's evening summary and analysis are about account visits, not visitors (g1)
  'visit.summary.header_brand':
    "{lead}'s team, {date}: {count, plural, one {# account visit} other {# account visits}}",
  'visit.summary.line_brand': '• {time} {account} | {filer} | {purpose} | {outcome} | next: {nextStep}',
  'visit.analysis.header_brand': 'Account visit analysis {from} to {to}',
  'visit.analysis.total_brand': '{total, plural, one {# account visit} other {# account visits}}',
  'visit.analysis.by_account_brand': '*By account (distributor / store)*',
  'visit.analysis.by_purpose_brand': '*By purpose*',
  'visit.analysis.by_team_brand': '*By team (approver)*',
  'visit.analysis.by_person_brand': '*By visitor*',
};
