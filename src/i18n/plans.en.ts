import type { plansZhHant } from './plans.zh-hant.ts';

/** Plans as documents: stage, project, annual and quarterly plans, drafted or uploaded, approved, published. */
export const plansEn: Record<keyof typeof plansZhHant, string> = {
  'plan.kind.stage': 'Stage sales plan',
  'plan.kind.project': 'Project sales plan',
  'plan.kind.annual': 'Annual sales plan',
  'plan.kind.quarterly': 'Quarterly sales plan',
  'plan.modal.submit': 'Submit',
  'plan.modal.hint':
    '{approvers} approve it (the button, or a reply 通過 in its thread), each of them; every change is a new ' +
    'version. Once approved it is published (on its publication day, if given) and prefills the `/focus` drafts ' +
    'of its months.',
  'plan.modal.hint_other':
    '{approvers} approve it (the button, or a reply 通過 in its thread), each of them; every change is a new ' +
    'version. Once approved it is published (on its publication day, if given). You may also upload it as a ' +
    'Markdown or DOCX file in your DM with me.',
  'plan.field.fromMonth': 'From month (e.g. 2026-12)',
  'plan.field.toMonth': 'To month (e.g. 2027-02)',
  'plan.field.publishOn': 'Publication day (e.g. 2026-12-01; blank publishes on approval)',
  'plan.field.goals': 'Sales goals',
  'plan.field.market': 'Market analysis',
  'plan.field.pricing': 'Pricing and promotion',
  'plan.field.channels': 'Channel plan',
  'plan.field.schedule': 'Schedule',
  'plan.field.budget': 'Budget',
  'plan.field.targets': 'Targets (from /targets)',
  'plan.field.focusMain': 'Main monthly focus (goes to /focus)',
  'plan.field.focusSecondary1': 'Secondary focus 1',
  'plan.field.focusSecondary2': 'Secondary focus 2',
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
  'plan.error.span': 'A plan of this kind covers at most {max} months.',
  'plan.error.day': '"{field}": please write YYYY-MM-DD, e.g. 2026-12-01.',
  'plan.error.past_day': 'The publication day cannot be before today.',
  'plan.error.not_author':
    "Only a site's project manager writes stage and project sales plans; a brand's annual and quarterly plans " +
    'are written by its sales director or deputy.',
  'plan.error.not_approver': 'Only {approvers} may decide on this plan.',
  'plan.error.already_approved': 'You approved version {version} already; still waiting for {waiting}.',
  'plan.error.not_own': 'Only its author, {name}, may change this plan.',
  'plan.error.not_found': 'This plan was not found, or you may not see it.',
  'plan.error.moved_on':
    'This plan has a newer version or was already decided (now version {version}, {status}); use the latest card.',
  'plan.command.bad_month': '"{month}" is not a month: please write YYYY-MM, e.g. `/task plan 2026-12`.',
  'plan.command.usage':
    'Usage: `/task plan [kind] [first month]`, the kind one of {kinds}, the month YYYY-MM, e.g. ' +
    '`/task plan {example} 2026-12`.',
  'plan.status.pending': 'waiting for approval',
  'plan.status.returned': 'returned',
  'plan.status.approved': 'approved',
  'plan.card.header': '{kind} {range} (version {version}, {status})',
  'plan.card.meta': '*Author*: {author} | *Approver*: {approvers}',
  'plan.card.file': '📎 Uploaded file: {name}',
  'plan.card.focus': '*Monthly focus*: main: {main} | secondary: {secondary1} | secondary: {secondary2}',
  'plan.card.ask':
    '{approvers}: approve with the button or reply 通過 in the thread; a return needs a reason. The author ' +
    'submits a new version with "Revise".',
  'plan.card.publish_on': '📅 Published on {on} once approved',
  'plan.card.partly': 'Approved so far by {names}',
  'plan.card.approved': '✅ Approved by {by} at {at}, published.',
  'plan.card.approved_later': '✅ Approved by {by} at {at}; published on {on}.',
  'plan.card.returned': '↩️ Returned by {by} at {at}: {reason}',
  'plan.button.approve': 'Approve',
  'plan.button.return': 'Return…',
  'plan.button.revise': 'Revise as author (new version)',
  'plan.return.title': 'Return the plan',
  'plan.return.label': 'Why it is returned',
  'plan.return.submit': 'Return',
  'plan.thread.version': '{name} submitted version {version}.',
  'plan.thread.partly': '{name} approved version {version}; still waiting for {waiting}.',
  'plan.thread.approved': '{name} approved version {version}; it is published.',
  'plan.thread.approved_later': '{name} approved version {version}; it is published on {on}.',
  'plan.thread.published': 'Version {version} was published on {on}.',
  'plan.thread.returned': '{name} returned version {version}: {reason}',
  'plan.saved': '{kind} {range}, version {version}, sent to {approvers} for approval.',
  'plan.dm.approved':
    'Your {kind} {range} (version {version}) was approved by {by} and published; a stage plan prefills the ' +
    '`/focus` drafts of its months.',
  'plan.dm.approved_later': 'Your {kind} {range} (version {version}) was approved by {by}; it is published on {on}.',
  'plan.dm.returned':
    'Your {kind} {range} (version {version}) was returned by {by}: {reason}\nPress "Revise (new ' +
    'version)" on the approval card to submit it again.',
  'plan.published.header': '📘 {kind} {range} (version {version})',
  'plan.published.meta': 'Author: {author} | Approved by {by}, {at}',
  'plan.focus_prefilled': 'Prefilled from the approved stage sales plan {range} (version {version}); change as needed.',
  'plan.upload.bad':
    '"{name}" cannot be submitted as a plan: {problems}\nWrite the kind and months on the first line (e.g. ' +
    '`# Stage sales plan 2026-12 to 2027-01`) and a heading per section: Sales goals, Market analysis, Pricing ' +
    'and promotion, Channel plan, Schedule, Budget, Targets.',
  'plan.upload.unknown_heading':
    '"{name}" was not submitted: the heading(s) {headings} name no section, and what is under them would ' +
    'be lost. Please use these headings: {known}.',
  'plan.upload.unreadable': 'No text could be read from "{name}"; please upload a Markdown (.md) or Word (.docx) file.',
};
