import type { ListenerRouter } from './listener-router.ts';
import type { AllMiddlewareArgs, BlockAction, ButtonAction } from '@slack/bolt';
import type { AppContext } from '../app-context.ts';
import type { Asker } from '../middleware/identify-asker.ts';
import { askerOf, requireMember } from './asker-of.ts';
import { answerActionError } from './reply-ephemeral.ts';

export interface ButtonArgs {
  body: BlockAction;
  client: AllMiddlewareArgs['client'];
  asker: Asker;
  /** The button's value. */
  value: string;
}

/**
 * A button: acked at once, then only for someone in the chart; whatever it queued is sent soon,
 * and a refusal or a problem is answered to the clicker alone (unexpected ones reach app.error()).
 */
export function onButton(app: ListenerRouter, ctx: AppContext, actionId: string, run: (args: ButtonArgs) => Promise<unknown>): void {
  app.action(actionId, async ({ ack, body, client, context }) => {
    await ack();
    const asker = askerOf(context);
    try {
      requireMember(asker);
      await run({ body, client, asker, value: String((body.actions[0] as ButtonAction).value ?? '') });
      ctx.outbox.nudge();
    } catch (error) {
      await answerActionError(error, body, client, asker, ctx);
    }
  });
}
