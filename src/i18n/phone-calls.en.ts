import type { phoneCallsZhHant } from './phone-calls.zh-hant.ts';

/** Weekly phone visits: the list, logging, carry-over and Friday's summary. */
export const phoneCallsEn: Record<keyof typeof phoneCallsZhHant, string> = {
  'phone.list.title': 'Phone visits this week (week of {week}): {count} calls',
  'phone.list.empty': 'You have no phone visits to make this week (week of {week}).',
  'phone.list.intro':
    'From the register: credit risk, open issues, replenishment needs, credit to review, no contact for long; ' +
    'calls not made last week are marked carried over.',
  'phone.list.more': '…and {count} more: see `/account calls`',
  'phone.list.line': '*{code} {name}* ({kind}, {market})\n{reasons}',
  'phone.list.done': '*{code} {name}* ({kind}, {market})\n✅ Logged: {outcome}{next}',
  'phone.list.next': '; next step: {next}',
  'phone.log': 'Log',
  'phone.reason.carried': 'carried over (not called last week)',
  'phone.reason.credit': 'credit risk (grade C/D)',
  'phone.reason.issue': 'open issue',
  'phone.reason.replenishment': 'replenishment need',
  'phone.reason.review': 'credit grade to review',
  'phone.reason.quiet': 'no visit or call for 30 days',
  'phone.outcome.reached': 'reached',
  'phone.outcome.no_answer': 'no answer',
  'phone.outcome.callback': 'call back agreed',
  'phone.outcome.problem': 'customer raised a problem',
  'phone.modal.title': 'Log a phone visit',
  'phone.modal.submit': 'Log',
  'phone.modal.account': '*{code} {name}*\n{reasons}',
  'phone.field.outcome': 'Outcome',
  'phone.field.notes': 'Notes',
  'phone.field.next': 'Next step',
  'phone.field.replenishment': 'Replenishment need (if any)',
  'phone.need_recorded': ' The replenishment need is recorded for the SSG (/order needs).',
  'phone.need_not_sku':
    ' The need is kept on the call only: start it with a SKU (e.g. "JUC001 out of stock") to record it.',
  'phone.logged': 'Logged the phone visit to {code} {name}: {outcome}.',
  'phone.osb.open': 'Open an OSB issue',
  'phone.osb.title': '{account}: {next}',
  'phone.osb.description': 'Phone visit (week of {week}): {outcome}. {notes}',
  'phone.not_found': 'That call is not on any list.',
  'phone.already_logged': 'This call is already logged.',
  'phone.not_yours': "This call is on {name}'s list: only they or the SSG leader may log it.",
  'phone.forbidden':
    "Phone-visit lists are the SSG's; the SSG leader and the SLT see the week's summary with `/account calls all`.",
  'phone.outcome_required': 'Choose how the call went',
  'phone.too_long': 'Too long: at most {max} characters',
  'phone.summary.title': 'Phone visits this week (week of {week})',
  'phone.summary.caller':
    '*{name}*: {planned} planned, {made} made ({outcomes}), {open} not made, carried over to next week',
  'phone.summary.outcome': '{outcome} {count}',
  'phone.summary.none_made': 'none yet',
  'phone.summary.call': '• {code} {name}: {outcome}{next}',
  'phone.summary.empty': 'No phone visits this week.',
  'phone.summary.more': '…and {count} more',
};
