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

/** Slack wants the ack within 3 s: work that has not finished by then is acked anyway, and goes on. */
export const BUTTON_ACK_DEADLINE_MS = 2_500;

/**
 * A button, only for someone in the chart. The ack follows the work, as for a modal: a click Slack
 * shows as taken is stored, even if the bot is killed right after. Whatever it queued is sent soon,
 * and a refusal or a problem is answered to the clicker alone (unexpected ones reach app.error()).
 */
export function onButton(
  app: ListenerRouter,
  ctx: AppContext,
  actionId: string,
  run: (args: ButtonArgs) => Promise<unknown>,
): void {
  app.action(actionId, async ({ ack, body, client, context }) => {
    const acked = ackOnce(ack);
    // real time, not the clock: this is Slack's deadline on the wire
    const late = setTimeout(() => void acked(), BUTTON_ACK_DEADLINE_MS);
    const asker = askerOf(context);
    try {
      requireMember(asker);
      await run({ body, client, asker, value: String((body.actions[0] as ButtonAction).value ?? '') });
      clearTimeout(late);
      await acked();
      ctx.outbox.nudge();
    } catch (error) {
      clearTimeout(late);
      await acked();
      await answerActionError(error, body, client, asker, ctx);
    }
  });
}

/** The ack, sent at most once whoever asks first: the work finishing, or the deadline. */
function ackOnce(ack: () => Promise<void>): () => Promise<void> {
  let sent: Promise<void> | undefined;
  return () => (sent ??= ack());
}
