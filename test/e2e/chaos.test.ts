import type { ChildProcess } from 'node:child_process';
import { startChild } from '../../bench/children.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { enqueueMessage } from '../../src/db/delivery/outbox-repo.ts';
import { FakeSlack } from '../../src/fake-slack/fake-slack-server.ts';
import { BOT_TOKEN, PROPERTY_ORG, SIGNING_SECRET } from '../support/harness.ts';
import { PROVIDERS, createTestDatabaseUrl } from '../support/test-database.ts';
import { waitFor } from '../support/visit-flow.ts';

const MESSAGES = 60;

describe.each(PROVIDERS)('chaos on %s: Slack failing a third of calls, and the bot killed mid-delivery', (provider) => {
  const fakes: FakeSlack[] = [];
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    for (const fake of fakes) await fake.stop();
  });

  it('delivers every message exactly once', async () => {
    const fake = await new FakeSlack({ botToken: BOT_TOKEN }).start();
    fakes.push(fake);
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url);
    const db = createDatabase(url);
    const now = new Date();
    for (let i = 0; i < MESSAGES; i += 1) {
      const channel = i % 3 === 0 ? `C0CHAOS${String(i).padStart(3, '0')}` : `U0CHAOS${String(i).padStart(3, '0')}`;
      await enqueueMessage(db, { method: 'chat.postMessage', channel, args: { text: `message-${i}` } }, now);
    }

    // For the first seconds a third of the calls fail: 429 with Retry-After, 500, or no answer in time.
    let calls = 0;
    let chaosUntil = 0; // set by the first post: the window opens when delivery starts
    const injected = { ratelimited: 0, server_error: 0, timeout: 0 };
    fake.fault = (method) => {
      if (method !== 'chat.postMessage') return undefined;
      chaosUntil ||= Date.now() + 4_000;
      if (Date.now() > chaosUntil) return undefined;
      calls += 1;
      if (calls % 3 !== 0) return undefined;
      const kind = (['ratelimited', 'server_error', 'timeout'] as const)[Math.floor(calls / 3) % 3];
      injected[kind] += 1;
      if (kind === 'ratelimited')
        return { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } };
      if (kind === 'server_error') return { status: 500, body: { ok: false, error: 'internal_error' } };
      // Slack posts it, but the answer comes too late: the bot must not post it twice
      return { status: 200, hangMs: 1_500, applied: true };
    };

    const env = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      DATABASE_URL: url,
      ORG_FILE: PROPERTY_ORG,
      LOG_LEVEL: 'silent',
      SLACK_API_TIMEOUT_SECONDS: '1',
      OUTBOX_STALE_CLAIM_SECONDS: '3',
    };
    const first = (await startChild('bench/serve-bot.ts', env)).child;
    children.push(first);
    await waitFor(() => fake.callsTo('chat.postMessage').length >= 15, 'some deliveries', 15_000);
    first.kill('SIGKILL'); // mid-delivery: some messages are claimed and in flight
    const restarted = (await startChild('bench/serve-bot.ts', env)).child;
    children.push(restarted);
    await waitFor(
      async () => (await db.outboxMessage.count({ where: { status: 'sent' } })) === MESSAGES,
      'every message sent',
      40_000,
    );
    restarted.kill('SIGTERM');

    const delivered = fake.state.messages.filter((m) => m.text.startsWith('message-'));
    const perText = new Map<string, number>();
    for (const m of delivered) perText.set(m.text, (perText.get(m.text) ?? 0) + 1);
    expect(perText.size).toBe(MESSAGES);
    expect([...perText.values()].every((n) => n === 1)).toBe(true);
    expect(await db.outboxMessage.count({ where: { status: 'failed' } })).toBe(0);
    // every kind of fault really happened
    expect(injected.ratelimited).toBeGreaterThan(0);
    expect(injected.server_error).toBeGreaterThan(0);
    expect(injected.timeout).toBeGreaterThan(0);
    await db.$disconnect();
  }, 90_000);

  it('loses nothing to a token revoked for five seconds: delivery pauses, then resumes', async () => {
    const fake = await new FakeSlack({ botToken: BOT_TOKEN }).start();
    fakes.push(fake);
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url);
    const db = createDatabase(url);
    const count = 20;
    for (let i = 0; i < count; i += 1)
      await enqueueMessage(
        db,
        {
          method: 'chat.postMessage',
          channel: `C0TOKEN${String(i % 4).padStart(3, '0')}`,
          args: { text: `token-${i}` },
        },
        new Date(),
      );
    let revokedUntil = 0; // the window opens at the first post
    let refused = 0;
    fake.fault = (method) => {
      if (method !== 'chat.postMessage') return undefined;
      revokedUntil ||= Date.now() + 5_000;
      if (Date.now() > revokedUntil) return undefined;
      refused += 1;
      return { status: 200, body: { ok: false, error: 'token_revoked' } };
    };
    const env = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      DATABASE_URL: url,
      ORG_FILE: PROPERTY_ORG,
      LOG_LEVEL: 'silent',
    };
    const bot = (await startChild('bench/serve-bot.ts', env)).child;
    children.push(bot);
    await waitFor(
      async () => (await db.outboxMessage.count({ where: { status: { in: ['sent', 'failed'] } } })) === count,
      'every message settled',
      40_000,
    );
    bot.kill('SIGTERM');
    expect(refused).toBeGreaterThan(0);
    expect(await db.outboxMessage.count({ where: { status: 'failed' } })).toBe(0);
    const texts = fake.state.messages.filter((m) => m.text.startsWith('token-')).map((m) => m.text);
    expect(new Set(texts).size).toBe(count);
    expect(texts).toHaveLength(count);
    await db.$disconnect();
  }, 60_000);
});
