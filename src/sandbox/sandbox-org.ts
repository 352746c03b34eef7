import type { OrgChart, OrgPerson } from '../domain/org/org-chart.ts';
import { t, type Locale, type MessageKey } from '../i18n/index.ts';
import { formatDateTime } from '../lib/format-time.ts';
import type { Config } from '../config.ts';
import { addWorkingDays, focusPublishInstant } from '../domain/rhythm/rhythm-rules.ts';

/** The team a person is shown with in the picker and the org panel. */
export function teamOf(chart: OrgChart, person: OrgPerson, locale: Locale): string {
  if (chart.isLeadership(person.slackId))
    return t(locale, chart.template === 'brand-sales' ? 'sandbox.team.slt' : 'sandbox.team.leadership');
  if (chart.template === 'brand-sales') {
    if (chart.isSsg(person.slackId)) return t(locale, 'sandbox.team.ssg');
    const markets = chart.marketsOf(person.slackId).map((code) => chart.market(code)?.name ?? code);
    return markets.length > 0
      ? t(locale, 'sandbox.team.fsf_markets', { markets: markets.join('、') })
      : t(locale, 'sandbox.team.fsf');
  }
  if (chart.isSiteWide(person.slackId)) return t(locale, 'sandbox.team.site_office');
  const lead = person.role === 'team_lead' ? person : chart.person(person.reportsTo[0] ?? '');
  return lead?.role === 'team_lead'
    ? t(locale, 'sandbox.team.of_lead', { name: lead.name })
    : t(locale, 'sandbox.team.site_office');
}

/** Slack channels have members; the chart has none, so each channel's purpose says who is in it. */
const CHANNEL_ROLES: Record<string, (chart: OrgChart, person: OrgPerson) => boolean> = {
  ssg: (chart, p) => chart.isSsg(p.slackId) || chart.isLeadership(p.slackId),
  osb: (chart, p) => chart.isSsg(p.slackId) || chart.isLeadership(p.slackId),
  fsf: (chart, p) => !chart.isSsg(p.slackId),
  planning: (chart, p) => chart.isLeadership(p.slackId) || chart.isSiteWide(p.slackId),
};

/** Who is in each of the chart's channels, by channel id. */
export function channelMembers(chart: OrgChart): Map<string, string[]> {
  const members = new Map<string, string[]>();
  for (const [purpose, id] of Object.entries(chart.data.channels)) {
    const rule = CHANNEL_ROLES[purpose] ?? (() => true);
    members.set(
      id,
      chart.people.filter((p) => rule(chart, p)).map((p) => p.slackId),
    );
  }
  return members;
}

/** The org panel: everyone with their manager, team and markets, for the page to draw as a tree. */
export function orgPanel(chart: OrgChart, locale: Locale) {
  return chart.people.map((p) => ({
    id: p.slackId,
    name: p.name,
    role: t(locale, `role.${p.role}`),
    team: teamOf(chart, p, locale),
    reportsTo: p.reportsTo.filter((id) => chart.person(id)),
    markets: [...new Set([...chart.marketsOwnedBy(p.slackId), ...chart.marketsOf(p.slackId)])].map(
      (code) => chart.market(code)?.name ?? code,
    ),
    area: p.area ?? undefined,
  }));
}

/** "Try this first": a few steps for the template, each naming who to be. */
export function guideSteps(
  chart: OrgChart,
  locale: Locale,
  now: Date,
  config?: Pick<Config, 'calendar'>,
): { as?: string; text: string }[] {
  const first = (...roles: OrgPerson['role'][]) => roles.map((role) => chart.firstWithRole(role)).find(Boolean);
  const tz = chart.data.timezone;
  const local = formatDateTime(now, tz);
  const [year, month] = local.slice(0, 7).split('-').map(Number);
  const [nextYear, nextMonth] = month === 12 ? [year + 1, 1] : [year, month + 1];
  const next = `${nextYear}-${String(nextMonth).padStart(2, '0')}`;
  // the focus goes out on its day (the 6th, or the next working day) at 09:00: the guide names that time
  const calendar = config ? { timeZone: tz, ...config.calendar } : undefined;
  const publishAt = calendar ? focusPublishInstant(calendar, nextYear, nextMonth) : undefined;
  const publish = publishAt ? formatDateTime(publishAt, tz) : `${next}-06 09:00`;
  // those who have not acknowledged are reminded two working days after publication
  const remind =
    calendar && publishAt ? formatDateTime(addWorkingDays(calendar, publishAt, 2), tz) : `${next}-08 09:00`;
  const step = (key: MessageKey, person: OrgPerson | undefined, extra: Record<string, string> = {}) => ({
    as: person?.slackId,
    text: t(locale, key, { name: person?.name ?? '—', month: next, publish, ...extra }),
  });
  const thisMonth = local.slice(0, 7);
  const lastDay = String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0');
  if (chart.template === 'brand-sales') {
    const director = first('sales_director', 'general_manager');
    // the drafter never approves their own draft: another SLT member does
    const slt = [first('general_manager'), ...chart.people.filter((p) => chart.isLeadership(p.slackId))];
    const approver = slt.find((p) => p && p.slackId !== director?.slackId);
    return [
      step('sandbox.guide.brand.1', director),
      step('sandbox.guide.brand.approve', approver, { drafter: director?.name ?? '—' }),
      step('sandbox.guide.brand.2', first('sales_rep')),
      step('sandbox.guide.brand.3', director, { remind }),
      step('sandbox.guide.brand.4', first('market_manager')),
    ];
  }
  return [
    step('sandbox.guide.property.1', first('salesperson')),
    step('sandbox.guide.property.2', chart.person(first('salesperson')?.reportsTo[0] ?? '') ?? first('team_lead')),
    // the export's dates written out: this month, from its first to its last day
    step('sandbox.guide.property.3', first('project_manager'), {
      from: `${thisMonth}-01`,
      to: `${thisMonth}-${lastDay}`,
    }),
    step('sandbox.guide.property.4', first('site_secretary')),
    step('sandbox.guide.property.5', first('project_manager')),
  ];
}
