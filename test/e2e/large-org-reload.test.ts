import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROPERTY_ORG, startHarness, type Harness } from '../support/harness.ts';
import { copyUnitsBeside } from '../support/org-fixtures.ts';
import { ONE_PROVIDER } from '../support/test-database.ts';

const PEOPLE = 50_000;

/** The property fixture with 50,000 more salespeople, spread over the two team leads. */
function bigOrgFile(): string {
  const rows = Array.from({ length: PEOPLE }, (_, i) => {
    const lead = i % 2 ? 'U0TLEAD001' : 'U0TLEAD002';
    const slack = `U0BIG${String(i).padStart(6, '0')}`;
    return `  - { slack: ${slack}, name: 銷售${i}, role: salesperson, reports_to: [${lead}] }`;
  });
  const text = readFileSync(PROPERTY_ORG, 'utf8');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'big-org-'));
  const file = path.join(dir, 'org.yml');
  writeFileSync(file, `${text.trimEnd()}\n${rows.join('\n')}\n`);
  copyUnitsBeside(file);
  return file;
}

describe(`a 50,000-person /org reload (${ONE_PROVIDER})`, () => {
  let h: Harness;
  let orgFile: string;
  beforeAll(async () => {
    orgFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'org-')), 'org.yml');
    writeFileSync(orgFile, readFileSync(PROPERTY_ORG, 'utf8'));
    copyUnitsBeside(orgFile);
    h = await startHarness({ provider: ONE_PROVIDER, orgFile });
  });
  afterAll(async () => h?.stop());

  it('imports off the request path while /healthz keeps answering within a second', async () => {
    writeFileSync(orgFile, readFileSync(bigOrgFile(), 'utf8'));
    const latencies: number[] = [];
    let importing = true;
    const poller = (async () => {
      while (importing) {
        const started = performance.now();
        const res = await fetch(`http://127.0.0.1:${h.bot.port}/healthz`, { signal: AbortSignal.timeout(5_000) }).catch(
          () => undefined,
        );
        latencies.push(res?.status === 200 ? performance.now() - started : Infinity);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const started = performance.now();
    const ack = await h.driver.command('U0PROJMGR1', '/org', 'reload');
    expect(ack.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(3_000);
    await expect
      .poll(
        () =>
          h.fake.calls.find((c) => c.method === 'response_url' && String(c.args.text).includes(String(PEOPLE + 12)))
            ?.args.text,
        { timeout: 240_000, interval: 500 },
      )
      .toBeTruthy();
    importing = false;
    await poller;
    expect(await h.bot.db.person.count({ where: { active: true } })).toBe(PEOPLE + 12);
    expect(latencies.length).toBeGreaterThan(5);
    expect(Math.max(...latencies)).toBeLessThan(1_000);
  }, 300_000);
});
