import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { BRAND_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { blocksText, dmsTo, openedView } from '../support/visit-flow.ts';
import { imagesIn } from '../../src/fake-slack/file-uploads.ts';
import { scorecardChartHeight } from '../../src/views/charts/scorecard-chart.ts';
import { pngSize } from '../support/png.ts';

const FIELD = [
  'U0MKTMGR01',
  'U0MKTMGR02',
  'U0UNITMG01',
  'U0UNITMG02',
  'U0UNITMG03',
  'U0KEYACC01',
  'U0KEYACC02',
  'U0KEYACC03',
  'U0SALREP01',
  'U0SALREP02',
  'U0SALREP03',
  'U0SALREP04',
];

describe.each(PROVIDERS)('the monthly rhythm of a brand on %s (fixed clock)', (provider) => {
  let h: Harness;
  let second: Harness;
  // Tuesday 1 December 2026, 10:00 in Shanghai. The 6th is a Sunday: the focus publishes Monday the 7th at 09:00.
  const clock = new FixedClock(new Date('2026-12-01T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: BRAND_ORG });
    // two instances on one PostgreSQL, as the product supports; SQLite is one process's database
    second =
      provider === 'postgres'
        ? await startHarness({ provider, clock, orgFile: BRAND_ORG, databaseUrl: h.databaseUrl, fake: h.fake })
        : h;
    await h.bot.db.target.create({
      data: {
        orgId: 1,
        period: '2026-12',
        scopeKind: 'market',
        scopeId: 'E',
        metric: 'amount',
        value: 300_000_000, // cents
        setBy: 'U0DEPDIR01',
        setAt: clock.now(),
      },
    });
  });
  afterAll(async () => {
    if (second !== h) await second?.stop();
    await h?.stop();
  });

  const tickBoth = async () => {
    const [a, b] = await Promise.all([h.bot.scheduler.tick(), second.bot.scheduler.tick()]);
    await h.flushOutbox();
    if (second !== h) await second.flushOutbox();
    return [...a.ran, ...b.ran];
  };

  it('drafts the focus, each market prefilled from its targets; only the GM or sales director approves', async () => {
    const refused = answerText((await h.driver.command('U0MKTMGR01', '/focus')).json);
    expect(refused).toContain('只有領導層');
    const view = await openedView(h, () => h.driver.command('U0DEPDIR01', '/focus'));
    const east = (view.view.blocks as any[]).find((b) => b.block_id === 'targets:E');
    expect(east.element.initial_value).toBe('銷售額 ¥3,000,000');
    const empty = await h.driver.submitView('U0DEPDIR01', view, { main: '', secondary1: 'x', secondary2: 'y' });
    expect((empty.json?.errors as Record<string, string> | undefined)?.main).toContain('請填寫');
    await h.driver.submitView('U0DEPDIR01', view, {
      main: '華東新品鋪貨',
      secondary1: '回款',
      secondary2: '培訓',
      'targets:E': '銷售額 3,000,000',
      'focus:E': '上海門店陳列',
      'focus:N': '北京經銷商回款',
    });
    await h.flushOutbox();
    const draft = h.fake.state.messages.find((m) => blocksText(m).includes('focus_approve'))!;
    expect(h.fake.state.groupMembers.get(draft.channel)).toEqual(['U0DEPDIR01', 'U0GENMGR01', 'U0SALDIR02']);
    // the markets in the org file's order, as the modal lists them
    const positions = ['東北', '華北', '西北', '華中', '山東', '華東', '華南', '西南'].map((m) =>
      blocksText(draft).indexOf(`*${m}*｜`),
    );
    expect(
      positions.every((p, i) => p > -1 && (i === 0 || p > positions[i - 1])),
      JSON.stringify(positions),
    ).toBe(true);
    const before = h.fake.calls.length;
    await h.driver.clickButton('U0DEPDIR01', draft, 'focus_approve');
    await expect
      .poll(() => h.fake.calls.slice(before).find((c) => c.method === 'chat.postEphemeral')?.args.text)
      .toContain('只有總經理或銷售總監');
    await h.driver.clickButton('U0SALDIR02', draft, 'focus_approve');
    await expect.poll(async () => (await h.bot.db.focusPlan.findFirstOrThrow()).status).toBe('approved');
    await h.flushOutbox();
    expect(blocksText(h.fake.state.find(draft.channel, draft.ts))).toContain('將於 2026-12-07 09:00 發佈');
  });

  it('publishes on the right working day, once across two instances, to the channels and field people', async () => {
    clock.set('2026-12-06T04:00:00Z'); // Sunday the 6th
    await tickBoth();
    expect(h.fake.state.inChannel('C0ANNOUNC2')).toHaveLength(0);
    clock.set('2026-12-07T00:59:00Z');
    await tickBoth();
    expect(h.fake.state.inChannel('C0ANNOUNC2')).toHaveLength(0);
    clock.set('2026-12-07T01:00:00Z');
    await tickBoth();
    for (const channel of ['C0ANNOUNC2', 'C0SSGDESK1', 'C0FIELDSF1']) {
      const posts = h.fake.state.inChannel(channel).filter((m) => m.text.includes('本月工作重點'));
      expect(posts, channel).toHaveLength(1);
    }
    const all = h.fake.state.messages;
    for (const person of FIELD)
      expect(
        all.filter((m) => m.channel === `D${person.slice(1)}` && blocksText(m).includes('focus_ack')),
        person,
      ).toHaveLength(1);
    const repCopy = all.find((m) => m.channel === 'D0SALREP01' && blocksText(m).includes('focus_ack'))!;
    expect(blocksText(repCopy)).toContain('上海門店陳列');
    expect(blocksText(repCopy)).not.toContain('北京經銷商回款');
    expect(await h.bot.db.focusAck.count()).toBe(12);
  });

  it('counts acknowledgements and reminds the rest after two working days, once', async () => {
    const all = () => h.fake.state.messages;
    const copyOf = (person: string) =>
      all().find((m) => m.channel === `D${person.slice(1)}` && blocksText(m).includes('focus_ack'))!;
    await h.driver.clickButton('U0SALREP01', copyOf('U0SALREP01'), 'focus_ack');
    await second.driver.clickButton('U0MKTMGR01', copyOf('U0MKTMGR01'), 'focus_ack');
    await expect.poll(async () => h.bot.db.focusAck.count({ where: { ackedAt: { not: null } } })).toBe(2);
    const status = answerText((await h.driver.command('U0GENMGR01', '/focus', 'status')).json);
    expect(status).toContain('確認情況：2/12');
    expect(status).toContain('蔣濤');
    expect(answerText((await h.driver.command('U0SALREP02', '/focus', 'status')).json)).toContain('沒有權限');

    clock.set('2026-12-09T00:59:00Z');
    await tickBoth();
    expect(await h.bot.db.focusAck.count({ where: { remindedAt: { not: null } } })).toBe(0);
    clock.set('2026-12-09T01:15:00Z');
    await tickBoth();
    clock.set('2026-12-09T01:30:00Z');
    await tickBoth();
    const reminders = all().filter((m) => m.text.includes('已發佈兩個工作日'));
    expect(reminders).toHaveLength(10);
    expect(reminders.some((m) => m.channel === 'D0SALREP01')).toBe(false);
  });

  it('never publishes an unapproved draft, and reminds the SLT the working day before', async () => {
    clock.set('2027-01-04T02:00:00Z');
    const view = await openedView(h, () => h.driver.command('U0DEPDIR01', '/focus'));
    await h.driver.submitView('U0DEPDIR01', view, { main: '年度計劃', secondary1: '預算', secondary2: '招聘' });
    await h.flushOutbox();
    clock.set('2027-01-05T01:00:00Z'); // Tuesday the 5th 09:00, the working day before the 6th
    await tickBoth();
    const reminders = h.fake.state.messages.filter((m) => m.text.includes('尚未核准'));
    expect(reminders.map((m) => m.channel).sort()).toEqual(['D0DEPDIR01', 'D0GENMGR01', 'D0SALDIR02']);
    clock.set('2027-01-06T02:00:00Z');
    await tickBoth();
    expect((await h.bot.db.focusPlan.findFirstOrThrow({ where: { month: '2027-01' } })).status).toBe('draft');
    expect(h.fake.state.messages.filter((m) => m.text.includes('2027-01 本月工作重點'))).toHaveLength(0);
  });
});

describe.each(PROVIDERS)('meeting reminders and digests on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: BRAND_ORG });
  });
  afterAll(async () => h?.stop());

  it('reminds the SLT the working day before the meeting and an hour before, with an agenda from data', async () => {
    await h.bot.db.target.create({
      data: {
        orgId: 1,
        period: '2026-11',
        scopeKind: 'market',
        scopeId: 'E',
        metric: 'amount',
        value: 100_000_000, // cents
        setBy: 'U0DEPDIR01',
        setAt: clock.now(),
      },
    });
    await h.bot.db.actualTotal.create({
      data: { orgId: 1, personId: 'U0SALREP01', month: '2026-11', metric: 'amount', value: 45_000_000 },
    });
    const view = await openedView(h, () => h.driver.command('U0SALREP03', '/issue'));
    await h.driver.submitView('U0SALREP03', view, {
      category: 'osb_billing',
      severity: 'normal',
      title: '結算差異',
      description: '十一月對帳不符',
    });
    await h.flushOutbox();
    // The SLT meets about the 5th: 5 December 2026 is a Saturday, so Monday the 7th at 10:00.
    clock.set('2026-12-04T00:59:00Z');
    await h.bot.scheduler.tick();
    expect(dmsTo(h, 'U0GENMGR01').filter((m) => m.text.includes('SLT 月度會議'))).toHaveLength(0);
    clock.set('2026-12-04T01:00:00Z'); // Friday 09:00, the working day before
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    const reminder = dmsTo(h, 'U0GENMGR01').find((m) => m.text.includes('SLT 月度會議'))!;
    expect(reminder.text).toContain('下個工作日 2026-12-07 10:00');
    const agenda = blocksText(reminder);
    expect(agenda).toContain('華東：¥450,000 / ¥1,000,000（45%）');
    // the markets' scorecards of last month, as the SLT got them on the 3rd working day
    expect(agenda).toContain('📋 2026-11 各市場考評：');
    // the one market with a target is not ranked against itself: no score
    expect(agenda).toContain('• 華東 梁志遠：總分 —，銷售達成 45%');
    expect(agenda).toContain('OSB 問題登記*：上月新增 1 件，仍未解決 1 件');
    expect(agenda).toContain('結算差異');
    expect(dmsTo(h, 'U0SALREP01').some((m) => m.text.includes('SLT 月度會議'))).toBe(false);
    // the markets' chart uploaded beside the reminder (files.uploadV2), its text saying the same
    const agendaChart = () =>
      h.fake.state.inChannel('U0GENMGR01').filter((m) => m.files?.some((f) => f.title === '各市場考評總分 2026-11'));
    // two: the 3rd working day's (its run of 3 December, missed as the clock jumped over it, is caught up at
    // 00:59 and acts for the 3rd) and the agenda's
    await expect.poll(() => agendaChart().length, { timeout: 60_000, interval: 100 }).toBe(2);
    expect(agendaChart()[1].text).toContain('華東 梁志遠 總分 —（銷售達成 45%）');
    const image = imagesIn(h.fake.state, 'U0GENMGR01').find((i) => i.altText?.includes('各市場考評總分 2026-11'));
    expect(image).toBeDefined();
    expect(pngSize(image!.data)).toEqual({ width: 800, height: scorecardChartHeight(1) });
    clock.set('2026-12-07T01:00:00Z');
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    expect(
      dmsTo(h, 'U0GENMGR01').filter((m) => m.text.includes('一小時後 2026-12-07 10:00：SLT 月度會議')),
    ).toHaveLength(1);
    await h.bot.scheduler.tick();
    expect(dmsTo(h, 'U0GENMGR01').filter((m) => m.text.includes('SLT 月度會議'))).toHaveLength(2);
  });

  it("sends a director the digest they chose, scoped to their subtree, within Slack's limits", async () => {
    expect(answerText((await h.driver.command('U0SALDIR02', '/org', 'digest daily')).json)).toContain('每日');
    expect(answerText((await h.driver.command('U0SALDIR02', '/org', 'digest hourly')).json)).toContain('/org digest');
    clock.set('2026-12-08T00:30:00Z'); // Tuesday 08:30
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    const digest = dmsTo(h, 'U0SALDIR02').find((m) => m.text.includes('每日摘要'))!;
    expect(digest.blocks!.length).toBeLessThanOrEqual(50);
    const text = blocksText(digest);
    expect(text).toContain('*問題*');
    expect(text).toContain('*拜訪*：新登記'); // a brand's registrations are 拜訪登記
    expect(text).toContain('未解決 1 件');
    expect(text).toContain('App Home');
    expect(dmsTo(h, 'U0GENMGR01').some((m) => m.text.includes('每日摘要'))).toBe(false);
  });

  it('shows focus, pending approvals, open issues and targets on App Home', async () => {
    // the OSB issue has been escalating since November: whoever handles it now sees it at home
    const { handlerId } = await h.bot.db.issueReport.findFirstOrThrow();
    expect(handlerId).not.toBe('U0KEYACC02');
    await h.driver.event({ type: 'app_home_opened', user: handlerId, channel: `D${handlerId.slice(1)}`, tab: 'home' });
    await expect.poll(() => h.fake.state.homes.get(handlerId)).toBeTruthy();
    const home = JSON.stringify(h.fake.state.homes.get(handlerId));
    expect(home).toContain('本月工作重點');
    expect(home).toContain('OSB-2026-0001');
    expect(home).toContain('我的目標');
  });
});

describe.each(PROVIDERS)('meetings moved in the org file on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-12-01T02:00:00Z'));
  beforeAll(async () => {
    // the brand's file as shared, plus its own meeting schedule: the SLT on the 3rd at 15:00, no communication meeting
    const dir = mkdtempSync(path.join(os.tmpdir(), 'salesbot-meetings-'));
    const orgFile = path.join(dir, 'org.yml');
    writeFileSync(
      orgFile,
      `${readFileSync(BRAND_ORG, 'utf8').trimEnd()}\nmeetings:\n  slt: { day: 3, time: "15:00" }\n  communication:` +
        ` { off: true }\n`,
    );
    h = await startHarness({ provider, clock, orgFile });
  });
  afterAll(async () => h?.stop());

  it("reminds on the organisation's day and time, not the template's", async () => {
    clock.set('2026-12-02T01:00:00Z'); // Wednesday 09:00, the working day before Thursday the 3rd
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    const reminders = dmsTo(h, 'U0GENMGR01').filter((m) => m.text.includes('SLT 月度會議'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0].text).toContain('下個工作日 2026-12-03 15:00');
    // the template's date (Friday the 4th, for Monday the 7th) brings nothing more
    clock.set('2026-12-04T01:00:00Z');
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    expect(dmsTo(h, 'U0GENMGR01').filter((m) => m.text.includes('SLT 月度會議'))).toHaveLength(1);
    // the communication meeting (the 10th) is switched off: the working day before it passes quietly
    clock.set('2026-12-09T01:00:00Z');
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    expect(dmsTo(h, 'U0GENMGR01').filter((m) => m.text.includes('溝通會'))).toHaveLength(0);
  });
});
