import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot.ts';
import { parseConfig } from '../../src/config.ts';
import { FakeSlack } from '../../src/fake-slack/fake-slack-server.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { BOT_TOKEN, PROPERTY_ORG } from '../support/harness.ts';
import { waitFor } from '../support/visit-flow.ts';

describe('Socket Mode (SLACK_APP_TOKEN set)', () => {
  let fake: FakeSlack;
  let bot: RunningBot | undefined;
  afterAll(async () => {
    await bot?.stop();
    await fake?.stop();
  });

  it('connects over WebSocket through apps.connections.open and answers /org in the ack', async () => {
    fake = await new FakeSlack({ botToken: BOT_TOKEN }).start();
    await fake.enableSocketMode();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'socket-'));
    const parsed = parseConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: 'xapp-1-test',
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      DATABASE_URL: `file:${path.join(dir, 'bot.db')}`,
      ORG_FILE: PROPERTY_ORG,
      LOG_LEVEL: 'silent',
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    bot = await startBot({ config: parsed.config, logger: createLogger('silent') });
    await waitFor(() => fake.socketConnections === 1, 'a socket connection');
    expect(fake.calls.some((c) => c.method === 'apps.connections.open')).toBe(true);
    fake.sendEnvelope({
      envelope_id: 'env-org-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        token: 'x',
        team_id: 'T0FAKE0001',
        channel_id: 'C1',
        user_id: 'U0SALES001',
        command: '/org',
        text: '',
        api_app_id: 'A0FAKE0001',
        response_url: fake.responseUrl('U0SALES001'),
        trigger_id: '1.2',
      },
    });
    await waitFor(() => fake.socketReplies.some((r) => r.envelope_id === 'env-org-1'), 'the ack');
    const ack = fake.socketReplies.find((r) => r.envelope_id === 'env-org-1') as { payload: { text: string } };
    expect(ack.payload.text).toContain('劉大偉（組長） → 王建國（專案經理）');
  });
});
