import http from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploymentOf } from '../../src/db/deployment-mark.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { SandboxRefusedError, startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox.ts';
import { BRAND_ORG, FIXTURES, PROPERTY_ORG, startHarness } from '../support/harness.ts';
import { waitFor } from '../support/visit-flow.ts';
import { PROVIDERS, createTestDatabaseUrl } from '../support/test-database.ts';

const tempDb = () => `file:${path.join(mkdtempSync(path.join(os.tmpdir(), 'sandbox-srv-')), 'sandbox.db')}`;
const logger = createLogger('silent');
const start = (databaseUrl: string, orgFile = PROPERTY_ORG, clock?: FixedClock) =>
  startSandbox({
    env: { SANDBOX_DATABASE_URL: databaseUrl, ORG_FILE: orgFile, PORT: '0' },
    sandboxPort: 0,
    logger,
    clock,
  });

/** A raw request, so that Host, Origin and the content type are exactly what a test says. */
function request(
  url: string,
  o: { method?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: o.method ?? 'GET', headers: o.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

const post = (sandbox: RunningSandbox, route: string, body: Record<string, unknown>) =>
  fetch(`${sandbox.url}api/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, any> }));
const stateOf = async (sandbox: RunningSandbox, user: string) =>
  (await (await fetch(`${sandbox.url}api/state?user=${user}`)).json()) as Record<string, any>;

describe("the sandbox never opens a real bot's database", () => {
  for (const provider of PROVIDERS) {
    it(`refuses a ${provider} database a real bot has started on, and leaves it untouched`, async () => {
      const databaseUrl = provider === 'sqlite' ? tempDb() : await createTestDatabaseUrl(provider);
      const real = await startHarness({ provider, databaseUrl });
      await real.stop();
      expect(await deploymentOf(databaseUrl)).toBe('real');
      await expect(start(databaseUrl)).rejects.toThrow(SandboxRefusedError);
      await expect(start(databaseUrl)).rejects.toThrow(/^SANDBOX_DATABASE_URL: .* holds a real bot's data/);
    });
  }

  it('ignores DATABASE_URL: with no SANDBOX_DATABASE_URL it opens data/sandbox.db of its own', async () => {
    const realUrl = tempDb();
    const real = await startHarness({ provider: 'sqlite', databaseUrl: realUrl });
    const orgsBefore = await real.bot.db.organisation.count();
    await real.stop();
    const cwd = process.cwd();
    process.chdir(mkdtempSync(path.join(os.tmpdir(), 'sandbox-cwd-')));
    try {
      const sandbox = await startSandbox({
        env: { DATABASE_URL: realUrl, ORG_FILE: BRAND_ORG, PORT: '0' },
        sandboxPort: 0,
        logger,
      });
      await sandbox.stop();
      expect(await deploymentOf('file:./data/sandbox.db')).toBe('sandbox');
    } finally {
      process.chdir(cwd);
    }
    const again = await startHarness({ provider: 'sqlite', databaseUrl: realUrl });
    expect(await again.bot.db.organisation.count()).toBe(orgsBefore);
    expect(await again.bot.db.jobRun.count({ where: { jobId: 'deployment.sandbox' } })).toBe(0);
    await again.stop();
  });

  it('a second sandbox on the same database says so and names the variable', async () => {
    const databaseUrl = tempDb();
    const first = await start(databaseUrl);
    try {
      await expect(start(databaseUrl)).rejects.toThrow(
        /^SANDBOX_DATABASE_URL: another sandbox \(process \d+, http:\/\/127\.0\.0\.1:\d+\/\) already uses/,
      );
    } finally {
      await first.stop();
    }
    const after = await start(databaseUrl); // the lock went with the first
    await after.stop();
  });
});

describe("the sandbox's HTTP answers only its own page on loopback", () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await start(tempDb());
  });
  afterAll(async () => sandbox?.stop());

  it("binds the bot's own port and the page to loopback", () => {
    expect(sandbox.bot.address).toBe('127.0.0.1');
    expect(new URL(sandbox.url).hostname).toBe('127.0.0.1');
  });

  it("refuses a foreign Host, another site's Origin and a cross-site text/plain POST", async () => {
    const port = new URL(sandbox.url).port;
    expect((await request(`${sandbox.url}api/people`, { headers: { host: `evil.example:${port}` } })).status).toBe(403);
    const json = { 'content-type': 'application/json' };
    expect(
      (
        await request(`${sandbox.url}api/home`, {
          method: 'POST',
          headers: { ...json, origin: 'http://evil.example' },
          body: '{}',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await request(`${sandbox.url}api/command`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: '{"user":"U0SALES001","text":"/visit"}',
        })
      ).status,
    ).toBe(403);
    expect((await request(`${sandbox.url}api/people`, {})).status).toBe(200);
  });

  it('answers a body over the limit with 413 without keeping it, and malformed JSON with 400', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024, 0x61);
    const tooBig = await request(`${sandbox.url}api/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    }).catch(() => ({ status: 413, body: '' }));
    expect(tooBig.status).toBe(413);
    const malformed = await request(`${sandbox.url}api/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"user":',
    });
    expect(malformed).toMatchObject({ status: 400 });
    expect(JSON.parse(malformed.body)).toEqual({ error: 'malformed JSON' });
  });

  it('bounds what the Slack stand-in takes too: an oversized upload gets 413, malformed JSON 400', async () => {
    const huge = Buffer.alloc(40 * 1024 * 1024, 0x61);
    const upload = await request(`${sandbox.fake.baseUrl}/upload/x`, { method: 'POST', body: huge }).catch(() => ({
      status: 413,
      body: '',
    }));
    expect(upload.status).toBe(413);
    const bad = await request(`${sandbox.fake.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(bad.status).toBe(400);
  });

  it("answers an unknown command as Slack does; plain text is a message the conversation's members see", async () => {
    await post(sandbox, 'command', { user: 'U0SALES001', text: '/nosuch hello' });
    expect((await stateOf(sandbox, 'U0SALES001')).answers.at(-1).text).toMatch(/^\/nosuch 不是有效的指令/);
    const site = 'C0SITEOPS1';
    const sent = await post(sandbox, 'command', { user: 'U0SALES001', text: '大家好 @劉大偉', channel: site });
    expect(sent).toMatchObject({ status: 200, json: { posted: site } });
    const seen = (await stateOf(sandbox, 'U0TLEAD001')).messages.find(
      (m: { channel: string; user: string }) => m.channel === site && m.user === 'U0SALES001',
    );
    expect(seen.text).toBe('大家好 <@U0TLEAD001|劉大偉>');
    // typed into the bot's DM, a question is answered with a short help, not silence
    expect(
      await post(sandbox, 'command', { user: 'U0SALES001', text: '請問怎麼登記？', channel: 'D0SALES001' }),
    ).toMatchObject({ json: { posted: 'D0SALES001' } });
    const replies = async () =>
      (await stateOf(sandbox, 'U0SALES001')).messages.filter(
        (m: { channel: string; user: string }) => m.channel === 'D0SALES001' && m.user === sandbox.fake.botUserId,
      );
    await expect
      .poll(async () => (await replies()).map((m: { text: string }) => m.text).join('\n'), { timeout: 10_000 })
      .toContain('`/visit`');
  });

  it('serves a shared file by its link with its bytes unchanged, images inline', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x80]);
    const token = String((sandbox.fake as unknown as { options: { botToken: string } }).options.botToken);
    const client = new WebClient(token, { slackApiUrl: sandbox.fake.apiUrl });
    await client.filesUploadV2({ channel_id: 'U0SALES001', filename: 'chart.png', file: png, title: '圖表' });
    const shared = sandbox.fake.state.messages.find((m) => m.files?.some((f) => f.name === 'chart.png'));
    expect(shared?.files?.[0]).toMatchObject({ mimetype: 'image/png', title: '圖表' });
    const res = await fetch(`${sandbox.url}files/${shared!.files![0].id}/chart.png`);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^inline/);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(png);
  });
});

describe('the sandbox workspace as Slack keeps it', () => {
  it('shows a channel only to its members', async () => {
    const sandbox = await start(tempDb(), BRAND_ORG);
    try {
      const channels = async (user: string) =>
        (await stateOf(sandbox, user)).conversations
          .filter((c: { kind: string }) => c.kind === 'channel')
          .map((c: { id: string }) => c.id);
      expect(await channels('U0CSREP001')).toEqual(expect.arrayContaining(['C0SSGDESK1', 'C0OSBDESK1', 'C0ANNOUNC2']));
      expect(await channels('U0CSREP001')).not.toContain('C0FIELDSF1');
      expect(await channels('U0SALREP01')).toEqual(expect.arrayContaining(['C0FIELDSF1', 'C0ANNOUNC2']));
      expect(await channels('U0SALREP01')).not.toContain('C0SSGDESK1');
    } finally {
      await sandbox.stop();
    }
  });

  it("keeps the conversations over a restart, so that an old card's buttons still work", async () => {
    const databaseUrl = tempDb();
    let sandbox = await start(databaseUrl);
    await post(sandbox, 'command', { user: 'U0SALES001', text: '/visit' });
    await expect.poll(async () => (await stateOf(sandbox, 'U0SALES001')).modal).toBeTruthy();
    const modal = (await stateOf(sandbox, 'U0SALES001')).modal;
    const submitted = await post(sandbox, 'submit', {
      user: 'U0SALES001',
      viewId: modal.id,
      values: {
        customerName: '林小姐',
        phone: '138 1234 5678',
        visitAt: Math.floor(sandbox.clock.now().getTime() / 1000) - 3600,
        partySize: '2',
        source: 'referral',
        visitType: 'first',
        grade: 'A',
      },
    });
    expect(submitted.json.errors).toBeNull();
    const card = () =>
      sandbox.fake.state.messages.find((m) => JSON.stringify(m.blocks ?? []).includes('visit_approve'));
    await expect.poll(card, { timeout: 10_000 }).toBeTruthy();
    const { channel, ts } = card()!;
    await sandbox.stop();

    sandbox = await start(databaseUrl);
    try {
      expect(sandbox.fake.state.find(channel, ts)).toBeTruthy();
      const clicked = await post(sandbox, 'click', { user: 'U0TLEAD001', channel, ts, actionId: 'visit_approve' });
      expect(clicked).toMatchObject({ status: 200, json: { status: 200 } });
      await expect
        .poll(() => JSON.stringify(sandbox.fake.state.find(channel, ts)?.blocks), { timeout: 10_000 })
        .toContain('已由 劉大偉');
    } finally {
      await sandbox.stop();
    }
  });
});

describe("the sandbox page's own answers and switches", () => {
  type Answer = {
    id: string;
    text: string;
    blocks?: { elements?: { action_id: string; value: string }[]; block_id: string }[];
  };
  const buttonIn = (answers: Answer[], actionId: string) =>
    answers
      .flatMap((a) =>
        (a.blocks ?? []).flatMap((b) =>
          (b.elements ?? [])
            .filter((e) => e.action_id === actionId)
            .map((e) => ({ answer: a.id, blockId: b.block_id, value: e.value })),
        ),
      )
      .at(-1);

  it("clicks a button in a slash command's answer as Slack does, so a deal moves from `/visit <phone>`", async () => {
    const sandbox = await start(tempDb());
    try {
      await post(sandbox, 'command', { user: 'U0SALES001', text: '/visit' });
      await expect.poll(async () => (await stateOf(sandbox, 'U0SALES001')).modal).toBeTruthy();
      const modal = (await stateOf(sandbox, 'U0SALES001')).modal;
      const values = {
        customerName: '林小姐',
        phone: '138 1234 5678',
        visitAt: Math.floor(sandbox.clock.now().getTime() / 1000) - 3600,
        partySize: '2',
        source: 'referral',
        visitType: 'first',
        grade: 'A',
      };
      expect((await post(sandbox, 'submit', { user: 'U0SALES001', viewId: modal.id, values })).json.errors).toBeNull();
      const card = () =>
        sandbox.fake.state.messages.find((m) => JSON.stringify(m.blocks ?? []).includes('visit_approve'));
      await expect.poll(card, { timeout: 10_000 }).toBeTruthy();
      await post(sandbox, 'click', {
        user: 'U0TLEAD001',
        channel: card()!.channel,
        ts: card()!.ts,
        actionId: 'visit_approve',
      });
      await expect
        .poll(async () => (await sandbox.bot.db.visit.findFirstOrThrow()).status, { timeout: 10_000 })
        .toBe('approved');

      await post(sandbox, 'command', { user: 'U0SALES001', text: '/visit 13812345678' });
      const next = buttonIn((await stateOf(sandbox, 'U0SALES001')).answers, 'customer_next');
      expect(next).toBeTruthy();
      const clicked = await post(sandbox, 'click', { user: 'U0SALES001', actionId: 'customer_next', ...next });
      expect(clicked).toMatchObject({ status: 200, json: { status: 200 } });
      await expect
        .poll(async () => (await sandbox.bot.db.customer.findFirstOrThrow()).stage, { timeout: 10_000 })
        .toBe('reserved');
      // the manager's undo, from the same kind of answer
      await post(sandbox, 'command', { user: 'U0TLEAD001', text: '/visit 林' });
      const undo = buttonIn((await stateOf(sandbox, 'U0TLEAD001')).answers, 'customer_undo');
      await post(sandbox, 'click', { user: 'U0TLEAD001', actionId: 'customer_undo', ...undo });
      await expect
        .poll(async () => (await sandbox.bot.db.customer.findFirstOrThrow()).stage, { timeout: 10_000 })
        .toBe('visiting');
      expect(
        await post(sandbox, 'click', { user: 'U0TLEAD001', actionId: 'customer_undo', answer: 'a999' }),
      ).toMatchObject({ status: 404 });
    } finally {
      await sandbox.stop();
    }
  });

  it(
    "answers the page's state while the template switches, for someone only the old chart has, and has no favicon " +
      'to miss',
    async () => {
      const sandbox = await start(tempDb(), BRAND_ORG);
      try {
        const switching = post(sandbox, 'template', { user: 'U0SALREP01', key: 'property-site' });
        const statuses: number[] = [];
        for (let i = 0; i < 20; i += 1) {
          statuses.push((await fetch(`${sandbox.url}api/state?user=U0SALREP01`)).status);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        expect((await switching).status).toBe(200);
        statuses.push((await fetch(`${sandbox.url}api/state?user=U0SALREP01`)).status);
        expect(statuses.filter((status) => status !== 200)).toEqual([]);
        expect((await request(`${sandbox.url}favicon.ico`, {})).status).toBe(204);
      } finally {
        await sandbox.stop();
      }
    },
  );

  it(
    'has the brand guide name another SLT member to approve the focus draft, the publish day to move the clock to, ' +
      'and the reminder day after it',
    async () => {
      // Friday 27 November 2026 in Shanghai: December's focus is out on Monday the 7th (the 6th is a Sunday)
      const sandbox = await start(tempDb(), BRAND_ORG, new FixedClock(new Date('2026-11-27T08:00:00Z')));
      try {
        const { guide } = (await (await fetch(`${sandbox.url}api/people`)).json()) as {
          guide: { as?: string; text: string }[];
        };
        expect(guide[0]).toMatchObject({ as: 'U0SALDIR02', text: expect.stringContaining('`/focus 2026-12`') });
        expect(guide[1]).toMatchObject({ as: 'U0GENMGR01', text: expect.stringMatching(/趙永康.*孫立群.*「核准」/) });
        expect(guide[2].text).toContain('2026-12-07 09:00');
        expect(guide[2].text).toContain('「撥到」');
        // the acknowledgement reminder: two working days after Monday the 7th, Wednesday the 9th
        expect(guide[3]).toMatchObject({ as: 'U0SALDIR02', text: expect.stringContaining('提醒日 2026-12-09 09:00') });
      } finally {
        await sandbox.stop();
      }
    },
  );
});

describe("the sandbox's property template", () => {
  it('starts on it without ORG_FILE, its trainee onboarded from the start', async () => {
    const sandbox = await startSandbox({
      env: { SANDBOX_DATABASE_URL: tempDb(), PORT: '0' },
      sandboxPort: 0,
      logger,
    });
    try {
      const onboarding = () =>
        sandbox.bot.db.task.count({
          where: { origin: 'onboarding', assignments: { some: { assigneeId: 'U0TRAIN001' } } },
        });
      await waitFor(async () => (await onboarding()) === 3, "蔡宗翰's onboarding");
    } finally {
      await sandbox.stop();
    }
  });

  it('announces a newcomer once in its workspace, however often the page switches templates and back', async () => {
    const sandbox = await startSandbox({ env: { SANDBOX_DATABASE_URL: tempDb(), PORT: '0' }, sandboxPort: 0, logger });
    try {
      const announced = '蔡宗翰 加入團隊';
      const queued = () => sandbox.bot.db.outboxMessage.count({ where: { payload: { contains: announced } } });
      const pending = () => sandbox.bot.db.outboxMessage.count({ where: { status: { in: ['pending', 'sending'] } } });
      const posted = () =>
        sandbox.fake.callsTo('chat.postMessage').filter((c) => String(c.args.text ?? '').includes(announced));
      await waitFor(async () => posted().length > 0, "蔡宗翰's onboarding announced");
      for (const key of ['brand-sales', 'property-site', 'brand-sales', 'property-site']) {
        expect((await post(sandbox, 'template', { user: 'U0SALES001', key })).status).toBe(200);
      }
      expect(await queued()).toBe(1);
      await waitFor(async () => (await pending()) === 0, 'the outbox sent');
      expect(posted()).toHaveLength(1);
      expect(
        await sandbox.bot.db.task.count({
          where: { origin: 'onboarding', assignments: { some: { assigneeId: 'U0TRAIN001' } } },
        }),
      ).toBe(3);
    } finally {
      await sandbox.stop();
    }
  });
});

describe("the sandbox's brand template", () => {
  it('loads the rated register: the credit-rating table has its 40 distributors graded from the start', async () => {
    const sandbox = await start(tempDb());
    try {
      expect((await post(sandbox, 'template', { user: 'U0SSGLEAD1', key: 'brand-sales' })).status).toBe(200);
      const db = sandbox.bot.db;
      expect(await db.account.count()).toBe(296);
      const grades = await db.accountCredit.groupBy({ by: ['grade'], _count: true });
      expect(grades.reduce((sum, g) => sum + g._count, 0)).toBe(40);
      expect(grades.map((g) => g.grade).sort()).toEqual(['A', 'B', 'C', 'D']);
    } finally {
      await sandbox.stop();
    }
  });
});

describe('the sandbox keeps its org template over a restart', () => {
  it('starts again on the brand template the page switched to, with the brand conversations', async () => {
    const databaseUrl = tempDb();
    let sandbox = await start(databaseUrl);
    expect((await post(sandbox, 'template', { user: 'U0SALES001', key: 'brand-sales' })).status).toBe(200);
    await post(sandbox, 'command', { user: 'U0SSGLEAD1', text: '/account' });
    const answered = async () => ((await stateOf(sandbox, 'U0SSGLEAD1')).messages as unknown[]).length;
    await expect.poll(answered, { timeout: 10_000 }).toBeGreaterThan(0);
    await sandbox.stop();

    sandbox = await start(databaseUrl);
    try {
      const people = (await (await fetch(`${sandbox.url}api/people`)).json()) as { template: string };
      expect(people.template).toBe('brand-sales');
      expect(((await stateOf(sandbox, 'U0SSGLEAD1')).messages as unknown[]).length).toBeGreaterThan(0);
    } finally {
      await sandbox.stop();
    }
  });
});

describe('the sandbox takes an uploaded file', () => {
  it('as an upload in the DM with the bot: the SSG imports an ERP export and reads the answer there', async () => {
    const sandbox = await start(tempDb(), path.join(FIXTURES, 'org-brand-accounts.yml'));
    try {
      const data = readFileSync(path.join(FIXTURES, 'erp-products.csv')).toString('base64');
      const uploaded = await post(sandbox, 'upload', { user: 'U0SSGLEAD1', name: 'erp-products.csv', data });
      expect(uploaded.status).toBe(200);
      const answer = async () =>
        ((await stateOf(sandbox, 'U0SSGLEAD1')).messages as { channel: string; text: string }[]).find(
          (m) => m.channel === uploaded.json.posted && m.text.includes('已匯入'),
        );
      await waitFor(async () => (await answer()) !== undefined, 'the import answer', 30_000);
      expect((await answer())?.text).toBe('商品目錄 erp-products.csv 已匯入：共 12 項，新增 4 項，更新 8 項。');
      expect(await sandbox.bot.db.product.count()).toBe(64);
    } finally {
      await sandbox.stop();
    }
  });
  it("as a plan document: the PM's Markdown stage plan goes to the director for approval", async () => {
    const clock = new FixedClock(new Date('2026-11-27T06:00:00Z'));
    const sandbox = await start(tempDb(), PROPERTY_ORG, clock);
    try {
      const plan = '# 階段銷售計劃 2027-02\n## 銷售目標\n簽約 40 套\n## 月度主要重點\n春季房展會';
      const data = Buffer.from(plan).toString('base64');
      const uploaded = await post(sandbox, 'upload', { user: 'U0PROJMGR1', name: '二月計劃.md', data });
      expect(uploaded.status).toBe(200);
      const card = async () =>
        ((await stateOf(sandbox, 'U0SALDIR01')).messages as { text: string }[]).find((m) =>
          m.text.includes('2027-02 階段銷售計劃（第 1 版・待審核）'),
        );
      await waitFor(async () => (await card()) !== undefined, 'the plan card', 30_000);
      expect(await sandbox.bot.db.salesPlanVersion.count({ where: { sourceViewId: { startsWith: 'file:' } } })).toBe(1);
    } finally {
      await sandbox.stop();
    }
  });
});

describe('the sandbox clock', () => {
  it('moves to the next scheduled event and runs it through the scheduler; a chosen time only forward', async () => {
    // Friday 27 November 2026, 14:00 in Taipei: the next event is the 20:00 summary of the day's visits
    const clock = new FixedClock(new Date('2026-11-27T06:00:00Z'));
    const sandbox = await start(tempDb(), PROPERTY_ORG, clock);
    try {
      const state = await stateOf(sandbox, 'U0PROJMGR1');
      expect(state.clock).toMatchObject({
        now: '2026-11-27T06:00:00.000Z',
        next: { at: '2026-11-27T12:00:00.000Z', jobs: ['visits.evening-summary'] },
      });
      const moved = await post(sandbox, 'clock', { user: 'U0PROJMGR1', action: 'next' });
      expect(moved.json).toMatchObject({ now: '2026-11-27T12:00:00.000Z' });
      expect(moved.json.ran).toContain('visits.evening-summary@2026-11-27');
      expect(
        await sandbox.bot.db.jobRun.count({
          where: { jobId: 'visits.evening-summary', periodKey: '2026-11-27', status: 'done' },
        }),
      ).toBe(1);
      const back = await post(sandbox, 'clock', { user: 'U0PROJMGR1', action: 'to', local: '2026-11-27T09:00' });
      expect(back).toMatchObject({ status: 400, json: { error: '時間只能往後撥。' } });
      const days = await post(sandbox, 'clock', { user: 'U0PROJMGR1', action: 'by', days: 2 });
      expect(days.json.now).toBe('2026-11-29T12:00:00.000Z');
      // each day on the way ran once at its own time, none skipped as missed
      expect(days.json.ran).toEqual(
        expect.arrayContaining([
          'visits.evening-summary@2026-11-28',
          'visits.evening-summary@2026-11-29',
          'rhythm.digest-daily@2026-11-28',
        ]),
      );
      expect(
        await sandbox.bot.db.jobRun.count({
          where: { status: 'skipped', startedAt: { gt: new Date('2026-11-27T07:00:00Z') } },
        }),
      ).toBe(0);
    } finally {
      await sandbox.stop();
    }
  });

  it('stops at a meeting reminder, which the meeting job runs every few minutes, at its own time', async () => {
    // Friday 27 November 2026, 16:00 in Shanghai: the SSG's Monday phone visits are at 09:30 on the 30th
    const clock = new FixedClock(new Date('2026-11-27T08:00:00Z'));
    const sandbox = await start(tempDb(), BRAND_ORG, clock);
    try {
      const next = await sandbox.bot.scheduler.nextEvent(new Date('2026-11-29T20:00:00Z'));
      expect(next).toEqual({
        at: new Date('2026-11-30T00:30:00Z'),
        jobs: expect.arrayContaining(['rhythm.meeting-reminders']),
      });
      const moved = await post(sandbox, 'clock', { user: 'U0SSGLEAD1', action: 'to', local: '2026-11-30T08:30' });
      expect(moved.json.ran).toContain('rhythm.meeting-reminders@every-2026-11-30T00:30');
      await expect
        .poll(
          () =>
            sandbox.fake.state
              .inChannel('U0SSGLEAD1')
              .map((m) => m.text)
              .join('\n'),
          { timeout: 10_000 },
        )
        .toContain('一小時後 2026-11-30 09:30');
    } finally {
      await sandbox.stop();
    }
  });

  it("stops where an open issue's acknowledgement deadline passes, and escalates it there", async () => {
    // Friday 27 November 2026, 10:00 in Taipei: an urgent issue is due for acknowledgement two working hours on
    const clock = new FixedClock(new Date('2026-11-27T02:00:00Z'));
    const sandbox = await start(tempDb(), PROPERTY_ORG, clock);
    try {
      await post(sandbox, 'command', { user: 'U0SALES001', text: '/issue' });
      await expect.poll(async () => (await stateOf(sandbox, 'U0SALES001')).modal).toBeTruthy();
      const modal = (await stateOf(sandbox, 'U0SALES001')).modal;
      const values = {
        category: 'market',
        severity: 'urgent',
        title: '樣板間漏水',
        description: '三號樣板間天花板漏水',
      };
      expect((await post(sandbox, 'submit', { user: 'U0SALES001', viewId: modal.id, values })).json.errors).toBeNull();
      const issue = await sandbox.bot.db.issueReport.findFirstOrThrow({ where: { title: '樣板間漏水' } });
      const next = await sandbox.bot.scheduler.nextEvent(clock.now());
      expect(next).toEqual({ at: issue.ackDeadlineAt, jobs: ['issues.escalate-overdue'] });
      const moved = await post(sandbox, 'clock', { user: 'U0PROJMGR1', action: 'next' });
      expect(moved.json.now).toBe(issue.ackDeadlineAt!.toISOString());
      const after = await sandbox.bot.db.issueReport.findFirstOrThrow({ where: { id: issue.id } });
      expect(after.escalationLevel).toBeGreaterThan(issue.escalationLevel);
    } finally {
      await sandbox.stop();
    }
  });
});
