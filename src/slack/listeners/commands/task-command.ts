import type { ListenerRouter } from '../listener-router.ts';
import { t } from '../../../i18n/index.ts';
import { AppError, ErrorCode } from '../../../lib/app-error.ts';
import { mayAssignTasks } from '../../../domain/tasks/task-rules.ts';
import { localDay, nextWorkingDay } from '../../../domain/tasks/task-dates.ts';
import { workingCalendarOf } from '../../../services/calendar/working-calendar-of.ts';
import { listTasks } from '../../../services/tasks/list-tasks.ts';
import { taskViewFor } from '../../../services/tasks/task-messages.ts';
import { exportResearch, searchResearch } from '../../../services/tasks/research-results.ts';
import { researchSearchView } from '../../../views/tasks/research-views.ts';
import { errorText } from '../../../views/error-text.ts';
import { taskListView } from '../../../views/tasks/task-list.ts';
import { taskModal } from '../../../views/tasks/task-modals.ts';
import { commandReply } from '../command-reply.ts';
import { planForm } from '../../../services/plans/plan-form.ts';
import { planCommandRefusal, planModal } from '../../../views/plans/plan-views.ts';
import { parsePlanCommand } from '../../../domain/plans/plan-rules.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, isExpected, requireMember } from '../asker-of.ts';

/** `/task` opens the form for those with someone below them; `list` shows mine and those I handed down. */
export function registerTaskCommand(app: ListenerRouter, ctx: AppContext): void {
  app.command('/task', async ({ command, ack, respond, client, context }) => {
    const reply = commandReply(ack, respond);
    const asker = askerOf(context);
    const { chart, locale } = asker;
    const text = command.text.trim();
    const [verb = '', ...rest] = text.split(/\s+/);
    try {
      requireMember(asker);
      if (text === '') {
        if (!mayAssignTasks(chart, asker.userId))
          throw new AppError(ErrorCode.Forbidden, {}, 'no reports', 'task.error.no_reports');
        await reply.ack();
        const tz = chart.data.timezone;
        const due = nextWorkingDay(workingCalendarOf(ctx.config, tz), localDay(ctx.clock.now(), tz));
        const chain = [asker.userId, ...chart.allReports(asker.userId)].map((id) => ({ id, name: chart.nameOf(id) }));
        await client.views.open({ trigger_id: command.trigger_id, view: taskModal(locale, due, chain) });
        return;
      }
      if (verb === 'plan') {
        const asked = parsePlanCommand(rest, chart.template);
        if (!asked.ok)
          return void (await reply.ack({ response_type: 'ephemeral', ...planCommandRefusal(asked, chart, locale) }));
        const now = ctx.clock.now();
        const form = await planForm({ db: ctx.db, chart, authorId: asker.userId, now, ...asked });
        await reply.ack();
        await client.views.open({ trigger_id: command.trigger_id, view: planModal({ locale, ...form }) });
        return;
      }
      if (verb === 'list') {
        const now = ctx.clock.now();
        const list = await listTasks({ db: ctx.db, chart, askerId: asker.userId, now });
        return void (await reply.ack({
          response_type: 'ephemeral',
          ...taskListView(list, taskViewFor(chart, asker.userId, now)),
        }));
      }
      if (verb === 'research') {
        const query = rest.join(' ');
        const results = await searchResearch({ db: ctx.db, chart, askerId: asker.userId, query });
        const view = { locale, nameOf: (id: string) => chart.nameOf(id), timeZone: chart.data.timezone };
        return void (await reply.ack({ response_type: 'ephemeral', ...researchSearchView(query, results, view) }));
      }
      if (verb === 'export') {
        requireMember(asker);
        await reply.ack();
        const file = await exportResearch({ db: ctx.db, chart, askerId: asker.userId, locale });
        const done = t(locale, 'research.export.done', { count: file.count });
        const dm = await client.conversations.open({ users: asker.userId });
        await client.files.uploadV2({
          channel_id: dm.channel?.id,
          filename: file.filename,
          title: file.filename,
          file: file.bytes,
          initial_comment: done,
        });
        return void (await respond({ response_type: 'ephemeral', text: done }));
      }
      await reply.ack({ response_type: 'ephemeral', text: t(locale, 'task.help') });
    } catch (error) {
      await reply.answer({ response_type: 'ephemeral', text: errorText(error, locale, chart) });
      if (!isExpected(error)) throw error;
    }
  });
}
