import type { AllMiddlewareArgs, BlockAction } from '@slack/bolt';
import type { AppContext } from '../app-context.ts';
import { errorText } from '../../views/error-text.ts';
import type { Asker } from '../middleware/identify-asker.ts';
import { isExpected } from './asker-of.ts';

/** Slack's answers to an ephemeral message for someone who is not in that conversation. */
const NOT_THEIRS = new Set(['user_not_in_channel', 'channel_not_found', 'not_in_channel']);

/**
 * A refusal or a problem after a button click, seen only by whoever clicked: where the click came
 * from, or, for a click from a conversation the clicker is not in (a forged one, on a card in
 * someone else's DM) or from none (App Home, a modal), in the clicker's own DM with the bot, never
 * not at all. Unexpected errors are answered too, then passed on to app.error().
 */
export async function answerActionError(
  error: unknown,
  body: BlockAction,
  client: AllMiddlewareArgs['client'],
  asker: Asker,
  ctx: AppContext,
): Promise<void> {
  const text = errorText(error, asker.locale, asker.chart);
  const channel = body.channel?.id ?? body.container?.channel_id;
  await answerPrivately(client, ctx, { user: body.user.id, channel, threadTs: body.message?.thread_ts, text });
  if (!isExpected(error)) throw error;
}

/**
 * An ephemeral answer to one person: in the conversation given (in its thread), or, where they are
 * not in it or none is given, in their own DM with the bot. A failure to answer is logged, never thrown.
 */
export async function answerPrivately(
  client: AllMiddlewareArgs['client'],
  ctx: Pick<AppContext, 'logger'>,
  o: { user: string; channel?: string; threadTs?: string; text: string },
): Promise<void> {
  const { user, channel, text } = o;
  const post = (to: string, threadTs?: string) =>
    client.chat.postEphemeral({ channel: to, user, text, ...(threadTs ? { thread_ts: threadTs } : {}) });
  try {
    try {
      if (!channel) throw new Error('no conversation');
      await post(channel, o.threadTs);
    } catch (first) {
      if (channel && !NOT_THEIRS.has(slackErrorOf(first))) throw first;
      const opened = await client.conversations.open({ users: user });
      if (!opened.channel?.id) throw first;
      await post(opened.channel.id);
    }
  } catch (postError) {
    ctx.logger.warn({ err: postError }, 'could not post an ephemeral answer');
  }
}

/** The `error` of a Web API call that Slack answered with ok: false (`data.error`), else ''. */
function slackErrorOf(error: unknown): string {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : '';
}
