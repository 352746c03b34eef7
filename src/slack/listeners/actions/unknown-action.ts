import type { ListenerRouter } from '../listener-router.ts';
import type { AppContext } from '../../app-context.ts';
import { t } from '../../../i18n/index.ts';
import { AppError, ErrorCode } from '../../../lib/app-error.ts';
import type { types } from '@slack/bolt';
import { plain } from '../../../views/blocks.ts';
import { askerOf } from '../asker-of.ts';
import { answerActionError } from '../reply-ephemeral.ts';

/**
 * A click on a button this version no longer has (a card posted before an upgrade, or a stale
 * client), on a card, on App Home or in a modal: acknowledged, and the clicker is told privately that it
 * has changed (in their DM with the bot where the click names no conversation), never left with silence.
 * The same for a modal opened by an earlier version: its submission says nothing was saved.
 */
export function registerUnknownActions(app: ListenerRouter, ctx: AppContext): void {
  app.otherAction(async ({ ack, body, client, context, action }) => {
    await ack();
    ctx.logger.warn({ actionId: action.action_id, user: body.user.id }, 'a click on a button no listener knows');
    // from App Home or a modal (no conversation named) the answer goes to the clicker's DM with the bot
    const gone = new AppError(ErrorCode.NotFound, {}, `unknown action ${action.action_id}`, 'error.stale_button');
    await answerActionError(gone, body, client, askerOf(context), ctx);
  });

  app.otherView(async ({ ack, body, context }) => {
    const { locale } = askerOf(context);
    ctx.logger.warn({ callbackId: body.view.callback_id, user: body.user.id }, 'a modal no listener knows');
    const view: types.ModalView = {
      type: 'modal',
      title: plain(t(locale, 'home.title'), 24),
      close: plain(t(locale, 'visit.modal.close'), 24),
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: t(locale, 'error.stale_form') } }],
    };
    await ack({ response_action: 'update', view });
  });
}
