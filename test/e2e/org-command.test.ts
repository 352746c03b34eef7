import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROVIDERS } from '../support/test-database.ts';
import { PROPERTY_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { copyUnitsBeside } from '../support/org-fixtures.ts';

describe.each(PROVIDERS)('/org through signed requests on %s', (provider) => {
  let h: Harness;
  let orgFile: string;

  beforeAll(async () => {
    // a copy, so that reload tests can change it
    orgFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'org-')), 'org.yml');
    copyFileSync(PROPERTY_ORG, orgFile);
    copyUnitsBeside(orgFile);
    h = await startHarness({ provider, orgFile });
  });
  afterAll(async () => h?.stop());

  it('answers a salesperson with their role, team lead and PM by name', async () => {
    const res = await h.driver.command('U0SALES001', '/org');
    expect(res.status).toBe(200);
    const text = answerText(res.json);
    expect(res.json?.response_type).toBe('ephemeral');
    expect(text).toContain('周子豪・銷售人員');
    expect(text).toContain('劉大偉（組長） → 王建國（專案經理）');
    expect(text).toContain('陳志明（營銷總監）、林美華（業務副總）');
  });

  it('shows a team lead their direct reports', async () => {
    const text = answerText((await h.driver.command('U0TLEAD001', '/org')).json);
    expect(text).toContain('周子豪（銷售人員）');
    expect(text).toContain('鄭欣怡（銷售人員）');
    expect(text).not.toContain('許家銘');
  });

  it('lets a team lead look at someone in their subtree but not in another team', async () => {
    const own = answerText((await h.driver.command('U0TLEAD001', '/org', '<@U0SALES002|someone>')).json);
    expect(own).toContain('鄭欣怡・銷售人員');
    const other = answerText((await h.driver.command('U0TLEAD001', '/org', '<@U0SALES003|someone>')).json);
    expect(other).toContain('沒有權限');
    expect(other).not.toContain('許家銘');
  });

  it('lets leadership look at anyone', async () => {
    const text = answerText((await h.driver.command('U0MKTDIR01', '/org', '<@U0TRAIN001>')).json);
    expect(text).toContain('蔡宗翰・見習銷售人員');
  });

  it('answers someone outside the chart politely, naming whom to ask', async () => {
    const text = answerText((await h.driver.command('U0STRANGER', '/org')).json);
    expect(text).toContain('尚未列入「翠湖苑銷售案場」');
    expect(text).toContain('<@U0MKTDIR01>');
  });

  it('switches a person to English and back', async () => {
    expect(answerText((await h.driver.command('U0SALES002', '/org', 'lang en')).json)).toContain('English');
    const english = answerText((await h.driver.command('U0SALES002', '/org')).json);
    expect(english).toContain('Salesperson');
    expect(english).toContain('Team lead');
    expect(answerText((await h.driver.command('U0SALES002', '/org', 'lang zh-Hant')).json)).toContain('繁體中文');
    expect(answerText((await h.driver.command('U0SALES002', '/org', 'lang klingon')).json)).toContain('/org lang en');
  });

  it('refuses reload to a salesperson, and reloads for leadership, deactivating who left', async () => {
    const mark = h.fake.calls.length;
    await h.driver.command('U0SALES001', '/org', 'reload');
    await expect
      .poll(() => h.fake.calls.slice(mark).find((c) => c.method === 'response_url')?.args.text)
      .toContain('沒有權限');

    const withoutTrainee = readFileSync(orgFile, 'utf8')
      .split('\n')
      .filter((line) => !line.includes('U0TRAIN001'))
      .join('\n');
    writeFileSync(orgFile, withoutTrainee);
    const before = h.fake.calls.length;
    const res = await h.driver.command('U0PROJMGR1', '/org', 'reload');
    expect(res.status).toBe(200);
    await expect.poll(() => h.fake.calls.slice(before).find((c) => c.method === 'response_url')).toBeTruthy();
    const reply = h.fake.calls.slice(before).find((c) => c.method === 'response_url')!;
    expect(String(reply.args.text)).toContain('停用 1 人');
    const trainee = await h.bot.db.person.findFirst({ where: { slackId: 'U0TRAIN001' } });
    expect(trainee?.active).toBe(false);
    const gone = answerText((await h.driver.command('U0TRAIN001', '/org')).json);
    expect(gone).toContain('尚未列入');
  });

  it('keeps the chart in force when a reload file is invalid, and says which line is wrong', async () => {
    const text = readFileSync(orgFile, 'utf8').replace(
      'role: team_lead, reports_to: [U0PROJMGR1] }',
      'role: captain, reports_to: [U0PROJMGR1] }',
    );
    writeFileSync(orgFile, text);
    const before = h.fake.calls.length;
    await h.driver.command('U0PROJMGR1', '/org', 'reload');
    await expect.poll(() => h.fake.calls.slice(before).find((c) => c.method === 'response_url')).toBeTruthy();
    const reply = String(h.fake.calls.slice(before).find((c) => c.method === 'response_url')!.args.text);
    expect(reply).toMatch(/第 (1\d|20) 行：不認得的職位「captain」/);
    const lead = answerText((await h.driver.command('U0SALES001', '/org')).json);
    expect(lead).toContain('劉大偉（組長）');
  });
});
