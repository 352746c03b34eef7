import type { ListenerRouter } from '../listener-router.ts';
import { validateFeedback, type RawFeedbackInput } from '../../../domain/issues/feedback-rules.ts';
import { categoriesFor, validateIssue, type RawIssueInput } from '../../../domain/issues/issue-rules.ts';
import { t, tFor, type Locale } from '../../../i18n/index.ts';
import { assignIssue, resolveIssue } from '../../../services/issues/act-on-issue.ts';
import { fileFeedback } from '../../../services/feedback/feedback.ts';
import { fileIssue } from '../../../services/issues/file-issue.ts';
import { FeedbackIds, IssueIds } from '../../../views/ids.ts';
import { saveSubmission } from '../save-submission.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, requireMember } from '../asker-of.ts';
import { readMetadata, readViewValues } from '../read-view-values.ts';

type FieldError = { field: string; reason: string; params?: Record<string, number> };

function formErrors(prefix: 'issue' | 'feedback', errors: FieldError[], locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    out[e.field] ??= tFor(locale, `${prefix}.error`, e.reason, {
      field: tFor(locale, `${prefix}.field`, e.field),
      ...e.params,
    });
  }
  return out;
}

/** The issue and feedback modals, and the assign and resolve modals behind the issue buttons. */
export function registerIssueSubmissions(app: ListenerRouter, ctx: AppContext): void {
  registerFilingSubmissions(app, ctx);
  registerDecisionSubmissions(app, ctx);
}

/** Filing an issue or a piece of sales feedback. */
function registerFilingSubmissions(app: ListenerRouter, ctx: AppContext): void {
  app.view(IssueIds.fileCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    await saveSubmission({ ack, ctx, asker, field: 'title', unexpected: 'visit.error.save_failed' }, async () => {
      requireMember(asker);
      const checked = validateIssue(readViewValues(view) as RawIssueInput, categoriesFor(asker.chart.template));
      if (!checked.ok) return formErrors('issue', checked.errors, asker.locale);
      await fileIssue({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        config: ctx.config,
        reporterId: body.user.id,
        input: checked.input,
        viewId: view.id,
      });
    });
  });

  app.view(FeedbackIds.fileCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    await saveSubmission({ ack, ctx, asker, field: 'content', unexpected: 'visit.error.save_failed' }, async () => {
      requireMember(asker);
      const checked = validateFeedback(readViewValues(view) as RawFeedbackInput);
      if (!checked.ok) return formErrors('feedback', checked.errors, asker.locale);
      await fileFeedback({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        senderId: body.user.id,
        input: checked.input,
        viewId: view.id,
      });
    });
  });
}

/** Assigning and resolving an issue, behind its buttons. */
function registerDecisionSubmissions(app: ListenerRouter, ctx: AppContext): void {
  app.view(IssueIds.assignCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    const assigneeId = String(readViewValues(view)[IssueIds.assigneeBlock] ?? '');
    await saveSubmission({ ack, ctx, asker, field: IssueIds.assigneeBlock }, async () => {
      const meta = readMetadata<{ issueId: number }>(view);
      await assignIssue({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        config: ctx.config,
        issueId: Number(meta?.issueId),
        actorId: body.user.id,
        assigneeId,
      });
    });
  });

  app.view(IssueIds.resolveCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    const resolution = String(readViewValues(view)[IssueIds.resolutionBlock] ?? '').trim();
    if (!resolution)
      return void (await ack({
        response_action: 'errors',
        errors: {
          [IssueIds.resolutionBlock]: t(asker.locale, 'issue.error.required', {
            field: t(asker.locale, 'issue.resolve.label'),
          }),
        },
      }));
    await saveSubmission({ ack, ctx, asker, field: IssueIds.resolutionBlock }, async () => {
      const meta = readMetadata<{ issueId: number }>(view);
      await resolveIssue({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        config: ctx.config,
        issueId: Number(meta?.issueId),
        actorId: body.user.id,
        resolution,
      });
    });
  });
}
