import { randomBytes } from 'node:crypto';
import { startBot, type RunningBot } from '../bot.ts';
import { parseConfig } from '../config.ts';
import { deploymentOf } from '../db/deployment-mark.ts';
import { FakeSlack } from '../fake-slack/fake-slack-server.ts';
import { SlackDriver } from '../fake-slack/slack-driver.ts';
import { FixedClock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import { SandboxServer } from './sandbox-server.ts';
import { SandboxStore } from './sandbox-store.ts';

/** The sandbox's own database: never DATABASE_URL, which is the real bot's. */
export const SANDBOX_DATABASE_URL = 'file:./data/sandbox.db';

export interface RunningSandbox {
  url: string;
  bot: RunningBot;
  fake: FakeSlack;
  clock: FixedClock;
  stop(): Promise<void>;
}

/** The sandbox refuses a database: one line for the operator, exit 2. */
export class SandboxRefusedError extends Error {}

/**
 * `npm start` with no Slack credentials: the bot, unchanged, against the built-in Slack stand-in,
 * with a page to use it from. Secrets are made up per run; everything listens on loopback. It has
 * its own database and refuses one a real bot has used; its conversations and clock are kept
 * beside that database, so that a restart keeps them with the data.
 */
export async function startSandbox(o: { env: Record<string, string | undefined>; sandboxPort?: number; clock?: FixedClock; logger?: Logger }): Promise<RunningSandbox> {
  const databaseUrl = o.env.SANDBOX_DATABASE_URL || SANDBOX_DATABASE_URL;
  const used = await deploymentOf(databaseUrl);
  if (used === 'real' || used === 'unmarked') {
    throw new SandboxRefusedError(`SANDBOX_DATABASE_URL: ${databaseUrl} holds a real bot's data; the sandbox never opens it (unset SANDBOX_DATABASE_URL to use ${SANDBOX_DATABASE_URL})`);
  }
  const store = new SandboxStore(databaseUrl);
  const holder = store.holder();
  if (holder) {
    throw new SandboxRefusedError(`SANDBOX_DATABASE_URL: another sandbox (process ${holder.pid}${holder.url ? `, ${holder.url}` : ''}) already uses ${databaseUrl}; stop it, or set SANDBOX_DATABASE_URL to another file`);
  }
  store.lock('');
  try {
    return await startLocked(o, databaseUrl, store);
  } catch (error) {
    store.unlock();
    throw error;
  }
}

async function startLocked(o: { env: Record<string, string | undefined>; sandboxPort?: number; clock?: FixedClock; logger?: Logger }, databaseUrl: string, store: SandboxStore): Promise<RunningSandbox> {
  const saved = store.load();
  const clock = o.clock ?? new FixedClock(new Date(Date.now() + (saved?.clockOffsetMs ?? 0)), { running: true });
  const botToken = `xoxb-sandbox-${randomBytes(8).toString('hex')}`;
  const signingSecret = randomBytes(16).toString('hex');
  const fake = await new FakeSlack({ botToken, enforceChannelRateLimit: false, onCall: () => store.changed() }).start();
  if (saved) fake.state.restore(saved.workspace);
  const env = { ...o.env, DATABASE_URL: databaseUrl, SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: undefined, SLACK_API_URL: fake.apiUrl, PORT: o.env.PORT ?? '3000' };
  const parsed = parseConfig(env);
  if (!parsed.ok) {
    await fake.stop();
    throw new Error(parsed.lines.join('\n'));
  }
  let bot: RunningBot;
  try {
    bot = await startBot({ config: parsed.config, clock, logger: o.logger, outbox: { pollMs: 100 }, deployment: 'sandbox', host: '127.0.0.1' });
  } catch (error) {
    await fake.stop();
    throw error;
  }
  store.attach(fake, clock);
  const driver = new SlackDriver({ eventsUrl: `http://127.0.0.1:${bot.port}/slack/events`, signingSecret, fake });
  const page = new SandboxServer({ fake, driver, directory: bot.context.directory, clock, scheduler: bot.scheduler, onChange: () => store.changed() });
  try {
    await page.start(o.sandboxPort ?? 3001);
  } catch (error) {
    await bot.stop();
    await fake.stop();
    throw error;
  }
  store.lock(page.url);
  return {
    url: page.url,
    bot,
    fake,
    clock,
    async stop() {
      await page.stop();
      await bot.stop();
      await fake.stop();
      store.save();
      store.unlock();
    },
  };
}
