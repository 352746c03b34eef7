import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { FakeSlack } from '../../src/fake-slack/fake-slack-server.ts';
import { BOT_TOKEN, PROPERTY_ORG, startHarness, type Harness } from '../support/harness.ts';
import { copyUnitsBeside } from '../support/org-fixtures.ts';
import {
  approvalMessageOf,
  blocksText,
  dmsTo,
  fileVisitAs,
  latestVisit,
  untilStatus,
  waitFor,
} from '../support/visit-flow.ts';

// Work waiting for a decision follows the org chart when people leave, move or are replaced.
describe.each(PROVIDERS)('org changes and undecided registrations on %s', (provider) => {
  let h: Harness;
  let orgFile = '';
  // the test's own workspace, kept across the bot's restart
  let fake: FakeSlack;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    orgFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'org-changes-')), 'org.yml');
    copyFileSync(PROPERTY_ORG, orgFile);
    copyUnitsBeside(orgFile);
    fake = await new FakeSlack({ botToken: BOT_TOKEN }).start();
    h = await startHarness({ provider, orgFile, clock, fake });
  });
  afterAll(async () => {
    await h?.stop();
    await fake?.stop();
  });

  const homesOf = (userId: string) =>
    h.fake
      .callsTo('views.publish')
      .filter((c) => c.args.user_id === userId)
      .map((c) => JSON.stringify(c.args.view));

  /** Rewrites the org file and runs /org reload as the PM; returns the reply. */
  async function reload(edit: (text: string) => string): Promise<string> {
    writeFileSync(orgFile, edit(readFileSync(orgFile, 'utf8')));
    const before = h.fake.calls.length;
    await h.driver.command('U0PROJMGR1', '/org', 'reload');
    const reply = () => h.fake.calls.slice(before).find((c) => c.method === 'response_url');
    await waitFor(() => reply() !== undefined, 'the reload reply');
    await h.flushOutbox();
    return String(reply()!.args.text);
  }

  /** The newest approval message of a registration (a reassigned one has two). */
  const newestApprovalOf = (visitId: number) =>
    h.fake.state.messages
      .filter(
        (m) =>
          !m.onlyFor &&
          !m.threadTs &&
          blocksText(m).includes(`#${visitId} `) &&
          blocksText(m).includes('visit_details'),
      )
      .at(-1)!;
  const threadOf = (message: { channel: string; ts: string }) =>
    h.fake.state.messages
      .filter((m) => m.channel === message.channel && m.threadTs === message.ts)
      .map((m) => m.text ?? '');

  it("lets the former chain decide a departed salesperson's registration", async () => {
    await fileVisitAs(h, 'U0SALES002', { phone: '13900001111', customerName: '離職案' });
    const visit = await latestVisit(h);
    expect(visit.approverId).toBe('U0TLEAD001');
    await reload((text) =>
      text
        .split('\n')
        .filter((line) => !line.includes('U0SALES002'))
        .join('\n'),
    );
    await h.driver.clickButton('U0PROJMGR1', approvalMessageOf(h, visit.id), 'visit_approve');
    await untilStatus(h, visit.id, 'approved');
    expect((await h.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id } })).decidedBy).toBe('U0PROJMGR1');
  });

  it(
    "moves a transferred salesperson's registration to the new team lead, with a note in the thread, and refuses " +
      'the old one',
    async () => {
      await fileVisitAs(h, 'U0SALES001', { phone: '13900002222', customerName: '調組案' });
      const visit = await latestVisit(h);
      const oldMessage = approvalMessageOf(h, visit.id);
      await reload((text) =>
        text.replace(
          '{ slack: U0SALES001, name: 周子豪, role: salesperson, reports_to: [U0TLEAD001] }',
          '{ slack: U0SALES001, name: 周子豪, role: salesperson, reports_to: [U0TLEAD002] }',
        ),
      );
      expect((await h.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id } })).approverId).toBe('U0TLEAD002');
      expect(threadOf(oldMessage).join('\n')).toContain('改由 吳佳玲 審核（原為 劉大偉）');

      const mark = h.fake.calls.length;
      await h.driver.clickButton('U0TLEAD001', oldMessage, 'visit_approve');
      await expect
        .poll(() => h.fake.calls.slice(mark).find((c) => c.method === 'chat.postEphemeral')?.args.text)
        .toContain('只有 周子豪 的組長');

      await h.driver.event({ type: 'app_home_opened', user: 'U0TLEAD002', channel: 'D0TLEAD002', tab: 'home' });
      await expect.poll(() => homesOf('U0TLEAD002').at(-1) ?? '').toContain(`#${visit.id}`);
      const newMessage = newestApprovalOf(visit.id);
      expect(newMessage.ts).not.toBe(oldMessage.ts);
      await h.driver.clickButton('U0TLEAD002', newMessage, 'visit_approve');
      await untilStatus(h, visit.id, 'approved');
    },
  );

  it("gives a replaced team lead's pending registrations to the successor", async () => {
    await fileVisitAs(h, 'U0SALES003', { phone: '13900003333', customerName: '換組長案' });
    const visit = await latestVisit(h);
    expect(visit.approverId).toBe('U0TLEAD002');
    const reply = await reload((text) =>
      text
        .replace(
          '{ slack: U0TLEAD002, name: 吳佳玲, role: team_lead, reports_to: [U0PROJMGR1] }',
          '{ slack: U0TLEAD009, name: 何志強, role: team_lead, reports_to: [U0PROJMGR1] }',
        )
        .replaceAll('reports_to: [U0TLEAD002]', 'reports_to: [U0TLEAD009]'),
    );
    expect(reply).toContain('停用 1 人');
    expect((await h.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id } })).approverId).toBe('U0TLEAD009');
    const message = newestApprovalOf(visit.id);
    expect(message.channel).not.toBe(approvalMessageOf(h, visit.id).channel);
    await h.driver.clickButton('U0TLEAD009', message, 'visit_approve');
    await untilStatus(h, visit.id, 'approved');
  });

  it("gives a departed team lead's pending registrations to whoever takes over the team", async () => {
    await fileVisitAs(h, 'U0TRAIN001', { phone: '13900004444', customerName: '組長離職案' });
    const visit = await latestVisit(h);
    expect(visit.approverId).toBe('U0TLEAD009');
    const oldMessage = approvalMessageOf(h, visit.id);
    await reload((text) =>
      text
        .split('\n')
        .filter((line) => !line.includes('slack: U0TLEAD009'))
        .join('\n')
        .replaceAll('reports_to: [U0TLEAD009]', 'reports_to: [U0TLEAD001]'),
    );
    expect((await h.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id } })).approverId).toBe('U0TLEAD001');
    expect(threadOf(oldMessage).join('\n')).toContain('改由 劉大偉 審核（原為 何志強）');
    await h.driver.clickButton('U0TLEAD001', newestApprovalOf(visit.id), 'visit_approve');
    await untilStatus(h, visit.id, 'approved');
  });

  it('keeps one organisation through a rename, across a reload and a restart', async () => {
    await fileVisitAs(h, 'U0SALES003', { phone: '13900005555', customerName: '改名案' });
    const visit = await latestVisit(h);
    const orgId = (await h.bot.context.directory.current()).data.orgId;
    const reply = await reload((text) => text.replace('name: 翠湖苑銷售案場', 'name: 翠湖苑銷售中心'));
    expect(reply).toContain('新增 0 人');
    const chart = await h.bot.context.directory.current();
    expect(chart.data).toMatchObject({ orgId, name: '翠湖苑銷售中心' });

    // a restart: the bot goes, the database and the workspace stay
    const databaseUrl = h.databaseUrl;
    await h.stop();
    h = await startHarness({ provider, orgFile, clock, databaseUrl, fake });
    expect(await h.bot.db.organisation.count()).toBe(1);
    expect((await h.bot.context.directory.current()).data.orgId).toBe(orgId);
    await h.driver.event({ type: 'app_home_opened', user: 'U0TLEAD001', channel: 'D0TLEAD001', tab: 'home' });
    await expect.poll(() => homesOf('U0TLEAD001').at(-1) ?? '').toContain(`#${visit.id}`);
    expect(await h.bot.db.visit.count({ where: { orgId: { not: orgId } } })).toBe(0);
  });
  it('gives a 撞單 waiting for a ruling to the new project manager when the PM is replaced', async () => {
    await fileVisitAs(h, 'U0SALES001', { phone: '13900006666', customerName: '換經理案' });
    await fileVisitAs(h, 'U0SALES003', { phone: '13900006666', customerName: '換經理案' });
    const contested = await latestVisit(h);
    expect(contested.status).toBe('ownership_review');
    const oldReview = dmsTo(h, 'U0PROJMGR1')
      .filter((m) => blocksText(m).includes('撞單裁定'))
      .at(-1)!;
    await reload((text) =>
      text
        .replace('{ slack: U0PROJMGR1, name: 王建國,', '{ slack: U0PROJMGR2, name: 趙新民,')
        .replaceAll('reports_to: [U0PROJMGR1]', 'reports_to: [U0PROJMGR2]'),
    );
    expect(threadOf(oldReview).join('\n')).toContain('改由 趙新民 審核（原為 王建國）');
    const review = dmsTo(h, 'U0PROJMGR2')
      .filter((m) => blocksText(m).includes('撞單裁定'))
      .at(-1)!;
    expect(blocksText(review)).toContain(`#${contested.id}`);
    await h.driver.clickButton('U0PROJMGR2', review, 'visit_keep_owner');
    await untilStatus(h, contested.id, 'rejected');
  });
});
