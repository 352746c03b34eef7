import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../support/test-database.ts';
import { BRAND_ORG, startHarness, type Harness } from '../support/harness.ts';
import { uploadInDm } from '../support/account-flow.ts';

const SSG_LEADER = 'U0SSGLEAD1';
const RATED = readFileSync(path.join(import.meta.dirname, '../../fixtures/accounts-brand-rated.csv'), 'utf8');

/** The rated sample with one row's cells replaced (the code first, then the cells by column). */
function withRow(code: string, change: (cells: string[]) => string[]): Buffer {
  const lines = RATED.split('\n').map((line) =>
    line.startsWith(`${code},`) ? change(line.split(',')).join(',') : line,
  );
  return Buffer.from(lines.join('\n'), 'utf8');
}

// The register's credit columns (信用等級, 信用額度, 賬期) rate a distributor the first time only.
describe.each(PROVIDERS)('credit columns in the account register on %s', (provider) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider, orgFile: BRAND_ORG });
  });
  afterAll(async () => {
    await h?.stop();
  });
  const creditOf = async (code: string) => {
    const account = await h.bot.db.account.findFirstOrThrow({ where: { code } });
    return h.bot.db.accountCredit.findUnique({ where: { accountId: account.id } });
  };

  it('rates every distributor not rated yet, in integer cents, with the importer in the history', async () => {
    const answer = await uploadInDm(h, SSG_LEADER, 'accounts-brand-rated.csv', Buffer.from(RATED, 'utf8'));
    expect(answer.text).toContain('首次評定 40 家經銷商的信用等級、額度與賬期。');
    expect(await h.bot.db.accountCredit.count()).toBe(40);
    expect(await creditOf('NED01')).toMatchObject({ grade: 'A', limitCents: 50_000_000n, termsDays: 60 });
    const history = await h.bot.db.accountCreditChange.findMany({ where: { proposedBy: SSG_LEADER } });
    expect(history).toHaveLength(40);
  });

  it('leaves a change to a rated distributor for the monthly review, and says so', async () => {
    const changed = withRow('NED01', (cells) => [...cells.slice(0, 13), 'D', '1000', '7']);
    const answer = await uploadInDm(h, SSG_LEADER, 'accounts-brand-rated.csv', changed);
    expect(answer.text).toContain('1 家已評級經銷商的信用欄位與現有不同，未套用：請在每月信用評審中提出。');
    expect(await creditOf('NED01')).toMatchObject({ grade: 'A', limitCents: 50_000_000n, termsDays: 60 });
  });

  it('refuses credit on an outlet and a bad grade, naming the lines, and changes nothing', async () => {
    const outletLine = RATED.split('\n').findIndex((line) => line.includes(',網點,')) + 1;
    const outletCode = RATED.split('\n')[outletLine - 1].split(',')[0];
    let bad = withRow(outletCode, (cells) => [...cells.slice(0, 13), 'A', '1000', '30']).toString('utf8');
    bad = bad.replace(/^(ND01,.*),A,"500,000",60$|^(ND01,.*),[A-D],"[\d,]+",\d+$/m, (line) =>
      line.replace(/,[A-D],"/, ',Z,"'),
    );
    const before = await h.bot.db.accountCreditChange.count();
    const answer = await uploadInDm(h, SSG_LEADER, 'bad.csv', Buffer.from(bad, 'utf8'));
    expect(answer.text).toContain('未匯入，沒有任何變更');
    expect(answer.text).toContain(`第 ${outletLine} 行：「${outletCode}」不是客戶檔案中的經銷商`);
    expect(answer.text).toMatch(/第 \d+ 行：等級「Z」無效，應為 A、B、C 或 D/);
    expect(await h.bot.db.accountCreditChange.count()).toBe(before);
  });
});
