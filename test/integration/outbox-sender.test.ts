import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type Db } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { enqueueMessage } from '../../src/db/delivery/outbox-repo.ts';
import { FakeSlack } from '../../src/fake-slack/fake-slack-server.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { OutboxSender } from '../../src/services/delivery/outbox-sender.ts';
import { createWebApiGateway } from '../../src/slack/web-api-gateway.ts';
import { BOT_TOKEN } from '../support/harness.ts';
import { PROVIDERS, createTestDatabaseUrl } from '../support/test-database.ts';

describe.each(PROVIDERS)('outbox delivery on %s', (provider) => {
  let fake: FakeSlack;
  let db: Db;
  let url: string;
  const clock = new FixedClock(new Date('2026-11-26T01:00:00Z'));
  const logger = createLogger('silent');
  const senderFor = (database: Db, options: Partial<ConstructorParameters<typeof OutboxSender>[0]> = {}) =>
    new OutboxSender({ db: database, slack: createWebApiGateway(BOT_TOKEN, fake.apiUrl), clock, logger, ...options });
  const post = (channel: string, text: string, extra: object = {}) =>
    enqueueMessage(db, { method: 'chat.postMessage', channel, args: { text }, ...extra }, clock.now());

  beforeAll(async () => {
    fake = await new FakeSlack({ botToken: BOT_TOKEN }).start();
  });
  afterAll(async () => fake.stop());
  beforeEach(async () => {
    url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url);
    db = createDatabase(url);
    fake.calls.length = 0;
    fake.fault = undefined;
  });
  afterEach(async () => db.$disconnect());

  it('delivers in order, then records channel and ts', async () => {
    const a = await post('C0SITEOPS1', 'first');
    await post('C0SITEOPS1', 'second');
    expect(await senderFor(db, { channelGapMs: 0 }).deliverDue()).toBe(2);
    expect(fake.callsTo('chat.postMessage').map((c) => c.args.text)).toEqual(['first', 'second']);
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ status: 'sent', sentChannel: 'C0SITEOPS1' });
    expect(row.sentTs).toMatch(/^\d+\.\d+$/);
  });

  it('paces one channel to one post a second while other channels go on', async () => {
    await post('C0PACED001', 'one');
    await post('C0PACED001', 'two');
    await post('C0OTHER001', 'elsewhere');
    const sender = senderFor(db, { channelGapMs: 1_000 });
    expect(await sender.deliverDue()).toBe(2);
    expect(
      fake
        .callsTo('chat.postMessage')
        .map((c) => c.args.text)
        .sort(),
    ).toEqual(['elsewhere', 'one']);
    clock.advance(1_050);
    expect(await sender.deliverDue()).toBe(1);
    expect(fake.callsTo('chat.postMessage').map((c) => c.args.text)).toContain('two');
  });

  it('paces a channel across two senders sharing the database, as two instances would', async () => {
    for (const text of ['one', 'two', 'three']) await post('C0SHARED01', text);
    const [a, b] = [senderFor(db, { channelGapMs: 1_000 }), senderFor(createDatabase(url), { channelGapMs: 1_000 })];
    const first = await Promise.all([a.deliverDue(), b.deliverDue()]);
    expect(first[0] + first[1]).toBe(1);
    // within the second, neither may post again, whichever asks
    expect((await Promise.all([a.deliverDue(), b.deliverDue()])).reduce((x, y) => x + y)).toBe(0);
    clock.advance(1_050);
    expect((await Promise.all([b.deliverDue(), a.deliverDue()])).reduce((x, y) => x + y)).toBe(1);
    expect(fake.callsTo('chat.postMessage').map((c) => c.args.text)).toEqual(['one', 'two']);
    expect(fake.calls.filter((c) => c.status === 429)).toEqual([]);
  });

  it('honours 429 Retry-After without counting it as a failed attempt', async () => {
    const row = await post('C0LIMITED1', 'later');
    let refusals = 0;
    fake.fault = (method) =>
      method === 'chat.postMessage' && refusals++ < 1
        ? { status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } }
        : undefined;
    const sender = senderFor(db, { channelGapMs: 0 });
    expect(await sender.deliverDue()).toBe(0);
    const waiting = await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(waiting).toMatchObject({ status: 'pending', attempts: 0, lastError: 'ratelimited' });
    expect(waiting.nextAttemptAt.getTime() - clock.now().getTime()).toBe(7_000);
    // Retry-After holds the channel in the database: another instance (a fresh sender) with the
    // message due waits too, until the seven seconds are over
    clock.advance(3_000);
    await db.outboxMessage.update({ where: { id: row.id }, data: { nextAttemptAt: clock.now() } });
    expect(await senderFor(db, { channelGapMs: 0 }).deliverDue()).toBe(0);
    expect(
      (await db.channelPace.findUniqueOrThrow({ where: { channel: 'C0LIMITED1' } })).freeAt.getTime() -
        clock.now().getTime(),
    ).toBe(4_000);
    clock.advance(4_000);
    expect(await senderFor(db, { channelGapMs: 0 }).deliverDue()).toBe(1);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('sent');
  });

  it('keeps retrying a Slack outage of minutes, and delivers once Slack is back', async () => {
    const row = await post('C0FLAKY001', 'flaky');
    let down = true;
    fake.fault = (method) => (down && method === 'chat.postMessage' ? { status: 503, body: { ok: false } } : undefined);
    const sender = senderFor(db, { channelGapMs: 0 });
    await sender.deliverDue();
    let state = await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(state).toMatchObject({ status: 'pending', attempts: 1, lastError: 'http_503' });
    expect(state.nextAttemptAt.getTime()).toBeGreaterThan(clock.now().getTime());
    // 20 minutes of 503s: far more than 8 tries, and still waiting
    for (let i = 0; i < 20; i += 1) {
      clock.advance(60_000);
      await sender.deliverDue();
    }
    state = await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(state.attempts).toBeGreaterThan(8);
    expect(state).toMatchObject({ status: 'pending', lastError: 'http_503' });
    down = false;
    clock.advance(300_000);
    expect(await sender.deliverDue()).toBe(1);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: 'sent',
      failingSince: null,
    });
  });

  it('gives up on transient failures only after the deadline, in hours, and says why', async () => {
    const row = await post('C0FLAKY002', 'never');
    fake.fault = (method) => (method === 'chat.postMessage' ? { status: 503, body: { ok: false } } : undefined);
    const failures: number[] = [];
    const sender = senderFor(db, { channelGapMs: 0, giveUpAfterMs: 6 * 3_600_000, onFailed: () => failures.push(1) });
    await sender.deliverDue();
    for (let hour = 0; hour < 5; hour += 1) {
      clock.advance(3_600_000);
      await sender.deliverDue();
    }
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('pending');
    expect(failures).toEqual([]);
    clock.advance(3_600_000);
    await sender.deliverDue();
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: 'failed',
      lastError: 'http_503',
    });
    expect(failures).toHaveLength(1);
  });

  it('pauses all delivery while the token is revoked and resumes when it works again, losing nothing', async () => {
    for (let i = 0; i < 6; i += 1) await post(`C0TOKEN00${i}`, `t${i}`);
    for (let i = 0; i < 6; i += 1) await post('C0TOKENSEQ', `s${i}`);
    let revoked = true;
    fake.fault = (method) =>
      revoked && method === 'chat.postMessage'
        ? { status: 200, body: { ok: false, error: 'token_revoked' } }
        : undefined;
    const tried = () => fake.calls.filter((c) => c.method === 'chat.postMessage').length;
    const sender = senderFor(db, { channelGapMs: 0 });
    expect(await sender.deliverDue()).toBe(0);
    // the posts already in flight were refused; nothing after them was tried
    const inFlight = tried();
    expect(inFlight).toBeLessThan(12);
    expect(await sender.deliverDue()).toBe(0);
    expect(tried()).toBe(inFlight);
    // five seconds later a probe, however many posts were refused together: refused again, the pause grows
    clock.advance(5_000);
    await sender.deliverDue();
    const probed = tried();
    expect(probed).toBeGreaterThan(inFlight);
    clock.advance(5_000);
    await sender.deliverDue();
    expect(tried()).toBe(probed);
    revoked = false;
    clock.advance(5_000);
    expect(await sender.deliverDue()).toBe(12);
    expect(await db.outboxMessage.count({ where: { status: 'sent' } })).toBe(12);
    expect(await db.outboxMessage.count({ where: { attempts: { gt: 1 } } })).toBe(0);
    expect(fake.state.inChannel('C0TOKENSEQ').map((m) => m.text)).toEqual(['s0', 's1', 's2', 's3', 's4', 's5']);
  });

  it("marks a permanent error failed at once, with Slack's reason", async () => {
    const row = await post('C0GONE0001', 'nowhere');
    fake.fault = (method) =>
      method === 'chat.postMessage' ? { status: 200, body: { ok: false, error: 'channel_not_found' } } : undefined;
    await senderFor(db, { channelGapMs: 0 }).deliverDue();
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'channel_not_found',
    });
  });

  it('posts a thread reply and an update once their parent is delivered', async () => {
    const parent = await post('C0THREAD01', 'parent');
    await enqueueMessage(
      db,
      { method: 'chat.postMessage', channel: 'C0THREAD01', args: { text: 'reply' }, threadOfId: parent.id },
      clock.now(),
    );
    await enqueueMessage(
      db,
      { method: 'chat.update', channel: 'C0THREAD01', args: { text: 'parent, decided' }, updateOfId: parent.id },
      clock.now(),
    );
    await senderFor(db, { channelGapMs: 0 }).deliverDue();
    const sentParent = await db.outboxMessage.findUniqueOrThrow({ where: { id: parent.id } });
    const reply = fake.callsTo('chat.postMessage').find((c) => c.args.text === 'reply');
    expect(reply?.args.thread_ts).toBe(sentParent.sentTs);
    expect(fake.callsTo('chat.update')[0].args).toMatchObject({ ts: sentParent.sentTs, text: 'parent, decided' });
    expect(fake.state.find('C0THREAD01', sentParent.sentTs!)?.text).toBe('parent, decided');
  });

  it("queues a reply and an update with their parent's channel, so each channel keeps its own pace", async () => {
    const parents = [];
    for (const channel of ['C0PACEA001', 'C0PACEB001', 'C0PACEC001'])
      parents.push({ channel, ...(await post(channel, `card ${channel}`)) });
    const sender = senderFor(db, { channelGapMs: 1_000 });
    expect(await sender.deliverDue()).toBe(3);
    // as the services queue them: no channel of their own
    for (const parent of parents) {
      await enqueueMessage(
        db,
        { method: 'chat.postMessage', channel: '', args: { text: `reply ${parent.channel}` }, threadOfId: parent.id },
        clock.now(),
      );
      await enqueueMessage(
        db,
        { method: 'chat.update', channel: '', args: { text: `decided ${parent.channel}` }, updateOfId: parent.id },
        clock.now(),
      );
    }
    const queued = await db.outboxMessage.findMany({
      where: { OR: [{ threadOfId: { not: null } }, { updateOfId: { not: null } }] },
    });
    expect(queued.map((m) => m.channel).sort()).toEqual([
      'C0PACEA001',
      'C0PACEA001',
      'C0PACEB001',
      'C0PACEB001',
      'C0PACEC001',
      'C0PACEC001',
    ]);
    clock.advance(1_000);
    // one pass: a reply in each channel and every update, not one reply for the whole organisation
    expect(await sender.deliverDue()).toBe(6);
    expect(fake.callsTo('chat.update')).toHaveLength(3);
  });

  it('keeps pending messages across a restart and delivers them after', async () => {
    await post('C0RESTART1', 'survives');
    await db.$disconnect();
    db = createDatabase(url);
    expect(await db.outboxMessage.count({ where: { status: 'pending' } })).toBe(1);
    const sender = senderFor(db, { channelGapMs: 0, pollMs: 10 });
    sender.start();
    await expect.poll(() => fake.callsTo('chat.postMessage').length).toBe(1);
    await sender.stop();
  });

  it('takes up a message a crashed sender left half-sent', async () => {
    const row = await post('C0CRASHED1', 'orphan');
    await db.outboxMessage.update({
      where: { id: row.id },
      data: { status: 'sending', claimedAt: new Date(clock.now().getTime() - 120_000) },
    });
    expect(await senderFor(db, { channelGapMs: 0 }).deliverDue()).toBe(1);
  });

  it('has two senders on one database deliver each message once', async () => {
    for (let i = 0; i < 20; i += 1) await post(`C0MANY${String(i).padStart(4, '0')}`, `m${i}`);
    const other = createDatabase(url);
    await Promise.all([
      senderFor(db, { channelGapMs: 0 }).deliverDue(),
      senderFor(other, { channelGapMs: 0 }).deliverDue(),
    ]);
    await other.$disconnect();
    const texts = fake.callsTo('chat.postMessage').map((c) => c.args.text);
    expect(texts).toHaveLength(20);
    expect(new Set(texts).size).toBe(20);
  });

  it('is refused by the fake like real Slack when blocks break the limits, and marks it failed', async () => {
    const blocks = Array.from({ length: 51 }, (_, i) => ({ type: 'section', text: { type: 'mrkdwn', text: `b${i}` } }));
    const row = await enqueueMessage(
      db,
      { method: 'chat.postMessage', channel: 'C0BLOCKS01', args: { text: 'too many', blocks } },
      clock.now(),
    );
    await senderFor(db, { channelGapMs: 0 }).deliverDue();
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: 'failed',
      lastError: 'invalid_blocks',
    });
  });
});
