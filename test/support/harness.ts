import path from 'node:path';
import { startBot, type RunningBot } from '../../src/bot.ts';
import { parseConfig } from '../../src/config.ts';
import { FakeSlack } from '../../src/fake-slack/fake-slack-server.ts';
import { SlackDriver } from '../../src/fake-slack/slack-driver.ts';
import { FixedClock, type Clock } from '../../src/lib/clock.ts';
import { createLogger, type Logger } from '../../src/lib/logger.ts';
import { createTestDatabaseUrl, type TestProvider } from './test-database.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-test-token';
export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
export const PROPERTY_ORG = path.join(FIXTURES, 'org-property-site.yml');
export const BRAND_ORG = path.join(FIXTURES, 'org-brand-sales.yml');

export interface Harness {
  fake: FakeSlack;
  bot: RunningBot;
  /** Every instance: the bot, then the twin when there is one. */
  bots: RunningBot[];
  driver: SlackDriver;
  clock: Clock;
  databaseUrl: string;
  /** 2 when a second instance shares the database and takes every other request (E2E_INSTANCES=2). */
  instances: number;
  /** Runs the outbox until nothing due is left. */
  flushOutbox(): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  provider: TestProvider;
  orgFile?: string;
  clock?: Clock;
  databaseUrl?: string;
  env?: Record<string, string>;
  /** Share another harness's fake Slack: two instances of the bot talk to one workspace. */
  fake?: FakeSlack;
  /** The bot's logger (default: silent). */
  logger?: Logger;
}

/** Two instances for PostgreSQL harnesses when E2E_INSTANCES=2, unless the test builds its own pair. */
function instancesWanted(options: HarnessOptions): number {
  if (options.provider !== 'postgres' || options.fake || options.databaseUrl) return 1;
  return Number(process.env.E2E_INSTANCES ?? 1);
}

/** The real app over HTTP on a free port, its Web API pointed at a fresh fake Slack. */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const fake = options.fake ?? (await new FakeSlack({ botToken: BOT_TOKEN }).start());
  const databaseUrl = options.databaseUrl ?? (await createTestDatabaseUrl(options.provider));
  const parsed = parseConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    DATABASE_URL: databaseUrl,
    ORG_FILE: options.orgFile ?? PROPERTY_ORG,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.lines.join('\n'));
  const clock = options.clock ?? new FixedClock(new Date('2026-11-26T02:00:00Z'));
  // No minute timer: a tick fired by the wall clock (on either instance) between a test's clock.set()
  // and its own tick() would take the run and make the test's tick report nothing. Tests tick themselves.
  const start = () =>
    startBot({
      config: parsed.config,
      clock,
      logger: options.logger ?? createLogger('silent'),
      outbox: { pollMs: 20, channelGapMs: 0 },
      scheduleEveryMinute: false,
    });
  const bot = await start();
  // E2E_INSTANCES=2: a second instance on the same PostgreSQL takes every other request
  const twin = instancesWanted(options) > 1 ? await start() : undefined;
  const eventsUrls = [bot, ...(twin ? [twin] : [])].map((b) => `http://127.0.0.1:${b.port}/slack/events`);
  const driver = new SlackDriver({
    eventsUrl: eventsUrls.length === 1 ? eventsUrls[0] : eventsUrls,
    signingSecret: SIGNING_SECRET,
    fake,
  });
  return {
    fake,
    bot,
    bots: [bot, ...(twin ? [twin] : [])],
    driver,
    clock,
    databaseUrl,
    async flushOutbox() {
      // charts are drawn as they are delivered, the first after the drawing worker starts: seconds when busy
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const pending = await bot.db.outboxMessage.count({
          where: { status: { in: ['pending', 'sending'] }, nextAttemptAt: { lte: clock.now() } },
        });
        if (pending === 0) return;
        await Promise.all([bot.sender.deliverDue(), twin?.sender.deliverDue()]);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error('outbox did not drain');
    },
    instances: twin ? 2 : 1,
    async stop() {
      await twin?.stop();
      await bot.stop();
      if (!options.fake) await fake.stop();
    },
  };
}

/** The text of a slash command's ephemeral answer, whether it came in the ack or by response_url. */
export function answerText(json: Record<string, unknown> | undefined): string {
  if (!json) return '';
  const blocks = (json.blocks as Record<string, any>[] | undefined) ?? [];
  return [
    String(json.text ?? ''),
    ...blocks.map((b) => b.text?.text ?? (b.elements ?? []).map((e: any) => e.text ?? '').join(' ')),
  ].join('\n');
}
