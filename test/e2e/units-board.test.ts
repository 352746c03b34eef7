import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/fake-slack/workspace-state.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { FIXTURES, PROPERTY_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';

const SHARED_PROPERTY_ORG = path.resolve(import.meta.dirname, '../../../shared/fixtures/org-property-site.yml');

/**
 * The shared property chart as it is: read from shared/ when it sits beside the clone, else the project's copy
 * without its `units:` line (test/unit/parse-org-file.test.ts holds the two identical but for that line).
 */
function sharedPropertyOrg(): string {
  try {
    return readFileSync(SHARED_PROPERTY_ORG, 'utf8');
  } catch {
    return readFileSync(PROPERTY_ORG, 'utf8').replace(/^units: .*\n/m, '');
  }
}

describe.each(PROVIDERS)('units and the sales-control board on %s', (provider) => {
  let h: Harness;
  let dir: string;
  let orgFile: string;
  const unitsFile = () => path.join(dir, 'units-property.csv');
  const units = (where: Record<string, unknown> = {}) => h.bot.db.unit.findMany({ where, orderBy: { id: 'asc' } });
  const ask = async (user: string, command: string, text: string) =>
    answerText((await h.driver.command(user, command, text)).json);
  const reload = async () => {
    const before = h.fake.calls.length;
    const ack = answerText((await h.driver.command('U0PROJMGR1', '/org', 'reload')).json);
    if (ack.trim()) return ack;
    await expect.poll(() => h.fake.calls.slice(before).some((c) => c.method === 'response_url')).toBe(true);
    return answerText(h.fake.calls.slice(before).find((c) => c.method === 'response_url')!.args);
  };

  beforeAll(async () => {
    // a copy of the project's property fixture and its units, so reload tests can change them
    dir = mkdtempSync(path.join(os.tmpdir(), 'units-'));
    orgFile = path.join(dir, 'org.yml');
    copyFileSync(PROPERTY_ORG, orgFile);
    copyFileSync(path.join(FIXTURES, 'units-property.csv'), unitsFile());
    h = await startHarness({ provider, orgFile });
  });
  afterAll(async () => h?.stop());

  it('loads the 200 sample units in 3 buildings at start-up, all available', async () => {
    const all = await units();
    expect(all).toHaveLength(200);
    expect(new Set(all.map((u) => u.building))).toEqual(new Set(['1棟', '2棟', '3棟']));
    expect(all.every((u) => u.state === 'available')).toBe(true);
    expect(Number(all[0].listPriceCents)).toBe(2_549_000_00);
  });

  it('shows the PM the board with counts and amounts per state, filtered by building, layout and state', async () => {
    const board = await ask('U0PROJMGR1', '/units', '');
    expect(board).toContain('銷控表');
    expect(board).toMatch(/🟩 可售：200 套，¥\d/);
    expect(board).toContain('🟩0101');
    const filtered = await ask('U0DEPUTY01', '/units', '2棟 B兩房 可售');
    expect(filtered).toContain('可售：18 套');
    expect(filtered).not.toContain('*1棟*');
    expect(await ask('U0TLEAD001', '/units', '3棟')).toContain('可售：56 套');
    expect(await ask('U0PROJMGR1', '/units', '9棟')).toContain('不認得「9棟」');
  });

  it('refuses the board to salespeople and those outside the site office', async () => {
    expect(await ask('U0SALES001', '/units', '')).toContain('只有專案經理、副專、女專與組長可以查看銷控表');
    expect(await ask('U0SALDIR01', '/units', '')).toContain('只有專案經理、副專、女專與組長可以查看銷控表');
  });

  it('lets the PM hold, release and price a unit with history, and nobody else', async () => {
    expect(await ask('U0DEPUTY01', '/units', 'hold 1棟 0101')).toContain('只有專案經理');
    expect(await ask('U0PROJMGR1', '/units', 'hold 1棟 0101 開發商留用')).toContain('已改為「保留」');
    expect(await ask('U0PROJMGR1', '/units', 'hold 1棟 0101')).toContain('只有「可售」的房源可以保留');
    expect(await ask('U0PROJMGR1', '/units', '保留')).toContain('⬜ 保留：1 套');
    expect(await ask('U0PROJMGR1', '/units', 'release 1棟 0101')).toContain('已改為「可售」');
    expect(await ask('U0PROJMGR1', '/units', 'price 1棟 0101 0')).toContain('標價須大於 0');
    expect(await ask('U0PROJMGR1', '/units', 'price 1棟 0101 -5')).toContain('標價須大於 0');
    expect(await ask('U0PROJMGR1', '/units', 'price 1棟 0101 2,600,000.50')).toContain('¥2,600,000.50');
    expect(Number((await units({ building: '1棟', number: '0101' }))[0].listPriceCents)).toBe(2_600_000_50);
    const history = await ask('U0TLEAD001', '/units', 'history 1棟 0101');
    expect(history).toContain('可售 → 保留（開發商留用）');
    expect(history).toContain('¥2,549,000 → ¥2,600,000.50');
  });

  it('re-runs the import by /org reload idempotently, keeping states and the PM prices', async () => {
    await ask('U0PROJMGR1', '/units', 'hold 2棟 0101');
    expect(await reload()).toContain('房源：新增 0 套，更新 0 套');
    expect(await units()).toHaveLength(200);
    expect((await units({ building: '2棟', number: '0101' }))[0].state).toBe('held');
    expect(Number((await units({ building: '1棟', number: '0101' }))[0].listPriceCents)).toBe(2_600_000_50);
    writeFileSync(unitsFile(), `${readFileSync(unitsFile(), 'utf8')}4棟,0101,1,A三房,89.5,2500000\n`);
    expect(await reload()).toContain('房源：新增 1 套');
    expect(await units()).toHaveLength(201);
  });

  it('refuses a units file with bad rows, naming each line and reason, and applies nothing', async () => {
    const good = readFileSync(unitsFile(), 'utf8');
    const bad =
      `${good}5棟,0101,一,A三房,89.5,2500000\n5棟,0102,1,A三房,-3,2500000\n5棟,0103,1,A三房,89.5,1.234\n` +
      `1棟,0101,1,A三房,89.5,2500000\n5棟,0104,二,A三房,-3,1.234\n`;
    writeFileSync(unitsFile(), bad);
    const answer = await reload();
    expect(answer).toContain('房源檔 units-property.csv 有誤');
    expect(answer).toContain('第 203 行：樓層「一」須為整數');
    expect(answer).toContain('第 204 行：面積「-3」');
    expect(answer).toContain('第 205 行：標價「1.234」');
    expect(answer).toContain('第 206 行：房源 1棟-0101 重複');
    // a row with three problems names all three on its line
    expect(answer).toMatch(/第 207 行：樓層「二」須為整數[^\n]*；面積「-3」[^\n]*；標價「1\.234」/);
    expect(await units({ building: '5棟' })).toHaveLength(0);
    writeFileSync(unitsFile(), good);
  });

  it('still loads the shared property org file, which names no units file', async () => {
    writeFileSync(orgFile, sharedPropertyOrg());
    expect(await reload()).toContain('組織架構已重新載入');
    expect(await units()).toHaveLength(201);
  });

  it('names a bad page or filter and shows the usage, in Chinese and in English', async () => {
    const zh = await ask('U0TLEAD002', '/units', 'p0');
    expect(zh).toContain('不認得「p0」');
    expect(zh).toContain('用法：/units [棟] [戶型] [狀態] [p2]');
    expect(await ask('U0TLEAD002', '/units', '1棟 頂樓')).toContain('不認得「頂樓」');
    await h.driver.command('U0TLEAD002', '/org', 'lang en');
    const en = await ask('U0TLEAD002', '/units', 'p0');
    expect(en).toContain('Unknown "p0"');
    expect(en).toContain('Usage: /units [building] [layout] [state] [p2]');
    expect(await ask('U0TLEAD002', '/units', 'p1')).not.toContain('Unknown');
  });
});

/** The App Home a person is shown on opening it: the publish call, answered by the fake Slack. */
async function homeOf(h: Harness, user: string) {
  const before = h.fake.calls.length;
  await h.driver.event({ type: 'app_home_opened', user, channel: `D${user.slice(1)}`, tab: 'home' });
  await expect.poll(() => h.fake.calls.slice(before).some((c) => c.method === 'views.publish')).toBe(true);
  const call = h.fake.calls.slice(before).find((c) => c.method === 'views.publish')!;
  const view = call.args.view as {
    blocks: { block_id?: string; text?: { text: string }; accessory?: { action_id: string; value: string } }[];
  };
  const text = (id: string) => view.blocks.find((b) => b.block_id === id)?.text?.text;
  return { ok: call.response.ok === true, blocks: view.blocks, text, units: text('home_units') };
}

describe.each(PROVIDERS.slice(0, 1))('the App Home board section on %s', (provider) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider });
  });
  afterAll(async () => h?.stop());

  it('shows the PM, the deputy, the secretary and team leads the totals per state, and nobody else', async () => {
    for (const user of ['U0PROJMGR1', 'U0DEPUTY01', 'U0SECRET01', 'U0TLEAD002'])
      expect((await homeOf(h, user)).units, user).toContain('🟩 可售：200 套');
    for (const user of ['U0SALES001', 'U0MKTDIR01']) expect((await homeOf(h, user)).units, user).toBeUndefined();
  });

  it('shows each building’s units as cells, floor by floor, with its counts, and a button to its board', async () => {
    await h.driver.command('U0PROJMGR1', '/units', 'hold 2棟 0101');
    const home = await homeOf(h, 'U0PROJMGR1');
    expect(home.ok).toBe(true);
    expect(home.text('home_units_0')).toContain('*1棟* 72 套：🟩 72');
    const second = home.text('home_units_1')!;
    expect(second).toContain('*2棟* 72 套：🟩 71 · ⬜ 1');
    // one mark per unit: the first floor of 2棟 has 0101 held and three more on sale
    expect(second.split('\n').at(-1)).toBe('`  1F` ⬜🟩🟩🟩');
    expect(home.text('home_units_2')).toContain('*3棟* 56 套');
    expect(home.blocks.map((b) => b.accessory?.action_id).filter(Boolean)).toEqual([
      'units_open',
      'units_open',
      'units_open',
    ]);
    expect(home.text('home_units_more')).toBeUndefined();
    // the button opens that building's board, with its filters kept for /units
    const building = home.blocks.find((b) => b.block_id === 'home_units_1');
    const message: StoredMessage = { ts: '1.1', channel: 'DPROJMGR1', user: 'B0BOT', text: '', blocks: [building] };
    const before = h.fake.calls.length;
    await h.driver.clickButton('U0PROJMGR1', message, 'units_open');
    await expect.poll(() => h.fake.calls.slice(before).some((c) => c.method === 'views.open')).toBe(true);
    const modal = JSON.stringify(h.fake.calls.slice(before).find((c) => c.method === 'views.open')!.args.view);
    expect(modal).toContain('⬜0101');
    expect(modal).toContain('*2棟*');
    expect(modal).not.toContain('*1棟*');
  });
});

describe.each(PROVIDERS.slice(0, 1))('the App Home board of 3,000 units on %s', (provider) => {
  let h: Harness;
  beforeAll(async () => {
    // one tower of 2,400 units (60 floors of 40), and twelve buildings of 50: 3,000 units
    const dir = mkdtempSync(path.join(os.tmpdir(), 'units-3000-'));
    const orgFile = path.join(dir, 'org.yml');
    copyFileSync(PROPERTY_ORG, orgFile);
    const rows = ['building,unit,floor,layout,area,list_price'];
    const add = (building: string, floors: number, perFloor: number) => {
      for (let floor = 1; floor <= floors; floor++)
        for (let n = 1; n <= perFloor; n++)
          rows.push(`${building},${floor}${String(n).padStart(2, '0')},${floor},A三房,89.5,2549000`);
    };
    add('A棟', 60, 40);
    for (let b = 1; b <= 12; b++) add(`T${String(b).padStart(2, '0')}`, 5, 10);
    writeFileSync(path.join(dir, 'units-property.csv'), `${rows.join('\n')}\n`);
    h = await startHarness({ provider, orgFile });
  }, 120_000);
  afterAll(async () => h?.stop());

  it('stays within App Home’s limits: the tower’s counts, ten buildings’ cells, the rest summed, says so', async () => {
    expect(await h.bot.db.unit.count()).toBe(3_000);
    const home = await homeOf(h, 'U0PROJMGR1');
    expect(home.ok).toBe(true);
    expect(home.blocks.length).toBeLessThanOrEqual(100);
    for (const b of home.blocks) expect((b.text?.text ?? '').length).toBeLessThanOrEqual(3_000);
    expect(home.units).toContain('🟩 可售：3000 套');
    const tower = home.text('home_units_0')!;
    expect(tower).toContain('*A棟* 2400 套：🟩 2400');
    expect(tower).toContain('此棟格數太多');
    expect(tower).not.toContain('🟩🟩');
    expect(home.text('home_units_1')).toContain('*T01* 50 套');
    expect(home.text('home_units_1')).toContain('`  5F` 🟩🟩🟩🟩🟩🟩🟩🟩🟩🟩');
    expect(home.text('home_units_9')).toContain('*T09*');
    const more = home.text('home_units_more')!;
    expect(more).toContain('另有 3 棟未列出格子（App Home 只列前 10 棟）');
    for (const name of ['T10', 'T11', 'T12']) expect(more).toContain(`*${name}* 50 套：🟩 50`);
  });
});
