import type { ListenerRouter } from '../listener-router.ts';
import { visitKindOf } from '../../../domain/visits/visit-kind.ts';
import { validateVisit, type RawVisitInput } from '../../../domain/visits/validate-visit.ts';
import { fileVisit } from '../../../services/visits/file-visit.ts';
import { resubmitVisit } from '../../../services/visits/resubmit-visit.ts';
import { VisitIds } from '../../../views/ids.ts';
import { saveSubmission } from '../save-submission.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, requireMember } from '../asker-of.ts';
import { readMetadata, readViewValues } from '../read-view-values.ts';
import { visitFormErrors } from './visit-form-errors.ts';

/**
 * The registration modal, filed new or edited after a return. It is saved before the ack, so a
 * closed modal always means a stored registration; bad input stays in the modal with its errors.
 */
export function registerVisitSubmissions(app: ListenerRouter, ctx: AppContext): void {
  for (const callbackId of [VisitIds.fileCallback, VisitIds.resubmitCallback]) {
    app.view(callbackId, async ({ ack, view, body, context }) => {
      const asker = askerOf(context);
      const { locale, chart } = asker;
      const kind = visitKindOf(chart.template);
      const firstField = kind === 'brand' ? 'account' : 'customerName';
      // a refusal keeps the modal open with what was typed, and says why in the user's language
      await saveSubmission({ ack, ctx, asker, field: firstField, unexpected: 'visit.error.save_failed' }, async () => {
        requireMember(asker);
        const checked = validateVisit(kind, readViewValues(view) as RawVisitInput, ctx.clock.now());
        if (!checked.ok) return visitFormErrors(checked.errors, locale, kind);
        if (callbackId === VisitIds.fileCallback) {
          await fileVisit({
            db: ctx.db,
            clock: ctx.clock,
            chart,
            filerId: body.user.id,
            input: checked.input,
            viewId: view.id,
            protectionDays: ctx.config.visits.protectionDays,
          });
        } else {
          const meta = readMetadata<{ visitId: number }>(view);
          await resubmitVisit({
            db: ctx.db,
            clock: ctx.clock,
            chart,
            visitId: Number(meta?.visitId),
            editorId: body.user.id,
            input: checked.input,
            protectionDays: ctx.config.visits.protectionDays,
          });
        }
      });
    });
  }
}
