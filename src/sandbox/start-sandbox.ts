import { randomBytes } from 'node:crypto';
import { startBot, type RunningBot } from '../bot.ts';
import { parseConfig } from '../config.ts';
import { FakeSlack } from '../fake-slack/fake-slack-server.ts';
import { SlackDriver } from '../fake-slack/slack-driver.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import { SandboxServer } from './sandbox-server.ts';

export interface RunningSandbox {
  url: string;
  bot: RunningBot;
  fake: FakeSlack;
  stop(): Promise<void>;
}

/**
 * `npm start` with no Slack credentials: the bot, unchanged, against the built-in Slack stand-in,
 * with a page to use it from. Secrets are made up per run; the page listens on loopback.
 */
export async function startSandbox(o: { env: Record<string, string | undefined>; sandboxPort?: number; clock?: Clock; logger?: Logger }): Promise<RunningSandbox> {
  const botToken = `xoxb-sandbox-${randomBytes(8).toString('hex')}`;
  const signingSecret = randomBytes(16).toString('hex');
  const fake = await new FakeSlack({ botToken, enforceChannelRateLimit: false }).start();
  const parsed = parseConfig({ ...o.env, SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: undefined, SLACK_API_URL: fake.apiUrl, PORT: o.env.PORT ?? '3000' });
  if (!parsed.ok) {
    await fake.stop();
    throw new Error(parsed.lines.join('\n'));
  }
  const bot = await startBot({ config: parsed.config, clock: o.clock, logger: o.logger, outbox: { pollMs: 100 } });
  const driver = new SlackDriver({ eventsUrl: `http://127.0.0.1:${bot.port}/slack/events`, signingSecret, fake });
  const page = await new SandboxServer({ fake, driver, directory: bot.context.directory }).start(o.sandboxPort ?? 3001);
  return {
    url: page.url,
    bot,
    fake,
    async stop() {
      await page.stop();
      await bot.stop();
      await fake.stop();
    },
  };
}
