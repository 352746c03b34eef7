import type { ListenerRouter } from '../listener-router.ts';
import { localDay } from '../../../domain/tasks/task-dates.ts';
import { validateTask, type RawTaskInput } from '../../../domain/tasks/task-rules.ts';
import { t, tFor, type Locale, type MessageKey } from '../../../i18n/index.ts';
import { cannotDoTask, commentOnTask } from '../../../services/tasks/answer-task.ts';
import { assignTask } from '../../../services/tasks/assign-task.ts';
import { fileResearchResult } from '../../../services/tasks/research-results.ts';
import { recordSessionAttendance } from '../../../services/tasks/record-attendance.ts';
import { validateResearch } from '../../../domain/tasks/research-rules.ts';
import { TaskIds } from '../../../views/ids.ts';
import { saveSubmission } from '../save-submission.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, requireMember } from '../asker-of.ts';
import { readMetadata, readViewValues } from '../read-view-values.ts';

type FieldError = { field: string; reason: string; params?: Record<string, number> };

export function fieldErrors(prefix: 'task' | 'research', errors: FieldError[], locale: Locale) {
  const out: Record<string, string> = {};
  for (const e of errors) {
    out[e.field] ??= tFor(locale, `${prefix}.error`, e.reason, {
      field: tFor(locale, `${prefix}.field`, e.field),
      ...e.params,
    });
  }
  return out;
}

const required = (locale: Locale, blockId: string, labelKey: MessageKey) => ({
  response_action: 'errors' as const,
  errors: { [blockId]: t(locale, 'task.error.required', { field: t(locale, labelKey) }) },
});

/** The task form, and the can't-do and comment modals behind an assignee's buttons. */
export function registerTaskSubmissions(app: ListenerRouter, ctx: AppContext): void {
  app.view(TaskIds.assignCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    await saveSubmission({ ack, ctx, asker, field: 'assignee' }, async () => {
      requireMember(asker);
      const today = localDay(ctx.clock.now(), asker.chart.data.timezone);
      const checked = validateTask(readViewValues(view) as RawTaskInput, today);
      if (!checked.ok) return fieldErrors('task', checked.errors, asker.locale);
      await assignTask({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        config: ctx.config,
        assignerId: body.user.id,
        input: checked.input,
        viewId: view.id,
      });
    });
  });

  app.view(TaskIds.cannotCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    const reason = String(readViewValues(view)[TaskIds.reasonBlock] ?? '').trim();
    if (!reason) return void (await ack(required(asker.locale, TaskIds.reasonBlock, 'task.cannot.label')));
    await saveSubmission({ ack, ctx, asker, field: TaskIds.reasonBlock }, async () => {
      const meta = readMetadata<{ assignmentId: number }>(view);
      await cannotDoTask({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        assignmentId: Number(meta?.assignmentId),
        actorId: body.user.id,
        reason,
      });
    });
  });

  app.view(TaskIds.commentCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    const text = String(readViewValues(view)[TaskIds.commentBlock] ?? '').trim();
    if (!text) return void (await ack(required(asker.locale, TaskIds.commentBlock, 'task.comment.label')));
    await saveSubmission({ ack, ctx, asker, field: TaskIds.commentBlock }, async () => {
      const meta = readMetadata<{ assignmentId: number }>(view);
      await commentOnTask({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        assignmentId: Number(meta?.assignmentId),
        actorId: body.user.id,
        text,
        viewId: view.id,
      });
    });
  });

  registerResearchSubmission(app, ctx);
  registerAttendanceSubmission(app, ctx);
}

/** A 市調 result filed against a research task. */
function registerResearchSubmission(app: ListenerRouter, ctx: AppContext): void {
  app.view(TaskIds.researchCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    await saveSubmission({ ack, ctx, asker, field: 'competitor' }, async () => {
      const checked = validateResearch(readViewValues(view));
      if (!checked.ok) return fieldErrors('research', checked.errors, asker.locale);
      const meta = readMetadata<{ assignmentId: number }>(view);
      await fileResearchResult({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        assignmentId: Number(meta?.assignmentId),
        actorId: body.user.id,
        input: checked.input,
        viewId: view.id,
      });
    });
  });
}

/** A training session's attendance sheet, saved by whoever handed it down or those above them. */
function registerAttendanceSubmission(app: ListenerRouter, ctx: AppContext): void {
  app.view(TaskIds.attendanceCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    const values = readViewValues(view);
    const entries = Object.keys(values)
      .filter((key) => key.startsWith('att:'))
      .map((key) => {
        const assignmentId = Number(key.slice(4));
        const chosen = values[key];
        const attendance: 'present' | 'absent' | null = chosen === 'present' || chosen === 'absent' ? chosen : null;
        return { assignmentId, attendance, mark: String(values[`mark:${assignmentId}`] ?? '') };
      });
    const first = Object.keys(values).find((key) => key.startsWith('att:')) ?? 'att';
    await saveSubmission({ ack, ctx, asker, field: first }, async () => {
      if (!entries.some((e) => e.attendance)) return { [first]: t(asker.locale, 'training.error.none') };
      const meta = readMetadata<{ taskId: number }>(view);
      await recordSessionAttendance({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        taskId: Number(meta?.taskId),
        recorderId: body.user.id,
        entries,
      });
    });
  });
}
