import type { AllMiddlewareArgs, BlockAction } from '@slack/bolt';
import type { AppContext } from '../app-context.ts';
import { errorText } from '../../views/error-text.ts';
import type { Asker } from '../middleware/identify-asker.ts';
import { isExpected } from './asker-of.ts';

/**
 * A refusal or a problem after a button click, seen only by whoever clicked. Unexpected errors are
 * answered too, then passed on to app.error().
 */
export async function answerActionError(
  error: unknown,
  body: BlockAction,
  client: AllMiddlewareArgs['client'],
  asker: Asker,
  ctx: AppContext,
): Promise<void> {
  const channel = body.channel?.id ?? body.container?.channel_id;
  const text = errorText(error, asker.locale, asker.chart);
  if (channel) {
    await client.chat
      .postEphemeral({
        channel,
        user: body.user.id,
        text,
        ...(body.message?.thread_ts ? { thread_ts: body.message.thread_ts } : {}),
      })
      .catch((postError: unknown) => ctx.logger.warn({ err: postError }, 'could not post an ephemeral answer'));
  }
  if (!isExpected(error)) throw error;
}
