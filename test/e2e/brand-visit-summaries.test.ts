import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { BRAND_ORG, startHarness, type Harness } from '../support/harness.ts';
import { approvalMessageOf, blocksText, dmsTo, fileVisitAs, untilStatus } from '../support/visit-flow.ts';

const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);
const PROPERTY_WORDS = ['來訪', '首訪', '複訪', '按來訪渠道', '按意向等級', '認購', '簽約', '銀行按揭', '（—）'];

describe.each(PROVIDERS)("a brand's evening summary and weekly analysis on %s (fixed clock)", (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-12-07T02:00:00Z')); // Monday 10:00 in Asia/Shanghai
  const fileAndApprove = async (filer: string, approver: string, values: Record<string, string | number>) => {
    await fileVisitAs(h, filer, values);
    const visit = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
    await h.driver.clickButton(approver, approvalMessageOf(h, visit.id), 'visit_approve');
    await untilStatus(h, visit.id, 'approved');
  };
  const summaries = (userId: string) =>
    dmsTo(h, userId).filter((m) => m.text.includes('拜訪匯總') || m.text.includes('來訪匯總'));
  beforeAll(async () => {
    h = await startHarness({ provider, orgFile: BRAND_ORG, clock });
    // 彭麗 (KAM) visits two accounts; her UM 唐文傑 approves both
    await fileAndApprove('U0KEYACC01', 'U0UNITMG01', {
      account: '浦西商貿',
      purpose: 'display',
      outcome: '堆頭已補齊',
      nextStep: '週五複查',
      visitAt: seconds('2026-12-06T02:00:00Z'),
    });
    await fileAndApprove('U0KEYACC01', 'U0UNITMG01', {
      account: '滬東分銷',
      purpose: 'order',
      outcome: '追加三百箱',
      nextStep: '下週送合同',
      visitAt: seconds('2026-12-07T01:00:00Z'),
    });
    // her rep 蔣濤's visit is approved by 彭麗 herself: another team
    await fileAndApprove('U0SALREP01', 'U0KEYACC01', {
      account: '滬東分銷',
      purpose: 'collection',
      outcome: '收回貨款',
      nextStep: '月底對賬',
      visitAt: seconds('2026-12-07T00:30:00Z'),
    });
    // 高婉清 (CSR in the SSG) phones a customer for settlement; her SSG leader 何麗君 approves
    await fileAndApprove('U0CSREP002', 'U0SSGLEAD1', {
      account: '京北分銷',
      purpose: 'collection',
      outcome: '答應週三付款',
      nextStep: '週三再電話確認',
      visitAt: seconds('2026-12-07T01:30:00Z'),
    });
  });
  afterAll(async () => h?.stop());

  it('sends the market manager a 拜訪匯總: account, visitor, purpose, outcome, next step', async () => {
    clock.set('2026-12-07T12:01:00Z');
    expect((await h.bot.scheduler.tick()).ran).toContain('visits.evening-summary@2026-12-07');
    await h.flushOutbox();
    const toMm = summaries('U0MKTMGR01');
    expect(toMm.map((m) => m.text).sort()).toEqual([
      '唐文傑 組 2026-12-07 拜訪匯總（2 次）',
      '彭麗 組 2026-12-07 拜訪匯總（1 次）',
    ]);
    const text = blocksText(toMm.find((m) => m.text.startsWith('唐文傑')));
    expect(text).toContain('2026-12-06 10:00 浦西商貿｜彭麗｜陳列檢查｜堆頭已補齊｜下一步：週五複查');
    expect(text).toContain('09:00 滬東分銷｜彭麗｜訂貨｜追加三百箱｜下一步：下週送合同');
    for (const word of PROPERTY_WORDS) expect(text).not.toContain(word);
  });

  it("summarises the SSG's approved visits once, to the SSG leader's own manager (the deputy director)", async () => {
    const withCsrVisit = [
      'U0GENMGR01',
      'U0SALDIR02',
      'U0DEPDIR01',
      'U0SSGLEAD1',
      'U0CSREP002',
      'U0MKTMGR01',
      'U0MKTMGR02',
    ].flatMap((id) =>
      summaries(id)
        .filter((m) => blocksText(m).includes('京北分銷'))
        .map((m) => ({ id, text: m.text })),
    );
    expect(withCsrVisit).toEqual([{ id: 'U0DEPDIR01', text: '何麗君 組 2026-12-07 拜訪匯總（1 次）' }]);
    expect(blocksText(summaries('U0DEPDIR01')[0])).toContain(
      '京北分銷｜高婉清｜收款｜答應週三付款｜下一步：週三再電話確認',
    );
  });

  it('sends the market manager a weekly 拜訪分析 by visitor, account, purpose, team; no property stages', async () => {
    clock.set('2026-12-14T01:00:00Z'); // Monday 09:00 local
    expect((await h.bot.scheduler.tick()).ran).toContain('visits.weekly-analysis@week-2026-12-14');
    await h.flushOutbox();
    const analysis = dmsTo(h, 'U0MKTMGR01').find((m) => m.text.includes('2026-12-07～2026-12-13'));
    expect(analysis?.text).toContain('拜訪分析 2026-12-07～2026-12-13');
    const text = blocksText(analysis);
    expect(text).toContain('共 2 次拜訪');
    expect(text).toContain('*按拜訪人*\\n彭麗 1　蔣濤 1');
    expect(text).toContain('*按客戶（經銷商／門店）*\\n滬東分銷 2');
    expect(text).toContain('訂貨 1');
    expect(text).toContain('收款 1');
    expect(text).toContain('唐文傑 1');
    for (const word of PROPERTY_WORDS) expect(text).not.toContain(word);
    expect(text).not.toContain('京北分銷'); // another market's (the SSG's) visit
  });

  it(
    "sends the SSG's visits of the week to the deputy director, who gets its summaries, and no empty analysis " +
      'elsewhere',
    async () => {
      const weekly = (id: string) => dmsTo(h, id).filter((m) => m.text.includes('拜訪分析 2026-12-07～2026-12-13'));
      expect(weekly('U0DEPDIR01')).toHaveLength(1);
      const text = blocksText(weekly('U0DEPDIR01')[0]);
      expect(text).toContain('共 1 次拜訪');
      expect(text).toContain('*按拜訪人*\\n高婉清 1');
      expect(text).toContain('*按團隊（審核人）*\\n何麗君 1');
      expect(text).not.toContain('滬東分銷');
      expect([...weekly('U0GENMGR01'), ...weekly('U0SALDIR02'), ...weekly('U0SSGLEAD1')]).toEqual([]);
    },
  );
});
