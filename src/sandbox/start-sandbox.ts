import { randomBytes } from 'node:crypto';
import path from 'node:path';
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
 * its own database and refuses one a real bot has used; its conversations, clock and org template are kept
 * beside that database, so that a restart keeps them with the data.
 */
export async function startSandbox(o: SandboxOptions): Promise<RunningSandbox> {
  const databaseUrl = o.env.SANDBOX_DATABASE_URL || SANDBOX_DATABASE_URL;
  const used = await deploymentOf(databaseUrl);
  if (used === 'real' || used === 'unmarked') {
    const why = used === 'real' ? "holds a real bot's data" : 'holds an organisation the sandbox did not create';
    throw new SandboxRefusedError(
      `SANDBOX_DATABASE_URL: ${databaseUrl} ${why}; the sandbox never opens it (unset SANDBOX_DATABASE_URL to use ` +
        `${SANDBOX_DATABASE_URL})`,
    );
  }
  const store = new SandboxStore(databaseUrl);
  const holder = store.holder();
  if (holder) {
    const who = `another sandbox (process ${holder.pid}${holder.url ? `, ${holder.url}` : ''})`;
    throw new SandboxRefusedError(
      `SANDBOX_DATABASE_URL: ${who} already uses ${databaseUrl}; stop it, or set SANDBOX_DATABASE_URL to another file`,
    );
  }
  store.lock('');
  try {
    return await startLocked(o, databaseUrl, store);
  } catch (error) {
    store.unlock();
    throw error;
  }
}

type SandboxOptions = {
  env: Record<string, string | undefined>;
  sandboxPort?: number;
  clock?: FixedClock;
  logger?: Logger;
};

/** The two org templates of DOMAIN.md, which the page can switch between (the brand with its account register). */
const FIXTURES = path.join(import.meta.dirname, '../../fixtures');
const TEMPLATES = [
  { key: 'property-site', name: '樓盤銷售案場 Property site', file: path.join(FIXTURES, 'org-property-sandbox.yml') },
  { key: 'brand-sales', name: '品牌銷售部 Brand sales', file: path.join(FIXTURES, 'org-brand-sandbox.yml') },
];

interface SandboxBotOptions extends SandboxOptions {
  databaseUrl: string;
  clock: FixedClock;
  botToken: string;
  signingSecret: string;
  /** The fake Slack's Web API. */
  apiUrl: string;
}

/** The bot as the sandbox runs it: on the fake Slack, the sandbox database and clock; another org file if named. */
async function startSandboxBot(o: SandboxBotOptions, orgFile?: string): Promise<RunningBot> {
  const slack = {
    SLACK_BOT_TOKEN: o.botToken,
    SLACK_SIGNING_SECRET: o.signingSecret,
    SLACK_APP_TOKEN: undefined,
    SLACK_API_URL: o.apiUrl,
  };
  const env = {
    ...o.env,
    ...(orgFile ? { ORG_FILE: orgFile } : {}),
    ...slack,
    DATABASE_URL: o.databaseUrl,
    PORT: o.env.PORT ?? '3000',
  };
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new Error(parsed.lines.join('\n'));
  return startBot({
    config: parsed.config,
    clock: o.clock,
    logger: o.logger,
    outbox: { pollMs: 100 },
    deployment: 'sandbox',
    host: '127.0.0.1',
  });
}

const templateFile = (key?: string) => TEMPLATES.find((tpl) => tpl.key === key)?.file;
const driverOf = (running: RunningBot, signingSecret: string, fake: FakeSlack) =>
  new SlackDriver({ eventsUrl: `http://127.0.0.1:${running.port}/slack/events`, signingSecret, fake });

async function startLocked(o: SandboxOptions, databaseUrl: string, store: SandboxStore): Promise<RunningSandbox> {
  const saved = store.load();
  const clock = o.clock ?? new FixedClock(new Date(Date.now() + (saved?.clockOffsetMs ?? 0)), { running: true });
  const botToken = `xoxb-sandbox-${randomBytes(8).toString('hex')}`;
  const signingSecret = randomBytes(16).toString('hex');
  const fake = await new FakeSlack({ botToken, enforceChannelRateLimit: false, onCall: () => store.changed() }).start();
  if (saved) fake.state.restore(saved.workspace);
  const startOn = (orgFile?: string) =>
    startSandboxBot({ ...o, databaseUrl, clock, botToken, signingSecret, apiUrl: fake.apiUrl }, orgFile);
  let bot: RunningBot;
  try {
    // the template last chosen; else ORG_FILE when one is named; else the sandbox's own property site
    bot = await startOn(templateFile(saved?.template) ?? (o.env.ORG_FILE ? undefined : TEMPLATES[0].file));
  } catch (error) {
    await fake.stop();
    throw error;
  }
  store.attach(fake, clock);
  const driverFor = (running: RunningBot) => driverOf(running, signingSecret, fake);
  // switching templates restarts the bot on the other chart, in the same database and workspace
  const onSwitchTemplate = async (key: string): Promise<void> => {
    const file = templateFile(key);
    if (!file) throw new Error(`no org template ${key}`);
    await bot.stop();
    bot = await startOn(file);
    store.keepTemplate(key);
    const { directory, config } = bot.context;
    page.rebind({ driver: driverFor(bot), directory, scheduler: bot.scheduler, config });
  };
  const page = new SandboxServer({
    fake,
    driver: driverFor(bot),
    directory: bot.context.directory,
    clock,
    scheduler: bot.scheduler,
    config: bot.context.config,
    onChange: () => store.changed(),
    templates: TEMPLATES.map(({ key, name }) => ({ key, name })),
    onSwitchTemplate,
  });
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
    get bot() {
      return bot;
    },
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
