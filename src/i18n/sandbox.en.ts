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
  'sandbox.guide.property.2': 'Switch to the team lead {name}: open the group DM and reply "通過" in the card\'s thread.',
  'sandbox.guide.property.3': 'Switch to the project manager {name} and ask `/targets`, or `/visit export` the registrations.',
  'sandbox.guide.property.4': 'Press "Next event" on the clock above to see the evening summary reach the site secretary.',
  'sandbox.guide.brand.1': "As the sales director {name}, type `/focus {month}` to draft next month's focus, then press Approve.",
  'sandbox.guide.brand.2': 'Move the clock to the publish day ("Next event"), switch to the rep {name} and acknowledge in the DM.',
  'sandbox.guide.brand.3': 'Back as {name}, `/focus status {month}` shows who acknowledged; on the reminder day the rest are reminded.',
  'sandbox.guide.brand.4': 'Switch to the market manager {name} and ask `/targets` for the market.',
  'sandbox.unknown_command': '{command} is not a valid command. In Slack, all messages that start with the "/" character are interpreted as commands.',
  'sandbox.clock.nothing': 'Nothing is scheduled after this.',
  'sandbox.clock.bad_time': 'The clock only moves forward.',
};
