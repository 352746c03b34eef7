import type { AllMiddlewareArgs, RespondFn } from '@slack/bolt';
import type { ListenerRouter } from '../listener-router.ts';
import { budgetMetric, expenseCategories } from '../../../domain/expenses/expense-rules.ts';
import { formatMoney } from '../../../domain/deals/money.ts';
import { currencyOf } from '../../../domain/org/currency-of.ts';
import type { OrgChart } from '../../../domain/org/org-chart.ts';
import {
  currentMonth,
  isMalformedPeriod,
  parsePeriod,
  periodKey,
  type Period,
} from '../../../domain/targets/periods.ts';
import { t, type Locale } from '../../../i18n/index.ts';
import { formatDate } from '../../../lib/format-time.ts';
import { escapeMrkdwn } from '../../../lib/text.ts';
import { budgetReport } from '../../../services/expenses/budget-report.ts';
import { exportClaims } from '../../../services/expenses/export-claims.ts';
import { listClaims } from '../../../services/expenses/list-claims.ts';
import { markClaimPaid } from '../../../services/expenses/pay-claim.ts';
import { planSplit, scopeLabel } from '../../../services/targets/set-targets.ts';
import { errorText } from '../../../views/error-text.ts';
import { budgetMessage } from '../../../views/expenses/budget-views.ts';
import { hasAccountRegister } from '../../../services/accounts/pick-account.ts';
import { claimModal } from '../../../views/expenses/claim-modal.ts';
import { ExpenseIds } from '../../../views/ids.ts';
import { splitModal } from '../../../views/targets/target-modals.ts';
import { commandReply } from '../command-reply.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, isExpected, requireMember } from '../asker-of.ts';
import { parseTargetsQuery, periodLabel } from './targets-command.ts';
import type { Claim } from '../../../services/expenses/list-claims.ts';

type Reply = ReturnType<typeof commandReply>;

const claimLine = (locale: Locale, currency: string, c: Claim) =>
  t(locale, 'expense.list.line', {
    number: c.number,
    spentOn: c.spentOn,
    category: escapeMrkdwn(c.category),
    amount: formatMoney(c.amountCents, currency, locale),
    status: t(locale, `expense.status.${c.status}`),
  });

/** `/expense budget set 2026-11 差旅`: the category's split, in the same modal and rules as targets. */
function parseBudgetSet(args: string[], chart: OrgChart, now: Date): { period: Period; category: string } | string {
  const categories = expenseCategories(chart);
  let period: Period | undefined;
  let category: string | undefined;
  for (const arg of args) {
    const asPeriod = parsePeriod(arg, now, chart.data.timezone);
    if (asPeriod) period = asPeriod;
    else if (categories.includes(arg)) category = arg;
    else return arg;
  }
  if (!category) return '';
  return { period: period ?? currentMonth(now, chart.data.timezone), category };
}

/** What each `/expense` form needs: the request, the asker, and how to answer. */
interface Turn {
  ctx: AppContext;
  client: AllMiddlewareArgs['client'];
  respond: RespondFn;
  triggerId: string;
  reply: Reply;
  chart: OrgChart;
  locale: Locale;
  me: string;
  now: Date;
  args: string[];
}

const ephemeral = (turn: Turn, text: string) => turn.reply.ack({ response_type: 'ephemeral', text });

async function openClaimForm(turn: Turn): Promise<void> {
  await turn.reply.ack();
  const view = claimModal({
    locale: turn.locale,
    categories: expenseCategories(turn.chart),
    today: formatDate(turn.now, turn.chart.data.timezone),
    callbackId: ExpenseIds.fileCallback,
    privateMetadata: '{}',
    accountPicker: await hasAccountRegister({ db: turn.ctx.db, chart: turn.chart }),
    site: turn.chart.template !== 'brand-sales',
  });
  await turn.client.views.open({ trigger_id: turn.triggerId, view });
}

/** `budget set 2026-11 差旅`: the targets' split modal on the category's budget. */
async function openBudgetSplit(turn: Turn): Promise<void> {
  const { chart, locale } = turn;
  const parsed = parseBudgetSet(turn.args.slice(1), chart, turn.now);
  if (typeof parsed === 'string') {
    const categories = expenseCategories(chart).join('、');
    return ephemeral(
      turn,
      t(locale, 'expense.budget.category_unknown', { category: escapeMrkdwn(parsed), categories }),
    );
  }
  const metric = budgetMetric(parsed.category);
  const period = parsed.period;
  const plan = await planSplit({ db: turn.ctx.db, chart, askerId: turn.me, period, metric, locale });
  await turn.reply.ack();
  const metadata = JSON.stringify({ period: plan.period, metric, months: false, parentValue: plan.parentValue });
  await turn.client.views.open({
    trigger_id: turn.triggerId,
    view: splitModal({ locale, ...plan, currency: currencyOf(chart), metadata }),
  });
}

async function showBudget(turn: Turn): Promise<void> {
  const { chart, locale, now } = turn;
  const tz = chart.data.timezone;
  const query = parseTargetsQuery(turn.args.join(' '), chart, turn.me, now);
  if (query.mode !== 'report' && query.mode !== 'team') return ephemeral(turn, helpText(locale, chart));
  const period = query.period ?? currentMonth(now, tz);
  const scope = query.scope ?? { kind: 'person' as const, id: turn.me };
  const team = query.mode === 'team';
  const report = await budgetReport({ db: turn.ctx.db, chart, viewerId: turn.me, scope, period, now, team });
  const name = scope.kind === 'org' ? chart.data.name : scopeLabel(chart, scope, locale);
  const periodText = periodLabel(locale, period, now, tz);
  await turn.reply.ack({
    response_type: 'ephemeral',
    ...budgetMessage(report, {
      locale,
      name,
      periodLabel: periodText,
      currency: currencyOf(chart),
      labelOf: (row) => scopeLabel(chart, row, locale),
    }),
  });
}

async function showList(turn: Turn): Promise<void> {
  const { chart, locale } = turn;
  const { mine, waiting, toPay } = await listClaims({ db: turn.ctx.db, chart, askerId: turn.me });
  const own = mine.map((c) => claimLine(locale, currencyOf(chart), c)).join('\n') || '—';
  const parts = [`${t(locale, 'expense.list.header')}\n${own}`];
  const named = (c: Claim) => `${escapeMrkdwn(chart.nameOf(c.claimantId))} ${claimLine(locale, currencyOf(chart), c)}`;
  if (waiting.length > 0) parts.push(`${t(locale, 'expense.list.waiting')}\n${waiting.map(named).join('\n')}`);
  if (toPay.length > 0) parts.push(`${t(locale, 'expense.list.to_pay')}\n${toPay.map(named).join('\n')}`);
  await ephemeral(turn, parts.join('\n\n'));
}

async function markPaid(turn: Turn): Promise<void> {
  const number = Number(turn.args[0].replace('#', ''));
  const { ctx } = turn;
  const claim = await markClaimPaid({ db: ctx.db, clock: ctx.clock, chart: turn.chart, askerId: turn.me, number });
  ctx.outbox.nudge();
  await ephemeral(turn, t(turn.locale, 'expense.paid_done', { number: claim.number }));
}

/** `paid abc` or a bare `paid`: the claim number named as wrong (or asked for), not the whole help. */
async function badClaimNumber(turn: Turn): Promise<void> {
  const value = turn.args[0];
  if (value === undefined) return ephemeral(turn, t(turn.locale, 'expense.paid_number_missing'));
  await ephemeral(turn, t(turn.locale, 'expense.paid_bad_number', { value: escapeMrkdwn(value) }));
}

/** `export 2026-11`: the claims as an Excel workbook in the asker's DM. */
async function exportFile(turn: Turn): Promise<void> {
  const { chart, locale } = turn;
  const tz = chart.data.timezone;
  const period = turn.args[0] ? parsePeriod(turn.args[0], turn.now, tz) : currentMonth(turn.now, tz);
  if (!period) return ephemeral(turn, helpText(locale, chart));
  const file = await exportClaims({ db: turn.ctx.db, chart, askerId: turn.me, period, locale });
  await turn.reply.ack();
  const dm = await turn.client.conversations.open({ users: turn.me });
  const done = t(locale, 'expense.export.done', { period: file.period, count: file.count });
  await turn.client.files.uploadV2({
    channel_id: dm.channel?.id,
    filename: file.filename,
    title: t(locale, 'expense.export.title', { period: periodKey(period) }),
    file: file.bytes,
    initial_comment: done,
  });
  await turn.respond({ response_type: 'ephemeral', text: done });
}

/** Which form of `/expense` was typed, in either language. */
function formOf(verb: string, args: string[]): ((turn: Turn) => Promise<void>) | undefined {
  const lower = verb.toLowerCase();
  if (verb === '' || lower === 'new' || verb === '報銷') return openClaimForm;
  const budget = lower === 'budget' || verb === '預算';
  if (budget && (args[0] === 'set' || args[0] === '設定')) return openBudgetSplit;
  if (budget) return showBudget;
  if (lower === 'list' || verb === '列表') return showList;
  if (lower === 'paid' || verb === '付款') return /^#?\d{1,9}$/.test(args[0] ?? '') ? markPaid : badClaimNumber;
  if (lower === 'export' || verb === '匯出') return exportFile;
  return undefined;
}

/** `/expense`: a claim's modal; `budget`, `budget set`, `list`, `paid 12`, `export 2026-11`. */
export function registerExpenseCommand(app: ListenerRouter, ctx: AppContext): void {
  app.command('/expense', async ({ command, ack, respond, client, context }) => {
    const reply: Reply = commandReply(ack, respond);
    const asker = askerOf(context);
    const { chart, locale } = asker;
    try {
      const me = requireMember(asker);
      const [verb = '', ...args] = command.text.trim().split(/\s+/).filter(Boolean);
      const form = formOf(verb, args);
      const now = ctx.clock.now();
      const turn = {
        ctx,
        client,
        respond,
        triggerId: command.trigger_id,
        reply,
        chart,
        locale,
        me: me.slackId,
        now,
        args,
      };
      // `budget 2026-13`: the month is wrong, which the help would not say
      const badPeriod = form === markPaid || form === badClaimNumber ? undefined : args.find(isMalformedPeriod);
      if (form && badPeriod)
        await ephemeral(turn, t(locale, 'expense.bad_period', { period: escapeMrkdwn(badPeriod) }));
      else if (form) await form(turn);
      else await ephemeral(turn, helpText(locale, chart));
    } catch (error) {
      await reply.answer({ response_type: 'ephemeral', text: errorText(error, locale, chart) });
      if (!isExpected(error)) throw error;
    }
  });
}

/**
 * `/expense` help: who marks claims paid is the SSG or finance, on a site the site secretary (女專); a site
 * has no markets to name.
 */
function helpText(locale: Locale, chart: OrgChart): string {
  const payers = t(
    locale,
    chart.template === 'property-site' ? 'expense.help.payers_site' : 'expense.help.payers_brand',
  );
  // a site has no markets: its help names none
  const market = chart.template === 'property-site' ? '' : t(locale, 'expense.help.market');
  return t(locale, 'expense.help', { payers, market });
}
