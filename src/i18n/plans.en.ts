import type { plansZhHant } from './plans.zh-hant.ts';

/** Plans as documents: the stage plan's drafting, approval, versions, publication and the focus it prefills. */
export const plansEn: Record<keyof typeof plansZhHant, string> = {
  'plan.modal.title': 'Stage sales plan',
  'plan.modal.submit': 'Submit',
  'plan.modal.hint':
    '{approvers} approve it (the button, or a reply 通過 in its thread); every change is a new version. Once ' +
    'approved it is published to planning and the site channel, and prefills the `/focus` drafts of its months.',
  'plan.field.fromMonth': 'From month (e.g. 2026-12)',
  'plan.field.toMonth': 'To month (e.g. 2027-02)',
  'plan.field.goals': 'Sales goals',
  'plan.field.market': 'Market analysis (optional)',
  'plan.field.pricing': 'Pricing and promotion (optional)',
  'plan.field.channels': 'Channel plan (optional)',
  'plan.field.schedule': 'Schedule (optional)',
  'plan.field.budget': 'Budget (optional)',
  'plan.field.targets': 'Targets (from /targets, optional)',
  'plan.field.focusMain': 'Main monthly focus (goes to /focus)',
  'plan.field.focusSecondary1': 'Secondary focus 1 (optional)',
  'plan.field.focusSecondary2': 'Secondary focus 2 (optional)',
  'plan.section.goals': 'Sales goals',
  'plan.section.market': 'Market analysis',
  'plan.section.pricing': 'Pricing and promotion',
  'plan.section.channels': 'Channel plan',
  'plan.section.schedule': 'Schedule',
  'plan.section.budget': 'Budget',
  'plan.section.targets': 'Targets',
  'plan.error.required': 'Please fill in "{field}".',
  'plan.error.too_long': '"{field}" takes at most {max} characters; please shorten it.',
  'plan.error.month': '"{field}": please write YYYY-MM, e.g. 2026-12.',
  'plan.error.past_month': 'The first month cannot be before this month.',
  'plan.error.order': 'The last month cannot be before the first.',
  'plan.error.span': 'A stage plan covers at most {max} months.',
  'plan.error.not_author':
    "Only a site's project manager writes stage sales plans (a brand's annual and quarterly plans are not open yet).",
  'plan.error.not_approver': 'Only {approvers} may decide on this plan.',
  'plan.error.not_own': 'Only its author, {name}, may change this plan.',
  'plan.error.not_found': 'This plan was not found, or you may not see it.',
  'plan.error.moved_on':
    'This plan has a newer version or was already decided (now version {version}, {status}); use the latest card.',
  'plan.status.pending': 'waiting for approval',
  'plan.status.returned': 'returned',
  'plan.status.approved': 'approved',
  'plan.card.header': 'Stage sales plan {range} (version {version}, {status})',
  'plan.card.meta': '*Author*: {author} | *Approver*: {approvers}',
  'plan.card.focus': '*Monthly focus*: main: {main} | secondary: {secondary1} | secondary: {secondary2}',
  'plan.card.ask':
    '{approvers}: approve with the button or reply 通過 in the thread; a return needs a reason. The author ' +
    'submits a new version with "Revise".',
  'plan.card.approved': '✅ Approved by {by} at {at}, published to planning and the site channel.',
  'plan.card.returned': '↩️ Returned by {by} at {at}: {reason}',
  'plan.button.approve': 'Approve',
  'plan.button.return': 'Return…',
  'plan.button.revise': 'Revise (new version)',
  'plan.return.title': 'Return the plan',
  'plan.return.label': 'Why it is returned',
  'plan.return.submit': 'Return',
  'plan.thread.version': '{name} submitted version {version}.',
  'plan.thread.approved': '{name} approved version {version}; it is published.',
  'plan.thread.returned': '{name} returned version {version}: {reason}',
  'plan.saved': 'Stage sales plan {range}, version {version}, sent to {approvers} for approval.',
  'plan.dm.approved':
    'Your stage sales plan {range} (version {version}) was approved by {by} and published; the `/focus` drafts ' +
    'of its months open with its focus.',
  'plan.dm.returned':
    'Your stage sales plan {range} (version {version}) was returned by {by}: {reason}\nPress "Revise (new ' +
    'version)" on the approval card to submit it again.',
  'plan.published.header': '📘 Stage sales plan {range} (version {version})',
  'plan.published.meta': 'Author: {author} | Approved by {by}, {at}',
  'plan.focus_prefilled': 'Prefilled from the approved stage sales plan {range} (version {version}); change as needed.',
};
