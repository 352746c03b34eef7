import type { ListenerRouter } from '../listener-router.ts';
import { budgetMetric, expenseCategories } from '../../../domain/expenses/expense-rules.ts';
import { formatCents } from '../../../domain/deals/money.ts';
import type { OrgChart } from '../../../domain/org/org-chart.ts';
import { currentMonth, parsePeriod, periodKey, type Period } from '../../../domain/targets/periods.ts';
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
import { claimModal } from '../../../views/expenses/claim-modal.ts';
import { ExpenseIds } from '../../../views/ids.ts';
import { splitModal } from '../../../views/targets/target-modals.ts';
import { commandReply } from '../command-reply.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, isExpected, requireMember } from '../asker-of.ts';
import { parseTargetsQuery, periodLabel } from './targets-command.ts';
import type { Claim } from '../../../services/expenses/list-claims.ts';

type Reply = ReturnType<typeof commandReply>;

const claimLine = (locale: Locale, c: Claim) =>
  t(locale, 'expense.list.line', {
    number: c.number,
    spentOn: c.spentOn,
    category: escapeMrkdwn(c.category),
    amount: formatCents(c.amountCents),
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

/** `/expense`: a claim's modal; `budget`, `budget set`, `list`, `paid 12`, `export 2026-11`. */
export function registerExpenseCommand(app: ListenerRouter, ctx: AppContext): void {
  app.command('/expense', async ({ command, ack, respond, client, context }) => {
    const reply: Reply = commandReply(ack, respond);
    const asker = askerOf(context);
    const { chart, locale } = asker;
    const now = ctx.clock.now();
    const tz = chart.data.timezone;
    const ephemeral = (text: string) => reply.ack({ response_type: 'ephemeral', text });
    try {
      const me = requireMember(asker);
      const [verb = '', ...args] = command.text.trim().split(/\s+/).filter(Boolean);
      const lower = verb.toLowerCase();
      if (verb === '' || lower === 'new' || verb === '報銷') {
        await reply.ack();
        const view = claimModal({
          locale,
          categories: expenseCategories(chart),
          today: formatDate(now, tz),
          callbackId: ExpenseIds.fileCallback,
          privateMetadata: '{}',
        });
        return void (await client.views.open({ trigger_id: command.trigger_id, view }));
      }
      if ((lower === 'budget' || verb === '預算') && (args[0] === 'set' || args[0] === '設定')) {
        const parsed = parseBudgetSet(args.slice(1), chart, now);
        if (typeof parsed === 'string')
          return void (await ephemeral(
            t(locale, 'expense.budget.category_unknown', {
              category: escapeMrkdwn(parsed),
              categories: expenseCategories(chart).join('、'),
            }),
          ));
        const metric = budgetMetric(parsed.category);
        const plan = await planSplit({ db: ctx.db, chart, askerId: me.slackId, period: parsed.period, metric, locale });
        await reply.ack();
        const metadata = JSON.stringify({ period: plan.period, metric, months: false, parentValue: plan.parentValue });
        return void (await client.views.open({
          trigger_id: command.trigger_id,
          view: splitModal({ locale, ...plan, metadata }),
        }));
      }
      if (lower === 'budget' || verb === '預算') {
        const query = parseTargetsQuery(args.join(' '), chart, me.slackId, now);
        if (query.mode === 'help' || query.mode === 'unknown_person' || query.mode === 'set')
          return void (await ephemeral(t(locale, 'expense.help')));
        const period = query.period ?? currentMonth(now, tz);
        const scope = query.scope ?? { kind: 'person' as const, id: me.slackId };
        const report = await budgetReport({ db: ctx.db, chart, viewerId: me.slackId, scope, period, now });
        const name = scope.kind === 'org' ? chart.data.name : scopeLabel(chart, scope, locale);
        const label = periodLabel(locale, period, now, tz);
        return void (await reply.ack({
          response_type: 'ephemeral',
          ...budgetMessage(report, { locale, name, periodLabel: label }),
        }));
      }
      if (lower === 'list' || verb === '列表') {
        const { mine, waiting } = await listClaims({ db: ctx.db, chart, askerId: me.slackId });
        const parts = [
          `${t(locale, 'expense.list.header')}\n${mine.map((c) => claimLine(locale, c)).join('\n') || '—'}`,
        ];
        if (waiting.length > 0)
          parts.push(
            `${t(locale, 'expense.list.waiting')}\n${waiting.map((c) => `${escapeMrkdwn(chart.nameOf(c.claimantId))} ${claimLine(locale, c)}`).join('\n')}`,
          );
        return void (await ephemeral(parts.join('\n\n')));
      }
      if ((lower === 'paid' || verb === '付款') && /^#?\d{1,9}$/.test(args[0] ?? '')) {
        const claim = await markClaimPaid({
          db: ctx.db,
          clock: ctx.clock,
          chart,
          askerId: me.slackId,
          number: Number(args[0].replace('#', '')),
        });
        ctx.outbox.nudge();
        return void (await ephemeral(t(locale, 'expense.paid_done', { number: claim.number })));
      }
      if (lower === 'export' || verb === '匯出') {
        const period = args[0] ? parsePeriod(args[0], now, tz) : currentMonth(now, tz);
        if (!period) return void (await ephemeral(t(locale, 'expense.help')));
        const file = await exportClaims({ db: ctx.db, chart, askerId: me.slackId, period, locale });
        await reply.ack();
        const dm = await client.conversations.open({ users: me.slackId });
        const done = t(locale, 'expense.export.done', { period: file.period, count: file.count });
        await client.files.uploadV2({
          channel_id: dm.channel?.id,
          filename: file.filename,
          title: t(locale, 'expense.export.title', { period: periodKey(period) }),
          content: file.csv,
          initial_comment: done,
        });
        return void (await respond({ response_type: 'ephemeral', text: done }));
      }
      await ephemeral(t(locale, 'expense.help'));
    } catch (error) {
      await reply.answer({ response_type: 'ephemeral', text: errorText(error, locale, chart) });
      if (!isExpected(error)) throw error;
    }
  });
}
