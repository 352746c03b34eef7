import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../src/lib/logger.ts';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox.ts';
import { BRAND_ORG } from '../support/harness.ts';

const post = (sandbox: RunningSandbox, route: string, body: Record<string, unknown>) =>
  fetch(`${sandbox.url}api/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const stateOf = async (sandbox: RunningSandbox, user: string) =>
  (await (await fetch(`${sandbox.url}api/state?user=${user}`)).json()) as Record<string, unknown>;

describe('the sandbox speaks the reader’s language after /org lang', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    const databaseUrl = `file:${path.join(mkdtempSync(path.join(os.tmpdir(), 'sandbox-lang-')), 'sandbox.db')}`;
    sandbox = await startSandbox({
      env: { SANDBOX_DATABASE_URL: databaseUrl, ORG_FILE: BRAND_ORG, PORT: '0' },
      sandboxPort: 0,
      logger: createLogger('silent'),
    });
  });
  afterAll(async () => sandbox?.stop());

  it('gives the page the reader’s language as it is now, and the claim modal’s labels in it', async () => {
    const KAM = 'U0KEYACC01';
    expect((await stateOf(sandbox, KAM)).locale).toBe('zh-Hant');
    await post(sandbox, 'command', { user: KAM, text: '/org lang en' });
    await expect.poll(async () => (await stateOf(sandbox, KAM)).locale).toBe('en');
    await post(sandbox, 'command', { user: KAM, text: '/expense' });
    await expect.poll(async () => (await stateOf(sandbox, KAM)).modal).toBeTruthy();
    const modal = (await stateOf(sandbox, KAM)).modal as { view: { blocks: { label?: { text: string } }[] } };
    const labels = modal.view.blocks.map((b) => b.label?.text ?? '');
    expect(labels).toContain('Receipt reference');
    expect(labels.join(' ')).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
