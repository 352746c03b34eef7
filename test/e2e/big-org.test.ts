import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBigOrg } from '../../bench/big-org.ts';
import { buildDigest } from '../../src/services/rhythm/send-digests.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { openedView, waitFor } from '../support/visit-flow.ts';

const INTERNAL = '系統暫時出了點問題';

// SQLite takes at most 999 parameters: no statement may carry one per person of the organisation.
describe.each(PROVIDERS)("an organisation of 5,000 people (the benchmark's) on %s", (provider) => {
  let h: Harness;
  let orgFile = '';
  let people: string[] = [];
  const mm = 'U0MKTMGR01';
  beforeAll(async () => {
    orgFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'big-org-')), 'org.yml');
    people = writeBigOrg(orgFile, 5000).people;
    h = await startHarness({ provider, orgFile });
    const rep = people.find((id) => id.startsWith('URP'))!;
    const view = await openedView(h, () => h.driver.command(rep, '/issue'));
    await h.driver.submitView(rep, view, {
      category: 'market',
      severity: 'normal',
      title: '倉庫漏水',
      description: '細節',
      subject: '倉庫',
    });
    await waitFor(async () => (await h.bot.db.issueReport.count()) === 1, 'the issue');
    await h.bot.db.actual.create({
      data: {
        orgId: 1,
        month: '2026-11',
        personId: rep,
        account: '大客戶甲',
        metric: 'amount',
        value: 1000,
        source: 'manual',
        createdBy: rep,
        createdAt: h.clock.now(),
      },
    });
  }, 120_000);
  afterAll(async () => h?.stop());

  async function answerTo(userId: string, command: string, text: string): Promise<string> {
    const before = h.fake.calls.length;
    const response = await h.driver.command(userId, command, text);
    expect(response.status).toBe(200);
    const acked = answerText(response.json).trim();
    if (acked) return acked;
    const later = () => h.fake.calls.slice(before).filter((c) => c.method === 'response_url' && c.args.user === userId);
    await waitFor(() => later().length > 0, `an answer to ${command} ${text}`, 20_000);
    return later()
      .map((c) => answerText(c.args))
      .join('\n');
  }

  it("lists the market manager's team issues and sales, and exports the period, over 5,000 people", async () => {
    const issues = await answerTo(mm, '/issue', 'list');
    expect(issues).not.toContain(INTERNAL);
    expect(issues).toContain('倉庫漏水');
    const sales = await answerTo(mm, '/sales', 'list');
    expect(sales).not.toContain(INTERNAL);
    expect(sales).toContain('大客戶甲');
    const exported = await answerTo(mm, '/visit', 'export 2026-11-01 2026-11-30');
    expect(exported).not.toContain(INTERNAL);
    expect(exported).toContain('已匯出');
  }, 60_000);

  it('builds the weekly digest of the general manager, whose subtree is everyone', async () => {
    const chart = await h.bot.context.directory.current();
    const digest = await buildDigest({
      db: h.bot.db,
      chart,
      personId: 'U0GENMGR01',
      frequency: 'weekly',
      now: h.clock.now(),
    });
    expect(JSON.stringify(digest.blocks)).toContain('digest_issues');
    expect(JSON.stringify(digest.blocks)).toContain('新增 1 件');
  }, 60_000);

  it('reloads a chart that lets over 999 people go, and serves it', async () => {
    const leaving = people.filter((id) => id.startsWith('URP')).slice(0, 1100);
    const gone = new Set(leaving);
    const kept = readFileSync(orgFile, 'utf8')
      .split('\n')
      .filter((line) => ![...line.matchAll(/slack: (U\w+)/g)].some((m) => gone.has(m[1])));
    writeFileSync(orgFile, kept.join('\n'));
    const reply = await answerTo('U0GENMGR01', '/org', 'reload');
    expect(reply).toContain('停用 1100 人');
    expect(await h.bot.db.person.count({ where: { active: false } })).toBe(1100);
    expect(answerText((await h.driver.command(leaving[0], '/org')).json)).toContain('尚未列入');
  }, 120_000);
});
