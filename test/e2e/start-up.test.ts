import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import net from 'node:net';
import { createDatabase } from '../../src/db/database.ts';
import { markDeployment } from '../../src/db/deployment-mark.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { FakeSlack } from '../../src/fake-slack/fake-slack-server.ts';
import { SlackDriver } from '../../src/fake-slack/slack-driver.ts';
import { BOT_TOKEN, PROPERTY_ORG, SIGNING_SECRET, answerText } from '../support/harness.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs `src/main.ts` as `npm start` does, and collects its output and exit code. */
function runMain(
  env: Record<string, string>,
  stopWhen?: RegExp,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stopWhen?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'start-'));

describe('npm start', () => {
  it('without Slack credentials and with the sandbox turned off says what to set and exits 2', async () => {
    const { code, stderr } = await runMain({ SANDBOX: 'off' });
    expect(code).toBe(2);
    expect(stderr).toContain('SLACK_BOT_TOKEN');
    expect(stderr).toContain('SLACK_SIGNING_SECRET');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('without Slack credentials starts the sandbox and prints the address of its page', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        LOG_LEVEL: 'silent',
        PORT: '0',
        SANDBOX_PORT: '0',
        SANDBOX_DATABASE_URL: `file:${path.join(dir, 'sandbox.db')}`,
      },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const match = /Open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (match) resolve(match[1]);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('銷售小幫手 沙盒');
      const people = (await (await fetch(`${url}api/people`)).json()) as { organisation: string; people: unknown[] };
      expect(people).toMatchObject({ organisation: '翠湖苑銷售案場' });
      expect(people.people).toHaveLength(12);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('without credentials refuses a database a real bot has used: one line naming the variable, exit 2', async () => {
    const dir = tempDir();
    const databaseUrl = `file:${path.join(dir, 'bot.db')}`;
    await migrateDatabase(databaseUrl);
    const db = createDatabase(databaseUrl);
    await markDeployment(db, 'real', new Date('2026-11-27T00:00:00Z'));
    await db.$disconnect();
    const { code, stderr } = await runMain({ PORT: '0', SANDBOX_PORT: '0', SANDBOX_DATABASE_URL: databaseUrl });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^SANDBOX_DATABASE_URL: .*bot\.db holds a real bot's data/),
    ]);
  });

  it('a second start on ports in use exits 2 naming the variable to change', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = String((busy.address() as net.AddressInfo).port);
    try {
      const sandbox = await runMain({ PORT: '0', SANDBOX_PORT: port });
      expect(sandbox.code).toBe(2);
      expect(sandbox.stderr.trim()).toBe(
        `SANDBOX_PORT: port ${port} is already in use (another npm start?); set SANDBOX_PORT to a free port`,
      );
      const real = await runMain({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: port });
      expect(real.code).toBe(2);
      expect(real.stderr.trim()).toContain(`PORT: port ${port} is already in use`);
    } finally {
      busy.close();
    }
  });

  it('with a bad variable prints one line naming it and exits 2', async () => {
    const { code, stderr } = await runMain({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: '99999',
    });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining('PORT')]);
  });

  it('with an invalid org file and no chart yet names the line and exits 2', async () => {
    const dir = tempDir();
    const orgFile = path.join(dir, 'org.yml');
    writeFileSync(
      orgFile,
      'organisation:\n  name: X\n  template: property-site\n  timezone: Asia/Taipei\npeople:\n' +
        '  - { slack: U0AAAAAAA1, name: A, role: wizard }\n',
    );
    const { code, stderr } = await runMain({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: '0',
      ORG_FILE: orgFile,
      DATABASE_URL: `file:${path.join(dir, 'bot.db')}`,
    });
    expect(code).toBe(2);
    expect(stderr).toContain('Line 6: unknown role "wizard"');
  });

  it('with a YAML anchor bomb as the org file prints one line and exits 2', async () => {
    const dir = tempDir();
    const orgFile = path.join(dir, 'org.yml');
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i += 1)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    writeFileSync(orgFile, `${levels.join('\n')}\n`);
    const { code, stderr } = await runMain({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: '0',
      ORG_FILE: orgFile,
      DATABASE_URL: `file:${path.join(dir, 'bot.db')}`,
    });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining('Line 2: too many YAML aliases')]);
  });

  it('starts against a given SLACK_API_URL, migrates, imports and answers /org', async () => {
    const fake = await new FakeSlack({ botToken: BOT_TOKEN }).start();
    const dir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        LOG_LEVEL: 'silent',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        PORT: '0',
        SLACK_API_URL: fake.apiUrl,
        ORG_FILE: PROPERTY_ORG,
        DATABASE_URL: `file:${path.join(dir, 'bot.db')}`,
      },
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const match = /listening on port (\d+)/.exec(out);
          if (match) resolve(Number(match[1]));
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const driver = new SlackDriver({
        eventsUrl: `http://127.0.0.1:${port}/slack/events`,
        signingSecret: SIGNING_SECRET,
        fake,
      });
      const res = await driver.command('U0SALES001', '/org');
      expect(answerText(res.json)).toContain('劉大偉（組長）');
      await expect.poll(() => fake.calls.some((c) => c.method === 'auth.test')).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await fake.stop();
    }
  });
});
