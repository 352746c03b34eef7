import type { Authorize } from '@slack/bolt';
import { WebClient } from '@slack/web-api';

/**
 * Bolt's own single-token authorization calls auth.test in App's constructor and awaits it only at
 * the first request: with Slack unreachable then, its rejection is unhandled and ends the process.
 * This asks at the first request instead, remembers a success, and asks again after a failure.
 */
export function lazyAuthorize(botToken: string, slackApiUrl: string): Authorize<boolean> {
  const client = new WebClient(botToken, { slackApiUrl, retryConfig: { retries: 2 } });
  let identity: Promise<{ botUserId?: string; botId?: string }> | undefined;
  return async () => {
    identity ??= client.auth.test().then((result) => ({ botUserId: result.user_id, botId: result.bot_id }));
    try {
      return { botToken, ...(await identity) };
    } catch (error) {
      identity = undefined;
      throw error;
    }
  };
}
