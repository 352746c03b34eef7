import type { ListenerRouter } from '../listener-router.ts';
import { parsePeriod, periodKey } from '../../../domain/targets/periods.ts';
import { t } from '../../../i18n/index.ts';
import { AppError, ErrorCode } from '../../../lib/app-error.ts';
import { escapeMrkdwn } from '../../../lib/text.ts';
import { acknowledgeFocus, approveFocus, draftFocus, focusDraftForm, focusRowsFor, focusStatus, mayDraftFocus } from '../../../services/work-focus.ts';
import { errorText } from '../../../views/error-text.ts';
import { focusModal } from '../../../views/focus-views.ts';
import { FocusIds } from '../../../views/ids.ts';
import { commandReply } from '../command-reply.ts';
import { saveSubmission } from '../save-submission.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, isExpected, requireMember } from '../asker-of.ts';
import { readMetadata, readViewValues } from '../read-view-values.ts';
import { onButton } from '../on-button.ts';

/** `/focus` drafts the month's work focus; `/focus status` counts acknowledgements; its buttons approve and acknowledge. */
export function registerFocus(app: ListenerRouter, ctx: AppContext): void {
  app.command('/focus', async ({ command, ack, respond, client, context }) => {
    const reply = commandReply(ack, respond);
    const asker = askerOf(context);
    const { chart, locale } = asker;
    const now = ctx.clock.now();
    const [verb = '', arg = ''] = command.text.trim().split(/\s+/);
    try {
      requireMember(asker);
      if (verb === 'status') {
        const month = periodKey(parsePeriod(arg || '本月', now, chart.data.timezone) ?? { kind: 'month', year: 2000, month: 1 });
        const status = await focusStatus({ db: ctx.db, chart, askerId: asker.userId, month });
        if (!status) return void (await reply.ack({ response_type: 'ephemeral', text: t(locale, 'focus.status.none', { month }) }));
        const names = (ids: string[]) => ids.map((id) => escapeMrkdwn(chart.nameOf(id))).join('、') || '—';
        const text = [t(locale, 'focus.status.header', { month, acked: status.acked.length, total: status.acked.length + status.pending.length }), t(locale, 'focus.status.acked', { names: names(status.acked) }), t(locale, 'focus.status.pending', { names: names(status.pending) })].join('\n');
        return void (await reply.ack({ response_type: 'ephemeral', text }));
      }
      if (verb === 'help') return void (await reply.ack({ response_type: 'ephemeral', text: t(locale, 'focus.help') }));
      const period = verb ? parsePeriod(verb, now, chart.data.timezone) : parsePeriod('本月', now, chart.data.timezone);
      if (!period || period.kind !== 'month') return void (await reply.ack({ response_type: 'ephemeral', text: t(locale, 'focus.help') }));
      if (!mayDraftFocus(chart, asker.userId)) throw new AppError(ErrorCode.Forbidden, {}, 'not leadership', 'focus.not_allowed');
      const month = periodKey(period);
      const { existing, rows } = await focusDraftForm({ db: ctx.db, chart, month, locale });
      await reply.ack();
      await client.views.open({ trigger_id: command.trigger_id, view: focusModal({ locale, month, site: chart.template === 'property-site', initial: existing ?? undefined, rows }) as never });
    } catch (error) {
      await reply.answer({ response_type: 'ephemeral', text: errorText(error, locale, chart) });
      if (!isExpected(error)) throw error;
    }
  });

  app.view(FocusIds.draftCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    const { chart, locale } = asker;
    const values = readViewValues(view);
    const text = (key: string) => String(values[key] ?? '').trim();
    const errors: Record<string, string> = {};
    for (const [key, max] of [['main', 300], ['secondary1', 300], ['secondary2', 300]] as const) {
      const field = t(locale, `focus.field.${key}`);
      if (!text(key)) errors[key] = t(locale, 'focus.error.required', { field });
      else if ([...text(key)].length > max) errors[key] = t(locale, 'focus.error.too_long', { field, max });
    }
    if (Object.keys(errors).length > 0) return void (await ack({ response_action: 'errors', errors }));
    await saveSubmission({ ack, ctx, asker, field: 'main' }, async () => {
      const month = readMetadata<{ month: string }>(view)?.month ?? '';
      const rows = focusRowsFor(chart, locale).map((r) => ({ code: r.code, targets: text(`targets:${r.code}`).slice(0, 200), focus: text(`focus:${r.code}`).slice(0, 300) }));
      await draftFocus({ db: ctx.db, clock: ctx.clock, chart, config: ctx.config, drafterId: body.user.id, month, main: text('main'), secondary1: text('secondary1'), secondary2: text('secondary2'), rows });
    });
  });

  onButton(app, ctx, FocusIds.approve, ({ body, asker, value }) => approveFocus({ db: ctx.db, clock: ctx.clock, chart: asker.chart, config: ctx.config, focusId: Number(value), approverId: body.user.id }));
  onButton(app, ctx, FocusIds.acknowledge, ({ body, asker, value }) => acknowledgeFocus({ db: ctx.db, clock: ctx.clock, chart: asker.chart, config: ctx.config, focusId: Number(value), personId: body.user.id }));
}
