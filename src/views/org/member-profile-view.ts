import { t, type Locale } from '../../i18n/index.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import type { OrgPerson } from '../../domain/org/org-chart.ts';
import { context, header, section, type Block } from '../blocks.ts';

export interface MemberProfile {
  person: OrgPerson;
  orgName: string;
  /** Managers level by level, nearest first. */
  managerLevels: OrgPerson[][];
  directReports: OrgPerson[];
  marketNames: string[];
  /** The person's training record (培訓): each training task, and when it was completed. */
  training?: {
    title: string;
    status: string;
    dueDate: string;
    finishedOn: string | null;
    /** Part of the onboarding (上崗培訓) the org file gives the role: until all is done, they are a trainee. */
    onboarding?: boolean;
    /** A session's attendance (present | absent) and mark, as its assigner recorded them. */
    attendance?: string | null;
    mark?: string | null;
  }[];
}

const MAX_REPORTS_SHOWN = 30;

const roleName = (locale: Locale, person: OrgPerson): string => t(locale, `role.${person.role}`);
const nameWithRole = (locale: Locale, person: OrgPerson): string =>
  `${escapeMrkdwn(person.name)}（${roleName(locale, person)}）`;

/** `/org`: a person's role, chain of managers by name, and direct reports. */
export function memberProfileView(profile: MemberProfile, locale: Locale): { text: string; blocks: Block[] } {
  const { person } = profile;
  const none = t(locale, 'org.profile.none');
  const chain =
    profile.managerLevels.length === 0
      ? t(locale, 'org.profile.top')
      : profile.managerLevels.map((level) => level.map((p) => nameWithRole(locale, p)).join('、')).join(' → ');
  const shown = profile.directReports.slice(0, MAX_REPORTS_SHOWN).map((p) => `• ${nameWithRole(locale, p)}`);
  if (profile.directReports.length > MAX_REPORTS_SHOWN)
    shown.push(t(locale, 'org.profile.more', { count: profile.directReports.length - MAX_REPORTS_SHOWN }));
  const title = t(locale, 'org.profile.header', { name: person.name, role: roleName(locale, person) });
  const blocks: Block[] = [
    header(title),
    section(`${t(locale, 'org.profile.chain')}\n${chain}`, 'chain'),
    section(`${t(locale, 'org.profile.reports')}\n${shown.length > 0 ? shown.join('\n') : none}`, 'reports'),
  ];
  const extras: string[] = [];
  if (profile.marketNames.length > 0)
    extras.push(t(locale, 'org.profile.markets', { markets: profile.marketNames.join('、') }));
  if (person.area) extras.push(t(locale, 'org.profile.area', { area: escapeMrkdwn(person.area) }));
  if (person.accounts.length > 0)
    extras.push(t(locale, 'org.profile.accounts', { accounts: person.accounts.map(escapeMrkdwn).join('、') }));
  if (extras.length > 0) blocks.push(section(extras.join('\n'), 'extras'));
  if (profile.training && profile.training.length > 0) blocks.push(trainingSection(profile.training, locale));
  blocks.push(context(t(locale, 'org.profile.org', { org: escapeMrkdwn(profile.orgName) })));
  return { text: `${title}\n${chain}`, blocks };
}

function trainingSection(training: NonNullable<MemberProfile['training']>, locale: Locale): Block {
  const done = training.filter((item) => item.status === 'done').length;
  const line = (item: (typeof training)[number]) => {
    const title = escapeMrkdwn(item.title);
    if (item.status === 'done') return t(locale, 'training.line_done', { title, at: item.finishedOn ?? '' });
    if (item.status === 'cannot') return t(locale, 'training.line_cannot', { title });
    return t(locale, 'training.line_open', { title, due: item.dueDate });
  };
  // a session's attendance and the trainee's mark follow its line, once the assigner recorded them
  const attended = (item: (typeof training)[number]) =>
    (item.attendance === 'present' ? t(locale, 'training.line_present') : '') +
    (item.attendance === 'absent' ? t(locale, 'training.line_absent') : '') +
    (item.mark ? t(locale, 'training.line_mark', { mark: escapeMrkdwn(item.mark) }) : '');
  const lines = training.slice(0, 30).map((item) => line(item) + attended(item));
  const title = t(locale, 'training.record', { done, total: training.length });
  // onboarding not finished: marked as a trainee (見習) until it is
  const onboarding = training.filter((item) => item.onboarding);
  const onboarded = onboarding.filter((item) => item.status === 'done').length;
  const trainee =
    onboarded < onboarding.length
      ? `\n${t(locale, 'training.trainee', { done: onboarded, total: onboarding.length })}`
      : '';
  return section(`${title}${trainee}\n${lines.join('\n')}`, 'training');
}
