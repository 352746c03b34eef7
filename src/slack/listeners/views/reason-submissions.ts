import type { ListenerRouter } from '../listener-router.ts';
import { t } from '../../../i18n/index.ts';
import { moveStage } from '../../../services/visits/move-customer-stage.ts';
import { returnVisit } from '../../../services/visits/decide-visit.ts';
import { CustomerIds, VisitIds } from '../../../views/ids.ts';
import type { DealStage } from '../../../domain/visits/deal-stages.ts';
import { saveSubmission } from '../save-submission.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf } from '../asker-of.ts';
import { readMetadata, readViewValues } from '../read-view-values.ts';

/** The "why" modals: returning a registration, and marking a customer lost. */
export function registerReasonSubmissions(app: ListenerRouter, ctx: AppContext): void {
  app.view(VisitIds.returnCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    const reason = String(readViewValues(view)[VisitIds.returnReasonBlock] ?? '').trim();
    if (!reason)
      return void (await ack({
        response_action: 'errors',
        errors: {
          [VisitIds.returnReasonBlock]: t(asker.locale, 'visit.error.required', {
            field: t(asker.locale, 'visit.return.reason'),
          }),
        },
      }));
    await saveSubmission({ ack, ctx, asker, field: VisitIds.returnReasonBlock }, async () => {
      const meta = readMetadata<{ visitId: number }>(view);
      await returnVisit({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        visitId: Number(meta?.visitId),
        deciderId: body.user.id,
        reason,
      });
    });
  });

  app.view(CustomerIds.lostCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    const reason = String(readViewValues(view)[CustomerIds.lostReasonBlock] ?? '').trim();
    if (!reason)
      return void (await ack({
        response_action: 'errors',
        errors: {
          [CustomerIds.lostReasonBlock]: t(asker.locale, 'visit.error.required', {
            field: t(asker.locale, 'customer.lost.reason'),
          }),
        },
      }));
    await saveSubmission({ ack, ctx, asker, field: CustomerIds.lostReasonBlock }, async () => {
      const meta = readMetadata<{ customerId: number; from: DealStage }>(view);
      await moveStage({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        customerId: Number(meta?.customerId),
        actorId: body.user.id,
        from: meta?.from ?? 'visiting',
        to: 'lost',
        reason,
      });
    });
  });
}
