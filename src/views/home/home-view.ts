import type { HomeView } from '@slack/types';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { divider, header, section, type Block } from '../blocks.ts';

/** How much of `/focus` the reader may use. */
export type FocusUse = 'draft' | 'status' | 'none';

/**
 * The App Home tab. Features add their own sections (focus, approvals, issues, targets); `/focus` is
 * listed only as far as the reader may use it (drafting, or only its status).
 */
export function homeView(
  chart: OrgChart,
  userId: string,
  locale: Locale,
  sections: Block[] = [],
  focusUse: FocusUse = 'none',
): HomeView {
  const person = chart.person(userId);
  if (!person) {
    const contacts = chart.people
      .filter((p) => chart.isLeadership(p.slackId))
      .slice(0, 3)
      .map((p) => `<@${p.slackId}>`)
      .join('、');
    return {
      type: 'home',
      blocks: [header(t(locale, 'home.title')), section(t(locale, 'home.not_in_org', { contacts }))],
    };
  }
  const role = t(locale, `role.${person.role}`);
  const focusKey = focusUse === 'draft' ? 'home.commands.focus_draft' : 'home.commands.focus_status';
  const focus = focusUse === 'none' ? '' : t(locale, focusKey);
  const blocks: Block[] = [
    header(t(locale, 'home.title')),
    section(t(locale, 'home.me', { name: escapeMrkdwn(person.name), role, org: escapeMrkdwn(chart.data.name) }), 'me'),
    ...sections,
    divider(),
    section(
      t(locale, chart.template === 'brand-sales' ? 'home.commands_brand' : 'home.commands', { focus }),
      'commands',
    ),
  ];
  return { type: 'home', blocks: blocks.slice(0, 100) };
}
