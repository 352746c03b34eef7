import type { Config } from '../config.ts';
import type { FakeSlack } from '../fake-slack/fake-slack-server.ts';
import type { StoredMessage } from '../fake-slack/workspace-state.ts';
import { t } from '../i18n/index.ts';
import type { Scheduler } from '../jobs/scheduler.ts';
import type { FixedClock } from '../lib/clock.ts';
import { localeOf } from '../services/org/locale-of.ts';
import type { OrgDirectory } from '../services/org/org-directory.ts';
import type { AnswerLog } from './sandbox-answers.ts';
import { channelMembers, guideSteps, orgPanel, teamOf } from './sandbox-org.ts';

/** What the page is drawn from: the workspace, the org chart, the clock and its next event. */
export interface SandboxSight {
  fake: FakeSlack;
  directory: OrgDirectory;
  clock: FixedClock;
  scheduler: Scheduler;
  config?: Pick<Config, 'calendar'>;
  templates?: { key: string; name: string }[];
}

/** The people one may be, the org panel and the guide. */
export async function peopleOf(o: SandboxSight) {
  const chart = await o.directory.current();
  const locale = localeOf(chart, chart.people[0]?.slackId ?? '');
  return {
    organisation: chart.data.name,
    template: chart.template,
    templates: o.templates ?? [],
    timezone: chart.data.timezone,
    people: chart.people.map((p) => {
      const own = localeOf(chart, p.slackId);
      return { id: p.slackId, name: p.name, role: t(own, `role.${p.role}`), team: teamOf(chart, p, own), locale: own };
    }),
    names: Object.fromEntries(chart.people.map((p) => [p.slackId, p.name])),
    channels: chart.data.channels,
    org: orgPanel(chart, locale),
    guide: guideSteps(chart, locale, o.clock.now(), o.config),
  };
}

/** The conversations a person is in: channels they are a member of, their DM, their group DMs. */
export async function conversationsOf(o: Pick<SandboxSight, 'fake' | 'directory'>, user: string): Promise<string[]> {
  const { state } = o.fake;
  const members = channelMembers(await o.directory.current());
  const channels = [...new Set([...members.keys(), state.dmChannelFor(user), ...state.messages.map((m) => m.channel)])];
  const isIn = (id: string) =>
    id.startsWith('C')
      ? (members.get(id) ?? []).includes(user)
      : id === state.dmChannelFor(user) || (state.groupMembers.get(id) ?? []).includes(user);
  return channels.filter(isIn);
}

/** What one person would see in Slack now, and their language now (`/org lang` changes it mid-session). */
export async function stateFor(o: SandboxSight, answers: AnswerLog, user: string) {
  const { state } = o.fake;
  const mine = new Set(await conversationsOf(o, user));
  const visible = (m: StoredMessage) => (!m.onlyFor || m.onlyFor === user) && mine.has(m.channel);
  const messages = state.messages.filter(visible);
  const kindOf = (id: string) => (id.startsWith('C') ? 'channel' : id.startsWith('G') ? 'group' : 'dm');
  const conversations = [...mine].map((id) => ({ id, kind: kindOf(id), members: state.groupMembers.get(id) ?? [] }));
  const modal = [...state.views.values()].filter((v) => v.user === user && !state.closedViews.has(v.id)).at(-1);
  const next = await o.scheduler.nextEvent(o.clock.now());
  const clock = {
    now: o.clock.now().toISOString(),
    next: next ? { at: next.at.toISOString(), jobs: next.jobs } : null,
  };
  const home = state.homes.get(user) ?? null;
  const shown = modal ? { id: modal.id, view: modal.view } : null;
  const locale = localeOf(await o.directory.current(), user);
  return { conversations, messages, modal: shown, home, answers: answers.of(user), clock, locale };
}
