import type { ListenerRouter } from '../listener-router.ts';
import { storedVisitKind } from '../../../domain/visits/visit-kind.ts';
import { visitKey } from '../../../views/visits/visit-terms.ts';
import { approveVisit, loadDecidableVisit } from '../../../services/visits/decide-visit.ts';
import { loadEditableVisit } from '../../../services/visits/resubmit-visit.ts';
import { ruleOwnership } from '../../../services/visits/rule-ownership.ts';
import { VisitIds } from '../../../views/ids.ts';
import { reasonModal } from '../../../views/reason-modal.ts';
import { visitAsInitial, visitModal } from '../../../views/visits/visit-modal.ts';
import type { AppContext } from '../../app-context.ts';
import { onButton } from '../on-button.ts';

/** The buttons on registration messages: approve, return, edit after a return, and ownership rulings. */
export function registerVisitActions(app: ListenerRouter, ctx: AppContext): void {
  onButton(app, ctx, VisitIds.approve, ({ body, asker, value }) =>
    approveVisit({
      db: ctx.db,
      clock: ctx.clock,
      chart: asker.chart,
      visitId: Number(value),
      deciderId: body.user.id,
      protectionDays: ctx.config.visits.protectionDays,
    }),
  );

  onButton(app, ctx, VisitIds.return, async ({ body, client, asker, value }) => {
    const visit = await loadDecidableVisit({
      db: ctx.db,
      clock: ctx.clock,
      chart: asker.chart,
      visitId: Number(value),
      deciderId: body.user.id,
    });
    const view = reasonModal({
      locale: asker.locale,
      callbackId: VisitIds.returnCallback,
      privateMetadata: JSON.stringify({ visitId: visit.id }),
      titleKey: visitKey(storedVisitKind(visit.kind), 'visit.return.title'),
      labelKey: 'visit.return.reason',
      submitKey: 'visit.return.submit',
      blockId: VisitIds.returnReasonBlock,
    });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });

  onButton(app, ctx, VisitIds.edit, async ({ body, client, asker, value }) => {
    const visit = await loadEditableVisit({
      db: ctx.db,
      chart: asker.chart,
      visitId: Number(value),
      editorId: body.user.id,
    });
    const view = visitModal({
      locale: asker.locale,
      kind: storedVisitKind(visit.kind),
      callbackId: VisitIds.resubmitCallback,
      nowSeconds: Math.floor(ctx.clock.now().getTime() / 1000),
      privateMetadata: JSON.stringify({ visitId: visit.id }),
      initial: visitAsInitial(visit),
      editing: true,
    });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });

  for (const [actionId, keepWithOwner] of [
    [VisitIds.keepOwner, true],
    [VisitIds.giveFiler, false],
  ] as const) {
    onButton(app, ctx, actionId, ({ body, asker, value }) =>
      ruleOwnership({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        visitId: Number(value),
        reviewerId: body.user.id,
        keepWithOwner,
        protectionDays: ctx.config.visits.protectionDays,
      }),
    );
  }
}
