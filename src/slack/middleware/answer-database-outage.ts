import type { AnyMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { DEFAULT_LOCALE, t } from '../../i18n/index.ts';
import { isDatabaseUnavailable } from '../../lib/database-unavailable.ts';
import { localeOf } from '../../services/org/locale-of.ts';
import type { AppContext } from '../app-context.ts';
import type { Step } from './steps.ts';

// biome-ignore lint/suspicious/noExplicitAny: Slack JSON of many shapes; each field read is checked
type Body = Record<string, any>;
type AckAny = (response?: unknown) => Promise<void>;

/**
 * The first step. While the database is away a request fails in the middleware that reads
 * it (intake keys, the asker) before any listener could answer: answer at once "could not save,
 * try again" (Slack would otherwise show "didn't respond" after 3 s), never claiming anything was
 * stored. A modal stays open with the user's input. Listeners answer their own failures (errorText).
 */
export function answerDatabaseOutage(ctx: AppContext): Step {
  return async (args, next) => {
    try {
      await next();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      if (args.context.listenersReached) throw error; // answered there; app.error() logs it
      ctx.logger.warn({ err: error }, 'database unavailable: request answered with try again');
      const body = args.body as Body;
      const userId: string | undefined = body.user_id ?? body.user?.id ?? body.event?.user;
      const chart = ctx.directory.lastKnown();
      const text = t(chart && userId ? localeOf(chart, userId) : DEFAULT_LOCALE, 'error.database_unavailable');
      const ack = 'ack' in args && typeof args.ack === 'function' ? (args.ack as AckAny) : undefined;
      const answer = ackFor(body, text);
      const answeredInAck = ack
        ? await ack(answer).then(
            () => answer !== undefined,
            () => false,
          )
        : false;
      if (answeredInAck || !userId) return;
      const unanswered = (e: unknown) => ctx.logger.warn({ err: e }, 'could not answer');
      await tellPrivately(args, body, userId, text).catch(unanswered);
    }
  };
}

/** The ack that answers: a command's ephemeral text, or a modal's error under its first input. */
function ackFor(body: Body, text: string): unknown {
  if (body.command) return { response_type: 'ephemeral', text };
  if (body.type === 'view_submission') {
    const input = (body.view?.blocks ?? []).find((block: Body) => block.type === 'input' && block.block_id);
    return input ? { response_action: 'errors', errors: { [input.block_id]: text } } : undefined;
  }
  return undefined;
}

/** When the ack cannot carry the answer (a click, an event): to the asker alone. */
async function tellPrivately(args: AnyMiddlewareArgs & { client?: WebClient }, body: Body, user: string, text: string) {
  const respond = (args as { respond?: (r: unknown) => Promise<unknown> }).respond;
  if (body.command) return void (await respond?.({ response_type: 'ephemeral', text }));
  const channel: string | undefined = body.channel?.id ?? body.container?.channel_id ?? body.event?.channel;
  if (!channel || !args.client) return;
  const threadTs: string | undefined = body.message?.thread_ts ?? body.event?.thread_ts;
  await args.client.chat.postEphemeral({ channel, user, text, ...(threadTs ? { thread_ts: threadTs } : {}) });
}

/** The step before the listeners: past it, they answer their own failures. */
export const markListenersReached: Step = async ({ context }, next) => {
  context.listenersReached = true;
  await next();
};
