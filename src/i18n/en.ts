import { scorecardsEn } from './scorecards.en.ts';
import { expensesEn } from './expenses.en.ts';
import type { MessageKey } from './zh-hant.ts';
import { issuesEn } from './issues.en.ts';
import { targetsEn } from './targets.en.ts';
import { rhythmEn } from './rhythm.en.ts';
import { sandboxEn } from './sandbox.en.ts';
import { dealsEn } from './deals.en.ts';
import { dealReportsEn } from './deal-reports.en.ts';
import { visitsEn } from './visits.en.ts';
import { deliveryEn } from './delivery.en.ts';
import { chartsEn } from './charts.en.ts';
import { tasksEn } from './tasks.en.ts';
import { plansEn } from './plans.en.ts';
import { accountsEn } from './accounts.en.ts';
import { phoneCallsEn } from './phone-calls.en.ts';
import { receivablesEn } from './receivables.en.ts';
import { erpEn } from './erp.en.ts';
import { ordersEn } from './orders.en.ts';

/** English. Every key of the Traditional Chinese catalogue, no more. */
export const en: Record<MessageKey, string> = {
  ...dealsEn,
  ...dealReportsEn,
  ...visitsEn,
  ...issuesEn,
  ...targetsEn,
  ...expensesEn,
  ...scorecardsEn,
  ...rhythmEn,
  ...deliveryEn,
  ...chartsEn,
  ...tasksEn,
  ...plansEn,
  ...sandboxEn,
  ...accountsEn,
  ...phoneCallsEn,
  ...receivablesEn,
  ...erpEn,
  ...ordersEn,
  'role.marketing_director': 'Marketing director',
  'role.vp_business': 'VP business',
  'role.sales_director': 'Sales director',
  'role.project_manager': 'Project manager',
  'role.deputy_manager': 'Deputy manager',
  'role.site_secretary': 'Site secretary',
  'role.team_lead': 'Team lead',
  'role.salesperson': 'Salesperson',
  'role.trainee': 'Trainee salesperson',
  'role.general_manager': 'General manager',
  'role.deputy_sales_director': 'Deputy sales director',
  'role.ssg_leader': 'SSG leader',
  'role.customer_service_rep': 'Customer service rep',
  'role.market_manager': 'Market manager',
  'role.unit_manager': 'Unit manager',
  'role.key_account_manager': 'Key account manager',
  'role.sales_rep': 'Local sales rep',

  'error.not_in_org':
    'You are not in the org chart of "{org}" yet, so this command is not available to you. Please ask {contacts} ' +
    'to add you to the org file.',
  'error.forbidden': 'Sorry, you are not allowed to do that.',
  /** a 通過 in the thread of a DM with the bot that is no approval card (a reminder, a notice) */
  'approval.reply_not_here':
    'This message is not an approval card, so a reply of 通過 here approves nothing. ' +
    "Press Approve on the approval card, or reply 通過 in that card's thread; " +
    'everything waiting for you is under Waiting for my approval on the App Home.',
  'approval.return_reply_not_here':
    'A reply of 退回：reason (return: reason) only returns a visit registration waiting for approval; this ' +
    'message is not one, so nothing was returned. For anything else, use the buttons on its card.',
  /** between the reasons of one line of an import's file */
  'import.reasons_separator': '; ',
  'error.invalid_input': 'Invalid input: {reason}',
  'error.not_found': 'Could not find {what}.',
  'error.already_decided': 'This was already handled by {by} at {at}; nothing more to do.',
  'error.already_decided_by_you': 'You already handled this at {at}; nothing more to do.',
  'error.no_approver': 'Nobody above you in the org file can approve this; please ask an admin.',
  'error.org_file_invalid': 'The org file has errors and was not loaded; the current chart stays in force:\n{problems}',
  'error.org_file_unreadable': 'Could not read the org file {file}; the current chart stays in force.',
  'error.internal': 'Something went wrong on our side. Nothing you entered was lost; please try again shortly.',

  'org.file.line': 'Line {line}: {reason}',
  'org.file.reason.yaml': 'invalid YAML ({value})',
  'org.file.reason.shape': 'the file does not have the expected structure',
  'org.file.reason.field': 'the value of "{value}" is not valid',
  'org.file.reason.unknown_key': 'unknown key "{value}"',
  'org.file.reason.timezone': 'unknown time zone "{value}"',
  'org.file.reason.duplicate_person': 'person {value} appears twice',
  'org.file.reason.unknown_role': 'unknown role "{value}"',
  'org.file.reason.unknown_manager': 'reports_to names nobody in the file: {value}',
  'org.file.reason.unknown_market': 'no market with code "{value}"',
  'org.file.reason.unknown_admin': 'admins names nobody in the file: {value}',
  'org.file.reason.market_without_owner': 'market {value} has no owner (owner must be a person in the file)',
  'org.file.reason.cycle': 'the reporting chain goes round in a circle: {value}',
  'org.file.reason.unknown_meeting':
    'unknown meeting "{value}" (known: slt, quarterly, annual, osb, communication, ssg, phone_visits; on a site: site)',
  'org.file.reason.meeting_field':
    'the meeting setting "{value}" does not apply: monthly meetings take day, weekly ones weekday',
  // hardening (h4): limits on the org file
  'org.file.reason.too_deep':
    'the reporting chain is deeper than 50 levels ({value} is below level 50); check reports_to',
  'org.file.reason.yaml_aliases': 'too many YAML aliases (*) to expand (at most {value}); the file is not read',

  'org.profile.header': '{name} · {role}',
  'org.profile.org': 'Organisation: {org}',
  'org.profile.chain': '*Reporting chain*',
  'org.profile.reports': '*Direct reports*',
  'org.profile.markets': '*Markets*: {markets}',
  'org.profile.area': '*Area*: {area}',
  'org.profile.accounts': '*Accounts*: {accounts}',
  'org.profile.none': '(none)',
  'org.profile.top': '(top of the organisation)',
  'org.profile.more': '…and {count} more',
  'org.lang.set': 'OK, I will answer you in English from now on.',
  'org.lang.usage': 'Usage: `/org lang zh-Hant` or `/org lang en`',
  'org.reload.done':
    'Org chart reloaded: {people, plural, one {# person} other {# people}}, {added} added, {updated} updated, ' +
    '{deactivated} deactivated.',
  'org.person_not_found': '{who} is not in the org chart.',
  'org.help':
    'Usage:\n• `/org`: my role, reporting chain and direct reports\n' +
    '• `/org @someone`: someone else (my reports, or leadership)\n• `/org lang zh-Hant|en`: set my language\n' +
    '• `/org digest daily|weekly|monthly|off`: my digest\n' +
    '• `/org reload`: reload the org file (leadership or admins)\n' +
    '• `/org retry-failed`: send undelivered messages again (leadership or admins)',
  'home.title': 'Sales Desk',
  'home.me': '*{name}* · {role} · {org}',
  'home.commands':
    '*Commands*\n• `/visit` file a visitor registration\n• `/issue` report an issue\n• `/feedback` send sales ' +
    'feedback\n• `/targets` my targets and attainment{focus}\n• `/deal` deals, payments and chasing\n' +
    '• `/task` tasks, market research and plans\n' +
    '• `/expense` expense claims and budget\n• `/org` org chart and settings',
  'home.not_in_org': 'You are not in the org chart yet. Please ask {contacts}.',
  // h7 cards: a click on a button that is gone
  'error.stale_button': 'This button is no longer in use: the message has changed since; please go by the latest one.',
  'error.stale_form': 'This form is no longer in use and nothing was saved. Please open it again with its command.',

  // database outages and scheduled runs that finally failed
  'error.database_unavailable': 'Could not save right now. Please try again in a moment.',
  'job.failed.admin': '⚠️ Scheduled job "{job}" ({period}) failed {attempts} times and will not be retried: {reason}',

  // App Home on a brand: its own word for a visit (f4)
  'home.commands_brand':
    '*Commands*\n• `/visit` file an account visit\n• `/issue` report an issue (OSB too)\n• `/feedback` send sales ' +
    'feedback\n• `/targets` my targets and attainment{focus}\n• `/account` accounts, credit and logistics\n' +
    '• `/order` orders, shipments and receivables\n• `/task` tasks, market research and plans\n' +
    '• `/expense` expense claims and budget\n• `/org` org chart and settings',
  // a direct message to the bot that is not a command (f1)
  'dm.help':
    'I don\'t read plain messages; please use a command (type "/" in the message box):\n' +
    '• `/visit` file a customer visit\n• `/issue` report an issue\n• `/targets` my targets and results\n' +
    '• `/org` the org chart and settings (`/org lang zh-Hant` for Chinese)\nApp Home lists every command.',
  // App Home lists /focus only to those it answers (g2)
  'home.commands.focus_draft': "\n• `/focus` this month's work focus",
  'home.commands.focus_status': "\n• `/focus status` who has acknowledged this month's focus",
};
