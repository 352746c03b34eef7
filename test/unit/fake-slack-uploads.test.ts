import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../../src/fake-slack/fake-slack-server.ts';

const call = async (fake: FakeSlack, method: string, args: Record<string, unknown>) =>
  (await (
    await fetch(`${fake.apiUrl}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args),
    })
  ).json()) as Record<string, unknown>;

describe('the fake Slack takes files as files.uploadV2 sends them, and refuses what Slack refuses', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
  });
  afterAll(async () => fake.stop());

  it('refuses an upload URL without a file name or a whole positive length', async () => {
    expect(await call(fake, 'files.getUploadURLExternal', { filename: 'a.png' })).toMatchObject({ ok: false });
    expect(await call(fake, 'files.getUploadURLExternal', { filename: '', length: 3 })).toMatchObject({ ok: false });
    expect(await call(fake, 'files.getUploadURLExternal', { filename: 'a.png', length: 2.5 })).toMatchObject({
      ok: false,
    });
    const longAlt = { filename: 'a.png', length: 3, alt_txt: 'x'.repeat(1_001) };
    expect(await call(fake, 'files.getUploadURLExternal', longAlt)).toMatchObject({ ok: false });
  });

  it('shares a whole file with its alt text, refuses one whose bytes differ from the announced length', async () => {
    const url = await call(fake, 'files.getUploadURLExternal', { filename: 'chart.png', length: 4, alt_txt: '圖' });
    await fetch(String(url.upload_url), { method: 'POST', body: new Uint8Array([1, 2, 3]) });
    const files = [{ id: url.file_id, title: 'Chart' }];
    expect(await call(fake, 'files.completeUploadExternal', { files, channel_id: 'D0ONE' })).toMatchObject({
      ok: false,
      error: 'file_upload_size_mismatch',
    });
    const good = await call(fake, 'files.getUploadURLExternal', { filename: 'chart.png', length: 3, alt_txt: '圖' });
    await fetch(String(good.upload_url), { method: 'POST', body: new Uint8Array([1, 2, 3]) });
    const shared = [{ id: good.file_id, title: 'Chart' }];
    expect(await call(fake, 'files.completeUploadExternal', { files: shared, channel_id: 'D0ONE' })).toMatchObject({
      ok: true,
    });
    expect(fake.state.inChannel('D0ONE').at(-1)?.files?.[0]).toMatchObject({ title: 'Chart', altText: '圖' });
  });
});
