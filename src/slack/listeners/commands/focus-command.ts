import type { ListenerRouter } from '../listener-router.ts';
import { parsePeriod, periodKey } from '../../../domain/targets/periods.ts';
import { t } from '../../../i18n/index.ts';
import { AppError, ErrorCode } from '../../../lib/app-error.ts';
import { escapeMrkdwn } from '../../../lib/text.ts';
import { focusDraftForm } from '../../../services/rhythm/focus-content.ts';
import { defaultFocusMonth, focusRowsFor, mayDraftFocus } from '../../../services/rhythm/focus-roles.ts';
import { acknowledgeFocus, approveFocus, draftFocus } from '../../../services/rhythm/work-focus.ts';
import { focusDraftProblems } from '../../../domain/rhythm/focus-draft.ts';
import { focusStatusReport, type FocusMonthReport } from '../../../services/rhythm/focus-status-report.ts';
import { formatDateTime } from '../../../lib/format-time.ts';
import { errorText } from '../../../views/error-text.ts';
import { focusModal } from '../../../views/rhythm/focus-views.ts';
import { FocusIds } from '../../../views/ids.ts';
import type { Asker } from '../../middleware/identify-asker.ts';
import { commandReply } from '../command-reply.ts';

type CommandReply = ReturnType<typeof commandReply>;
import { saveSubmission } from '../save-submission.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, isExpected, requireMember } from '../asker-of.ts';
import type { Locale } from '../../../i18n/index.ts';
import type { OrgChart } from '../../../domain/org/org-chart.ts';
import { readMetadata, readViewValues } from '../read-view-values.ts';
import { onButton } from '../on-button.ts';

/**
 * `/focus` drafts the month's work focus; `/focus status` counts acknowledgements; its buttons approve and acknowledge.
 */
export function registerFocus(app: ListenerRouter, ctx: AppContext): void {
  registerFocusCommand(app, ctx);
  registerFocusDraft(app, ctx);
  registerFocusButtons(app, ctx);
}

/** `/focus [month]` opens the draft modal; `/focus status [month]` counts acknowledgements. */
function registerFocusCommand(app: ListenerRouter, ctx: AppContext): void {
  app.command('/focus', async ({ command, ack, respond, client, context }) => {
    const reply = commandReply(ack, respond);
    const asker = askerOf(context);
    const { chart, locale } = asker;
    const now = ctx.clock.now();
    const [verb = '', arg = ''] = command.text.trim().split(/\s+/);
    try {
      requireMember(asker);
      const monthOf = (text: string) => {
        const period = parsePeriod(text, now, chart.data.timezone);
        return period?.kind === 'month' ? periodKey(period) : undefined;
      };
      if (verb === 'status')
        return await answerStatus(ctx, reply, asker, arg ? (monthOf(arg) ?? null) : undefined, arg);
      if (verb === 'help') return void (await reply.ack({ response_type: 'ephemeral', text: t(locale, 'focus.help') }));
      if (verb && !monthOf(verb))
        return void (await reply.ack({ response_type: 'ephemeral', text: t(locale, 'focus.help') }));
      if (!mayDraftFocus(chart, asker.userId))
        throw new AppError(ErrorCode.Forbidden, {}, 'not leadership', 'focus.not_allowed');
      // with no month named, a focus day already gone means next month's draft, and the modal says so
      const fallback = defaultFocusMonth({ chart, config: ctx.config, now });
      const month = (verb ? monthOf(verb) : undefined) ?? fallback.month;
      const current = formatDateTime(now, chart.data.timezone).slice(0, 7);
      const notice =
        !verb && fallback.movedOn
          ? t(locale, 'focus.modal.next_month', {
              current,
              month,
              passed: formatDateTime(fallback.passed, chart.data.timezone),
            })
          : undefined;
      if (month < current) throw new AppError(ErrorCode.InvalidInput, { month }, 'past month', 'focus.past_month');
      const { existing, rows, fromPlan } = await focusDraftForm({ db: ctx.db, chart, month, locale });
      const planNote = fromPlan ? t(locale, 'plan.focus_prefilled', fromPlan) : undefined;
      await reply.ack();
      await client.views.open({
        trigger_id: command.trigger_id,
        view: focusModal({
          locale,
          month,
          notice: [notice, planNote].filter(Boolean).join('\n') || undefined,
          site: chart.template === 'property-site',
          initial: existing ?? undefined,
          rows,
        }),
      });
    } catch (error) {
      await reply.answer({ response_type: 'ephemeral', text: errorText(error, locale, chart) });
      if (!isExpected(error)) throw error;
    }
  });
}

/** The draft modal's submission: checked here, then drafted. */
function registerFocusDraft(app: ListenerRouter, ctx: AppContext): void {
  app.view(FocusIds.draftCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    const { chart, locale } = asker;
    const values = readViewValues(view);
    const text = (key: string) => String(values[key] ?? '').trim();
    const input = {
      main: text('main'),
      secondary1: text('secondary1'),
      secondary2: text('secondary2'),
      rows: focusRowsFor(chart, locale).map((r) => ({
        code: r.code,
        name: r.name,
        targets: text(`targets:${r.code}`),
        focus: text(`focus:${r.code}`),
      })),
    };
    const errors: Record<string, string> = {};
    for (const e of focusDraftProblems(input)) {
      const field = t(locale, `focus.field.${e.label}`, { market: e.market ?? '' });
      errors[e.field] ??= t(locale, e.problem === 'required' ? 'focus.error.required' : 'focus.error.too_long', {
        field,
        max: e.max,
      });
    }
    if (Object.keys(errors).length > 0) return void (await ack({ response_action: 'errors', errors }));
    await saveSubmission({ ack, ctx, asker, field: 'main' }, async () => {
      const month = readMetadata<{ month: string }>(view)?.month ?? '';
      await draftFocus({
        db: ctx.db,
        clock: ctx.clock,
        chart,
        config: ctx.config,
        drafterId: body.user.id,
        month,
        ...input,
      });
    });
  });
}

/** Approving a draft, and acknowledging a published focus. */
function registerFocusButtons(app: ListenerRouter, ctx: AppContext): void {
  onButton(app, ctx, FocusIds.approve, ({ body, asker, value }) =>
    approveFocus({
      db: ctx.db,
      clock: ctx.clock,
      chart: asker.chart,
      config: ctx.config,
      focusId: Number(value),
      approverId: body.user.id,
    }),
  );
  onButton(app, ctx, FocusIds.acknowledge, ({ body, asker, value }) =>
    acknowledgeFocus({
      db: ctx.db,
      clock: ctx.clock,
      chart: asker.chart,
      config: ctx.config,
      focusId: Number(value),
      personId: body.user.id,
    }),
  );
}

/** One month of a `/focus status` answer: who acknowledged once published, else where it stands and when it is due. */
function focusStatusText(locale: Locale, chart: OrgChart, r: FocusMonthReport): string {
  const { month } = r;
  if (r.status === 'published') {
    const names = (ids: string[]) => ids.map((id) => escapeMrkdwn(chart.nameOf(id))).join('、') || '—';
    const total = r.acked.length + r.pending.length;
    const header = t(locale, 'focus.status.header', { month, acked: r.acked.length, total });
    const acked = t(locale, 'focus.status.acked', { names: names(r.acked) });
    return [header, acked, t(locale, 'focus.status.pending', { names: names(r.pending) })].join('\n');
  }
  const publish = formatDateTime(r.publishAt, chart.data.timezone);
  const none = r.upcoming ? 'focus.status.next_none' : 'focus.status.none';
  const key = r.status === 'approved' ? 'focus.status.approved' : r.status === 'draft' ? 'focus.status.draft' : none;
  return t(locale, key, { month, publish });
}

/** `/focus status [month]`: who acknowledged, or where the focus stands; a month given but unreadable asks again. */
async function answerStatus(
  ctx: AppContext,
  reply: CommandReply,
  asker: Asker,
  named: string | null | undefined,
  arg: string,
): Promise<void> {
  const { chart, locale } = asker;
  const now = ctx.clock.now();
  if (named === null)
    return void (await reply.ack({
      response_type: 'ephemeral',
      text: t(locale, 'focus.error.bad_month', { text: arg }),
    }));
  const month = named;
  const asked = { db: ctx.db, chart, config: ctx.config, askerId: asker.userId, now, month };
  const reports = await focusStatusReport(asked);
  const text = reports.map((r) => focusStatusText(locale, chart, r)).join('\n\n');
  return void (await reply.ack({ response_type: 'ephemeral', text }));
}
