import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';

const say = (user: string, text: string, extra: Record<string, unknown> = {}) => ({
  type: 'message',
  channel: `D${user.slice(1)}`,
  channel_type: 'im',
  user,
  text,
  ts: `${Date.now() / 1000}`,
  ...extra,
});
const botPostsIn = (h: Harness, channel: string) =>
  h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

describe.each(PROVIDERS)('a direct message to the bot that is not a command, on %s', (provider) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider });
  });
  afterAll(async () => h?.stop());

  it("gets one short help in the reader's language, once however often Slack retries it", async () => {
    const event = say('U0SALES001', '請問怎麼登記？');
    const statuses = [];
    for (const retryNum of [undefined, 1, 2])
      statuses.push((await h.driver.event(event, { eventId: 'Ev0DMHELP001', retryNum })).status);
    expect(statuses).toEqual([200, 200, 200]);
    await expect.poll(() => botPostsIn(h, 'D0SALES001').length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(botPostsIn(h, 'D0SALES001')).toHaveLength(1);
    expect(String(botPostsIn(h, 'D0SALES001')[0].args.text)).toMatch(/請用指令[\s\S]*`\/visit`/);

    await h.driver.command('U0SALES002', '/org', 'lang en');
    await h.driver.event(say('U0SALES002', 'hello, how do I file a visit?'));
    await expect
      .poll(() =>
        botPostsIn(h, 'D0SALES002')
          .map((c) => String(c.args.text))
          .join('\n'),
      )
      .toMatch(/please use a command[\s\S]*`\/visit`/);
  });

  it("stays quiet in channels, in threads, on edits and on the bot's own messages", async () => {
    const before = h.fake.callsTo('chat.postMessage').length;
    await h.driver.event({ ...say('U0SALES001', '大家好'), channel: 'C0SITEOPS1', channel_type: 'channel' });
    await h.driver.event(say('U0SALES001', '收到', { thread_ts: '1.000001' }));
    await h.driver.event(say('U0SALES001', '改一下', { subtype: 'message_changed' }));
    await h.driver.event(say('U0SALES001', '自動訊息', { bot_id: 'B0FAKE0001' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.callsTo('chat.postMessage').slice(before)).toEqual([]);
  });
});
