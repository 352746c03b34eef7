import type { OrgChart, OrgPerson } from '../domain/org/org-chart.ts';
import { t, type Locale, type MessageKey } from '../i18n/index.ts';
import { formatDateTime } from '../lib/format-time.ts';

/** The team a person is shown with in the picker and the org panel. */
export function teamOf(chart: OrgChart, person: OrgPerson, locale: Locale): string {
  if (chart.isLeadership(person.slackId)) return t(locale, chart.template === 'brand-sales' ? 'sandbox.team.slt' : 'sandbox.team.leadership');
  if (chart.template === 'brand-sales') {
    if (chart.isSsg(person.slackId)) return t(locale, 'sandbox.team.ssg');
    const markets = chart.marketsOf(person.slackId).map((code) => chart.market(code)?.name ?? code);
    return markets.length > 0 ? t(locale, 'sandbox.team.fsf_markets', { markets: markets.join('、') }) : t(locale, 'sandbox.team.fsf');
  }
  if (chart.isSiteWide(person.slackId)) return t(locale, 'sandbox.team.site_office');
  const lead = person.role === 'team_lead' ? person : chart.person(person.reportsTo[0] ?? '');
  return lead?.role === 'team_lead' ? t(locale, 'sandbox.team.of_lead', { name: lead.name }) : t(locale, 'sandbox.team.site_office');
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
    members.set(id, chart.people.filter((p) => rule(chart, p)).map((p) => p.slackId));
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
    markets: [...new Set([...chart.marketsOwnedBy(p.slackId), ...chart.marketsOf(p.slackId)])].map((code) => chart.market(code)?.name ?? code),
    area: p.area ?? undefined,
  }));
}

/** "Try this first": a few steps for the template, each naming who to be. */
export function guideSteps(chart: OrgChart, locale: Locale, now: Date): { as?: string; text: string }[] {
  const first = (...roles: OrgPerson['role'][]) => roles.map((role) => chart.firstWithRole(role)).find(Boolean);
  const local = formatDateTime(now, chart.data.timezone);
  const [year, month] = local.slice(0, 7).split('-').map(Number);
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  const step = (key: MessageKey, person: OrgPerson | undefined) => ({ as: person?.slackId, text: t(locale, key, { name: person?.name ?? '—', month: next }) });
  if (chart.template === 'brand-sales') {
    const director = first('sales_director', 'general_manager');
    return [
      step('sandbox.guide.brand.1', director),
      step('sandbox.guide.brand.2', first('sales_rep')),
      step('sandbox.guide.brand.3', director),
      step('sandbox.guide.brand.4', first('market_manager')),
    ];
  }
  return [
    step('sandbox.guide.property.1', first('salesperson')),
    step('sandbox.guide.property.2', chart.person(first('salesperson')?.reportsTo[0] ?? '') ?? first('team_lead')),
    step('sandbox.guide.property.3', first('project_manager')),
    step('sandbox.guide.property.4', first('site_secretary')),
  ];
}
