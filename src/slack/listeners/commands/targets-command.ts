import type { ListenerRouter } from '../listener-router.ts';
import type { OrgChart } from '../../../domain/org/org-chart.ts';
import { currencyOf } from '../../../domain/org/currency-of.ts';
import { TEMPLATE_METRICS, type Metric } from '../../../domain/targets/metrics.ts';
import { currentMonth, currentQuarter, parsePeriod, periodKey, type Period } from '../../../domain/targets/periods.ts';
import { LOCALES, t, type Locale, type MessageKey } from '../../../i18n/index.ts';
import { personFromRef } from '../../../domain/org/person-ref.ts';
import { escapeMrkdwn } from '../../../lib/text.ts';
import { planSplit, scopeLabel, type Scope } from '../../../services/targets/set-targets.ts';
import { leadsTargetCarriers } from '../../../services/targets/target-access.ts';
import { scopeReports, teamReports } from '../../../services/targets/target-report.ts';
import { teamCancellations } from '../../../services/targets/team-cancellations.ts';
import { queueTeamChart } from '../../../services/charts/queue-team-chart.ts';
import { errorText } from '../../../views/error-text.ts';
import { splitModal } from '../../../views/targets/target-modals.ts';
import { scopeReportBlocks, targetsMessage, teamMessage } from '../../../views/targets/target-views.ts';
import type { WebClient } from '@slack/web-api';
import type { Asker } from '../../middleware/identify-asker.ts';
import { commandReply } from '../command-reply.ts';
import { answerScorecard, SCORECARD_WORDS } from './targets-scorecard.ts';

type CommandReply = ReturnType<typeof commandReply>;
import type { AppContext } from '../../app-context.ts';
import { askerOf, isExpected, requireMember } from '../asker-of.ts';

export interface TargetsQuery {
  mode: 'report' | 'team' | 'set' | 'help' | 'unknown_person' | 'unknown_metric';
  /** what was typed, when it names nobody (or, after `set`, no period or metric) */
  unknown?: string;
  scope?: Scope;
  period?: Period;
  metric?: Metric;
  months?: boolean;
  /** `/targets team chart`: the team's attainment drawn as a chart, sent to the asker's DM. */
  chart?: boolean;
}

const TEAM_WORDS = new Set(['team', '團隊', '团队', '本組', '我的團隊']);
const CHART_WORDS = new Set(['chart', '圖表', '图表', '圖']);

/**
 * A metric by its key or by its name as `/targets` shows it, in either language ("銷售額", "Volume",
 * "市場覆蓋率"), or by the start or end of one name when no other's fits ("覆蓋率", "佔有率", "回款").
 */
export function metricFromWord(template: OrgChart['template'], word: string): Metric | undefined {
  const plain = (text: string) =>
    text
      .toLowerCase()
      .replace(/[（(]?\s*[%％]\s*[）)]?|\s/g, '')
      .replace(/佔/g, '占');
  const typed = plain(word);
  const names = (metric: Metric) => LOCALES.map((locale) => plain(t(locale, `metric.${metric}`)));
  const metrics = TEMPLATE_METRICS[template];
  const exact = metrics.find((metric) => metric === typed || names(metric).includes(typed));
  if (exact || [...typed].length < 2) return exact;
  const part = metrics.filter((metric) => names(metric).some((name) => name.endsWith(typed) || name.startsWith(typed)));
  return part.length === 1 ? part[0] : undefined;
}

/** The metrics of the template by name, for an answer that did not understand one. */
export const metricNames = (template: OrgChart['template'], locale: Locale): string =>
  TEMPLATE_METRICS[template]
    .map((metric) => t(locale, 'targets.set.metric_name', { name: t(locale, `metric.${metric}`), key: metric }))
    .join(t(locale, 'targets.set.metric_separator'));

/** Reads `/targets` arguments in either language; anything unclear asks for help instead. */
export function parseTargetsQuery(text: string, chart: OrgChart, askerId: string, now: Date): TargetsQuery {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  const query: TargetsQuery = { mode: 'report' };
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    const lower = token.toLowerCase();
    const named = lower === 'market' || token === '市場' ? tokens[i + 1] : undefined;
    const namedMarket = named ? chart.findMarket(named) : undefined;
    const market = chart.findMarket(token);
    const person = personFromRef(chart, token);
    const period = parsePeriod(token, now, chart.data.timezone);
    if (i === 0 && lower === 'set') query.mode = 'set';
    else if (lower === 'help' || token === '說明') return { mode: 'help' };
    else if (TEAM_WORDS.has(lower)) query.mode = 'team';
    else if (lower === 'months' || token === '按月') query.months = true;
    else if (CHART_WORDS.has(lower)) query.chart = true;
    else if (metricFromWord(chart.template, token)) query.metric = metricFromWord(chart.template, token);
    else if (query.mode === 'set' && !period) return { mode: 'unknown_metric', unknown: token };
    else if (namedMarket) {
      query.scope = { kind: 'market', id: namedMarket.code };
      i += 1;
    } else if (person) query.scope = { kind: 'person', id: person };
    else if (token.startsWith('@') && token.length > 1) return { mode: 'unknown_person', unknown: token };
    else if (period) query.period = period;
    else if (market) query.scope = { kind: 'market', id: market.code };
    else if (lower === 'company' || token === '全公司') query.scope = { kind: 'org', id: '' };
    else {
      // a bare name is looked up last: it compares every name of the organisation
      const byBareName = personFromRef(chart, `@${token}`);
      if (!byBareName) return { mode: 'help' };
      query.scope = { kind: 'person', id: byBareName };
    }
  }
  if (query.chart && query.mode !== 'team') return { mode: 'help' };
  query.scope ??= { kind: 'person', id: askerId };
  return query;
}

export function periodLabel(locale: Locale, period: Period, now: Date, timeZone: string): string {
  const key = periodKey(period);
  const labelKey: MessageKey =
    key === periodKey(currentMonth(now, timeZone))
      ? 'targets.period.month'
      : key === periodKey(currentQuarter(now, timeZone))
        ? 'targets.period.quarter'
        : 'targets.period.other';
  return t(locale, labelKey, { period: key });
}

/** `/targets`: my figures, my team, a market, someone, a period; `/targets set` splits a target. */
export function registerTargetsCommand(app: ListenerRouter, ctx: AppContext): void {
  app.command('/targets', async ({ command, ack, respond, client, context }) => {
    const reply = commandReply(ack, respond);
    const asker = askerOf(context);
    const { chart, locale } = asker;
    const now = ctx.clock.now();
    try {
      requireMember(asker);
      const [first = '', ...rest] = command.text.trim().split(/\s+/);
      if (SCORECARD_WORDS.has(first.toLowerCase())) return await answerScorecard(ctx, reply, asker, rest);
      const query = parseTargetsQuery(command.text, chart, asker.userId, now);
      if (query.mode === 'help')
        return void (await reply.ack({ response_type: 'ephemeral', text: t(locale, 'targets.help') }));
      if (query.mode === 'unknown_person')
        return void (await reply.ack({
          response_type: 'ephemeral',
          text: t(locale, 'targets.person_not_found', { who: escapeMrkdwn(query.unknown ?? '') }),
        }));
      if (query.mode === 'unknown_metric') {
        const text = t(locale, 'targets.set.unknown_metric', {
          word: escapeMrkdwn(query.unknown ?? ''),
          metrics: metricNames(chart.template, locale),
        });
        return void (await reply.ack({ response_type: 'ephemeral', text }));
      }
      if (query.mode === 'set')
        return await openSplitModal(ctx, { reply, client, asker, triggerId: command.trigger_id }, query);
      if (query.mode === 'team') return await answerTeam(ctx, reply, asker, query);
      await answerScopeReport(ctx, reply, asker, query);
    } catch (error) {
      await reply.answer({ response_type: 'ephemeral', text: errorText(error, locale, chart) });
      if (!isExpected(error)) throw error;
    }
  });
}

/** `/targets set [period] [metric]`: the split modal, prefilled with what the asker may split. */
async function openSplitModal(
  ctx: AppContext,
  o: { reply: CommandReply; client: WebClient; asker: Asker; triggerId: string },
  query: TargetsQuery,
): Promise<void> {
  const { reply, client, asker, triggerId } = o;
  const { chart, locale } = asker;
  const now = ctx.clock.now();
  const tz = chart.data.timezone;
  const period = query.period ?? currentMonth(now, tz);
  const plan = await planSplit({
    db: ctx.db,
    chart,
    askerId: asker.userId,
    period,
    metric: query.metric ?? TEMPLATE_METRICS[chart.template][0],
    locale,
    months: query.months,
  });
  await reply.ack();
  const metadata = JSON.stringify({
    period: periodKey(period),
    metric: plan.metric,
    months: Boolean(query.months),
    parentValue: plan.parentValue,
  });
  await client.views.open({
    trigger_id: triggerId,
    view: splitModal({
      locale,
      period: plan.period,
      metric: plan.metric,
      parentLabel: plan.parentLabel,
      parentValue: plan.parentValue,
      parentEditable: plan.parentEditable,
      rows: plan.rows,
      currency: currencyOf(asker.chart),
      metadata,
    }),
  });
}

/** `/targets team`: the asker's reports rolled up and ranked. */
async function answerTeam(ctx: AppContext, reply: CommandReply, asker: Asker, query: TargetsQuery): Promise<void> {
  const { chart, locale } = asker;
  const me = requireMember(asker);
  const now = ctx.clock.now();
  const tz = chart.data.timezone;
  const period = query.period ?? currentMonth(now, tz);
  if (!leadsTargetCarriers(chart, asker.userId))
    return void (await reply.ack({ response_type: 'ephemeral', text: t(locale, 'targets.team.no_reports') }));
  if (query.chart) {
    // the ack goes first; the chart is drawn and uploaded by the outbox, off this request
    await reply.ack({ response_type: 'ephemeral', text: t(locale, 'charts.coming') });
    const chartOptions = {
      chart,
      askerId: asker.userId,
      period,
      periodLabel: periodLabel(locale, period, now, tz),
      now,
      locale,
    };
    await queueTeamChart({ db: ctx.db, ...chartOptions, metric: query.metric });
    return void ctx.outbox.nudge();
  }
  const teamOptions = { db: ctx.db, chart, managerId: asker.userId, period, now, metric: query.metric };
  const [reports, cancelled] = await Promise.all([teamReports(teamOptions), teamCancellations(teamOptions)]);
  const labelOf = (line: { kind: 'person' | 'market'; id: string }) => scopeLabel(chart, line, locale);
  const label = periodLabel(locale, period, now, tz);
  const currency = currencyOf(chart);
  const message = teamMessage({
    locale,
    managerName: me.name,
    periodLabel: label,
    reports,
    labelOf,
    currency,
    cancelled,
  });
  return void (await reply.ack({ response_type: 'ephemeral', ...message }));
}

/** `/targets [scope] [period]`: a person's, a market's or the company's month and quarter. */
async function answerScopeReport(
  ctx: AppContext,
  reply: CommandReply,
  asker: Asker,
  query: TargetsQuery,
): Promise<void> {
  const { chart, locale } = asker;
  const now = ctx.clock.now();
  const tz = chart.data.timezone;
  const scope = query.scope ?? { kind: 'person', id: asker.userId };
  const periods = query.period ? [query.period] : [currentMonth(now, tz), currentQuarter(now, tz)];
  // one read of the targets and totals for both periods: on PostgreSQL each statement is a round trip
  const reports = await scopeReports({ db: ctx.db, chart, viewerId: asker.userId, scope, periods, now });
  const name = scopeLabel(chart, scope, locale);
  const title = t(
    locale,
    scope.kind === 'person'
      ? 'targets.header.person'
      : scope.kind === 'market'
        ? 'targets.header.market'
        : 'targets.header.org',
    { name: scope.kind === 'org' ? chart.data.name : name },
  );
  await reply.ack({
    response_type: 'ephemeral',
    ...targetsMessage(
      title,
      reports.map((report) =>
        scopeReportBlocks(report, {
          locale,
          periodLabel: periodLabel(locale, report.period, now, tz),
          currency: currencyOf(chart),
        }),
      ),
    ),
  });
}
