import type { ListenerRouter } from '../listener-router.ts';
import { t } from '../../../i18n/index.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf } from '../asker-of.ts';

/**
 * A new user's first words to the bot are often a question typed into its DM: they get a short
 * help in their language rather than silence. Only top-level messages in the bot's own DM; a
 * Slack retry of the same event is dropped before it reaches here (dropRedeliveries).
 */
export function registerDmHelp(app: ListenerRouter, ctx: AppContext): void {
  app.event('message', async ({ event, client, context }) => {
    const message = event as {
      subtype?: string;
      bot_id?: string;
      channel_type?: string;
      thread_ts?: string;
      user?: string;
      text?: string;
      channel: string;
    };
    const plain = !message.subtype && !message.bot_id && message.user && !message.thread_ts;
    if (message.channel_type !== 'im' || !plain) return;
    if (!(message.text ?? '').trim()) return;
    await client.chat.postMessage({ channel: message.channel, text: t(askerOf(context).locale, 'dm.help') });
    ctx.logger.debug({ user: message.user }, 'answered a plain DM with help');
  });
}
