import type { DbLike } from '../../db/unit-of-work.ts';
import { feedbackOfPeriod } from '../../db/feedback/feedback-repo.ts';
import { osbRegister } from '../../db/issues/issue-repo.ts';
import { openNeeds } from '../../db/orders/replenishment-repo.ts';
import { targetsFor } from '../../db/targets/target-repo.ts';
import { ownTotals } from '../../db/targets/totals-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import type { AgendaPart } from '../../domain/rhythm/rhythm-rules.ts';
import { previousPeriod } from '../../domain/schedule/schedule-rules.ts';
import { t, type Locale, tFor } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { issueOwnerText } from '../../views/issues/issue-card.ts';
import { formatMetric } from '../../domain/targets/figures.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { analyseVisits } from '../visits/analyse-visits.ts';
import { ledgerSection } from './ledger-agenda.ts';
import { phoneVisitsSection } from './phone-agenda.ts';
import { peopleOf } from '../targets/target-access.ts';
import { teamReport } from '../targets/target-report.ts';
import { currentMonth } from '../../domain/targets/periods.ts';
import { marketsAgendaSection } from '../scorecards/markets-agenda.ts';
import type { ChartMessage } from '../../views/charts/chart-spec.ts';

interface AgendaOptions {
  db: DbLike;
  chart: OrgChart;
  now: Date;
  locale: Locale;
}

type Period = { start: Date; end: Date };

/**
 * The agenda a reminder carries, built from last month's data: attainment, the markets' scorecards (with
 * their chart, uploaded beside the reminder), OSB register, feedback, visits.
 */
export async function buildAgenda(
  o: AgendaOptions & { parts: AgendaPart[] },
): Promise<{ sections: string[]; charts: ChartMessage[] }> {
  const { chart, locale } = o;
  const tz = chart.data.timezone;
  const last = previousPeriod('month', o.now, tz);
  const sections: string[] = [];
  const charts: ChartMessage[] = [];
  for (const part of o.parts) {
    if (part === 'attainment' && chart.template === 'property-site') {
      sections.push(await siteAttainment(o, last.start));
    } else if (part === 'attainment') {
      sections.push(await marketAttainment(o, formatDate(last.start, tz).slice(0, 7)));
    }
    if (part === 'ledger' && chart.template === 'brand-sales') sections.push(await ledgerSection({ ...o, last }));
    if (part === 'osb') sections.push(await osbSection(o, last));
    if (part === 'osb' && chart.template === 'brand-sales') sections.push(await replenishmentSection(o));
    if (part === 'feedback') sections.push(await feedbackSection(o, last));
    if (part === 'phone_visits' && chart.template === 'brand-sales') sections.push(await phoneVisitsSection(o));
    if (part === 'scorecards') {
      const markets = await marketsAgendaSection({ db: o.db, chart, monthStart: last.start, locale });
      if (markets) sections.push(markets.text);
      if (markets) charts.push(markets.chart);
    }
    if (part === 'visits' && chart.template === 'property-site') {
      const analysis = await analyseVisits({ db: o.db, chart, from: last.start, to: last.end });
      sections.push(
        t(locale, 'meeting.agenda.visits', { total: analysis.total, first: analysis.first, revisit: analysis.revisit }),
      );
    }
  }
  return { sections, charts };
}

/** Each market's sales against its target (a brand), or the company's (anything else). */
async function marketAttainment(o: AgendaOptions, month: string): Promise<string> {
  const { chart, locale } = o;
  const scopes =
    chart.template === 'brand-sales'
      ? chart.data.markets.map((m) => ({ kind: 'market' as const, id: m.code }))
      : [{ kind: 'org' as const, id: '' }];
  const [targets, totals] = await Promise.all([
    targetsFor(o.db, chart.data.orgId, month, scopes),
    ownTotals(o.db, chart.data.orgId, [month], undefined, 'amount'),
  ]);
  const lines = scopes.map((scope) => {
    const target =
      targets.find((x) => x.scopeKind === scope.kind && x.scopeId === scope.id && x.metric === 'amount')?.value ?? null;
    const actual = peopleOf(chart, scope).reduce((sum, id) => sum + (totals.get(id)?.get('amount') ?? 0), 0);
    const name = scope.kind === 'market' ? (chart.market(scope.id)?.name ?? scope.id) : chart.data.name;
    const money = (cents: number) => formatMetric('amount', cents, { currency: currencyOf(chart), locale });
    return t(locale, 'meeting.agenda.attainment_line', {
      market: escapeMrkdwn(name),
      actual: money(actual),
      target: target === null ? '—' : money(target),
      attainment: target ? `${Math.round((actual / target) * 100)}%` : '—',
    });
  });
  return `${t(locale, 'meeting.agenda.attainment_actuals')}\n${lines.join('\n')}`;
}

/** The OSB register: opened last month, and the oldest still open. */
async function osbSection(o: AgendaOptions, last: Period): Promise<string> {
  const { chart, locale } = o;
  const register = await osbRegister(o.db, chart.data.orgId, last.start, last.end);
  const lines = register.stillOpen.slice(0, 15).map((i) =>
    t(locale, 'meeting.agenda.osb_line', {
      number: i.number,
      title: escapeMrkdwn(truncate(i.title, 40)),
      age: Math.floor((o.now.getTime() - i.createdAt.getTime()) / 86_400_000),
      owner: issueOwnerText(locale, i, (id) => chart.nameOf(id)),
    }),
  );
  const counts = { opened: register.openedInPeriod, open: register.stillOpen.length };
  return `${t(locale, 'meeting.agenda.osb', counts)}\n${lines.join('\n') || t(locale, 'meeting.agenda.none')}`;
}

/** The open replenishment needs (補貨記錄) at the meeting's time: the urgent first, ten at most. */
async function replenishmentSection(o: AgendaOptions): Promise<string> {
  const { chart, locale } = o;
  const needs = await openNeeds(o.db, { orgId: chart.data.orgId });
  const lines = needs.slice(0, 10).map((n) =>
    t(locale, 'order.agenda.need_line', {
      urgent: n.urgency === 'urgent' ? t(locale, 'order.agenda.urgent') : '',
      account: escapeMrkdwn(truncate(`${n.accountCode} ${n.accountName}`, 50)),
      sku: n.sku,
      days: Math.floor((o.now.getTime() - n.createdAt.getTime()) / 86_400_000),
    }),
  );
  const header = t(locale, 'order.agenda.needs', { count: needs.length });
  return `${header}\n${lines.join('\n') || t(locale, 'meeting.agenda.none')}`;
}

/** Last month's sales feedback: the important first, five at most. */
async function feedbackSection(o: AgendaOptions, last: Period): Promise<string> {
  const { chart, locale } = o;
  const items = await feedbackOfPeriod(o.db, chart.data.orgId, last.start, last.end, 200);
  const highlights = items
    .filter((f) => f.importance !== 'normal')
    .concat(items.filter((f) => f.importance === 'normal'))
    .slice(0, 5);
  const lines = highlights.map((f) =>
    t(locale, 'meeting.agenda.feedback_line', {
      type: tFor(locale, 'feedback.type', f.type),
      content: escapeMrkdwn(truncate(f.content.replace(/\s+/g, ' '), 120)),
      sender: escapeMrkdwn(chart.nameOf(f.senderId)),
    }),
  );
  const header = t(locale, 'meeting.agenda.feedback', { count: items.length });
  return `${header}\n${lines.join('\n') || t(locale, 'meeting.agenda.none')}`;
}

/**
 * A site's attainment: each team against its target on the site's own metric, as `/targets team`
 * shows the PM (a site has no markets and no company target).
 */
async function siteAttainment(o: AgendaOptions, monthStart: Date): Promise<string> {
  const { chart, locale } = o;
  const pm = chart.firstWithRole('project_manager')?.slackId;
  if (!pm) return `${t(locale, 'meeting.agenda.attainment')}\n${t(locale, 'meeting.agenda.none')}`;
  const period = currentMonth(monthStart, chart.data.timezone);
  const team = await teamReport({ db: o.db, chart, managerId: pm, period, now: o.now });
  const figure = (units: number) => formatMetric(team.metric, units, { currency: currencyOf(chart), locale });
  const line = (name: string, p: { actual: number; target: number; attainment: number | null }) =>
    t(locale, 'meeting.agenda.attainment_line', {
      market: escapeMrkdwn(name),
      actual: figure(p.actual),
      target: p.attainment === null ? '—' : figure(p.target),
      attainment: p.attainment === null ? '—' : `${Math.round(p.attainment)}%`,
    });
  const lines = [
    line(chart.data.name, team.total.progress),
    ...team.lines.map((l) => line(chart.nameOf(l.id), l.progress)),
  ];
  const metric = t(locale, `metric.${team.metric}`);
  return `${t(locale, 'meeting.agenda.attainment_site', { metric })}\n${lines.join('\n')}`;
}
