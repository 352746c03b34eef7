import type { ListenerRouter } from '../listener-router.ts';
import { validateVisit, type RawVisitInput } from '../../../domain/visits/validate-visit.ts';
import { t } from '../../../i18n/index.ts';
import { AppError } from '../../../lib/app-error.ts';
import { fileVisit } from '../../../services/file-visit.ts';
import { resubmitVisit } from '../../../services/resubmit-visit.ts';
import { errorText } from '../../../views/error-text.ts';
import { VisitIds } from '../../../views/ids.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, isExpected, requireMember } from '../asker-of.ts';
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
      const kind = chart.template === 'brand-sales' ? 'brand' : 'property';
      const firstField = kind === 'brand' ? 'account' : 'customerName';
      try {
        requireMember(asker);
        const checked = validateVisit(kind, readViewValues(view) as RawVisitInput, ctx.clock.now());
        if (!checked.ok) return void (await ack({ response_action: 'errors', errors: visitFormErrors(checked.errors, locale) }));
        if (callbackId === VisitIds.fileCallback) {
          await fileVisit({ db: ctx.db, clock: ctx.clock, chart, filerId: body.user.id, input: checked.input, viewId: view.id, protectionDays: ctx.config.visits.protectionDays });
        } else {
          const meta = readMetadata<{ visitId: number }>(view);
          await resubmitVisit({ db: ctx.db, clock: ctx.clock, chart, visitId: Number(meta?.visitId), editorId: body.user.id, input: checked.input });
        }
        await ack();
        ctx.outbox.nudge();
      } catch (error) {
        // keep the modal open with what was typed, and say why in the user's language
        const message = error instanceof AppError ? errorText(error, locale, chart) : t(locale, 'visit.error.save_failed');
        await ack({ response_action: 'errors', errors: { [firstField]: message } });
        if (!isExpected(error)) throw error;
      }
    });
  }
}
