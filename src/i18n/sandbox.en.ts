import type { sandboxZhHant } from './sandbox.zh-hant.ts';

/** The sandbox (h5): org panel, guide, clock, and Slack's own answers. */
export const sandboxEn: Record<keyof typeof sandboxZhHant, string> = {
  'sandbox.team.leadership': 'Leadership',
  'sandbox.team.site_office': 'Site office',
  'sandbox.team.of_lead': "{name}'s team",
  'sandbox.team.slt': 'SLT (sales leadership)',
  'sandbox.team.ssg': 'SSG (sales secretaries)',
  'sandbox.team.fsf': 'FSF (field sales)',
  'sandbox.team.fsf_markets': 'FSF · {markets}',
  'sandbox.guide.property.1': 'As the salesperson {name}, type `/visit` and file a visitor registration.',
  'sandbox.guide.property.2':
    'Switch to the team lead {name}: open the group DM and reply "通過" in the card\'s thread.',
  'sandbox.guide.property.3':
    "Switch to the project manager {name} and ask `/targets`, or `/visit export {from} {to}` for this month's " +
    'registrations.',
  'sandbox.guide.property.4':
    'Press "Next event" on the clock above, then switch to the site secretary {name} and read the evening summary ' +
    'in the DM with the bot.',
  'sandbox.guide.property.5':
    'Back as the project manager {name}, type `/task`, pick 市調 (market research), a team lead and "this ' +
    'person\'s team"; then, as one of that team, press "Add research result…" and "Done" on the task card in the ' +
    "DM, and watch the manager's card count it.",
  'sandbox.guide.brand.1': "As the sales director {name}, type `/focus {month}` and submit next month's focus draft.",
  'sandbox.guide.brand.approve':
    'The drafter never approves their own draft: switch to {name} of the SLT, open the group DM with {drafter} ' +
    'and press Approve on the draft.',
  'sandbox.guide.brand.2':
    'Pick the publish day {publish} in the clock above and press "Go"; switch to the rep {name} and press ' +
    'Acknowledge in the DM with the bot.',
  'sandbox.guide.brand.3':
    'Back as {name}, `/focus status {month}` shows who acknowledged; move the clock to the reminder day, {remind},' +
    ' and the rest are reminded.',
  'sandbox.guide.brand.4': 'Switch to the market manager {name} and ask `/targets` for the market.',
  'sandbox.unknown_command':
    '{command} is not a valid command. In Slack, all messages that start with the "/" character are interpreted ' +
    'as commands.',
  'sandbox.clock.nothing': 'Nothing is scheduled after this.',
  'sandbox.clock.bad_time': 'The clock only moves forward.',
};
