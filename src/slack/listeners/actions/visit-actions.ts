import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { approveVisit, loadDecidableVisit } from '../../../services/decide-visit.ts';
import { loadEditableVisit } from '../../../services/resubmit-visit.ts';
import { ruleOwnership } from '../../../services/rule-ownership.ts';
import { VisitIds } from '../../../views/ids.ts';
import { reasonModal } from '../../../views/reason-modal.ts';
import { visitAsInitial, visitModal } from '../../../views/visit-modal.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, requireMember } from '../asker-of.ts';
import { answerActionError } from '../reply-ephemeral.ts';

const visitIdOf = (body: BlockAction): number => Number((body.actions[0] as ButtonAction).value);

/** The buttons on registration messages: approve, return, edit after a return, and ownership rulings. */
export function registerVisitActions(app: App, ctx: AppContext): void {
  app.action<BlockAction>(VisitIds.approve, async ({ ack, body, client, context }) => {
    await ack();
    const asker = askerOf(context);
    try {
      requireMember(asker);
      await approveVisit({ db: ctx.db, clock: ctx.clock, chart: asker.chart, visitId: visitIdOf(body), deciderId: body.user.id });
      ctx.outbox.nudge();
    } catch (error) {
      await answerActionError(error, body, client, asker, ctx);
    }
  });

  app.action<BlockAction>(VisitIds.return, async ({ ack, body, client, context }) => {
    await ack();
    const asker = askerOf(context);
    try {
      requireMember(asker);
      const visit = await loadDecidableVisit({ db: ctx.db, clock: ctx.clock, chart: asker.chart, visitId: visitIdOf(body), deciderId: body.user.id });
      const view = reasonModal({ locale: asker.locale, callbackId: VisitIds.returnCallback, privateMetadata: JSON.stringify({ visitId: visit.id }), titleKey: 'visit.return.title', labelKey: 'visit.return.reason', submitKey: 'visit.return.submit', blockId: VisitIds.returnReasonBlock });
      await client.views.open({ trigger_id: body.trigger_id, view: view as never });
    } catch (error) {
      await answerActionError(error, body, client, asker, ctx);
    }
  });

  app.action<BlockAction>(VisitIds.edit, async ({ ack, body, client, context }) => {
    await ack();
    const asker = askerOf(context);
    try {
      requireMember(asker);
      const visit = await loadEditableVisit({ db: ctx.db, chart: asker.chart, visitId: visitIdOf(body), editorId: body.user.id });
      const view = visitModal({
        locale: asker.locale,
        kind: visit.kind === 'brand' ? 'brand' : 'property',
        callbackId: VisitIds.resubmitCallback,
        nowSeconds: Math.floor(ctx.clock.now().getTime() / 1000),
        privateMetadata: JSON.stringify({ visitId: visit.id }),
        initial: visitAsInitial(visit),
        editing: true,
      });
      await client.views.open({ trigger_id: body.trigger_id, view: view as never });
    } catch (error) {
      await answerActionError(error, body, client, asker, ctx);
    }
  });

  for (const [actionId, keepWithOwner] of [[VisitIds.keepOwner, true], [VisitIds.giveFiler, false]] as const) {
    app.action<BlockAction>(actionId, async ({ ack, body, client, context }) => {
      await ack();
      const asker = askerOf(context);
      try {
        requireMember(asker);
        await ruleOwnership({ db: ctx.db, clock: ctx.clock, chart: asker.chart, visitId: visitIdOf(body), reviewerId: body.user.id, keepWithOwner, protectionDays: ctx.config.visits.protectionDays });
        ctx.outbox.nudge();
      } catch (error) {
        await answerActionError(error, body, client, asker, ctx);
      }
    });
  }
}
