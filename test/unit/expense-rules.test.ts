import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateClaim } from '../../src/domain/expenses/claim-input.ts';
import {
  approvalLevels,
  claimApprovers,
  expenseCategories,
  mayMarkPaid,
} from '../../src/domain/expenses/expense-rules.ts';
import { isMalformedPeriod } from '../../src/domain/targets/periods.ts';
import { OrgChart } from '../../src/domain/org/org-chart.ts';
import { parseOrgFile } from '../../src/domain/org/parse-org-file.ts';
import { expenseRatio } from '../../src/views/expenses/budget-views.ts';
import { BRAND_ORG } from '../support/harness.ts';
import { brandChart, propertyChart } from '../support/org-fixtures.ts';

const KAM = 'U0KEYACC01'; // under UM U0UNITMG01, MM U0MKTMGR01, deputy director, sales director U0SALDIR02

describe('who approves a claim', () => {
  const chart = brandChart();
  it("routes by amount up the claimant's chain with the brand's defaults", () => {
    expect(claimApprovers(chart, KAM, 2_000_00, false)).toEqual(['U0UNITMG01']);
    expect(claimApprovers(chart, KAM, 2_000_01, false)).toEqual(['U0MKTMGR01']);
    expect(claimApprovers(chart, KAM, 10_000_00, false)).toEqual(['U0MKTMGR01']);
    // the deputy director is no level of the rules: the sales director above decides
    expect(claimApprovers(chart, KAM, 10_000_01, false)).toEqual(['U0SALDIR02']);
  });

  it('adds the next level up when the claim goes over budget', () => {
    expect(claimApprovers(chart, KAM, 1_500_00, true)).toEqual(['U0UNITMG01', 'U0MKTMGR01']);
    expect(claimApprovers(chart, KAM, 5_000_00, true)).toEqual(['U0MKTMGR01', 'U0SALDIR02']);
    // at the top level, the next manager above
    expect(claimApprovers(chart, KAM, 50_000_00, true)).toEqual(['U0SALDIR02', 'U0GENMGR01']);
  });

  it('lets a manager claim to someone above, and nobody approves for the top', () => {
    expect(claimApprovers(chart, 'U0UNITMG01', 500_00, false)).toEqual(['U0MKTMGR01']);
    expect(claimApprovers(chart, 'U0GENMGR01', 500_00, false)).toEqual([]);
  });

  it("routes a site's claims to the team lead, then the PM", () => {
    const site = propertyChart();
    const salesperson = site.people.find((p) => p.role === 'salesperson')!.slackId;
    const lead = site.primaryApprover(salesperson)!;
    const pm = site.firstWithRole('project_manager')!.slackId;
    expect(claimApprovers(site, salesperson, 800_00, false)).toEqual([lead]);
    expect(claimApprovers(site, salesperson, 3_000_00, false)).toEqual([pm]);
    expect(mayMarkPaid(site, site.firstWithRole('site_secretary')!.slackId)).toBe(true);
  });

  it('reads categories, thresholds and payers from the org file, and reports an unknown role by line', () => {
    const text = readFileSync(BRAND_ORG, 'utf8').replace(
      /^people:/m,
      'expenses:\n  categories: [差旅, 會議]\n  approval:\n    - { up_to: 500, role: key_account_manager }\n' +
        '    - { role: market_manager }\n  payers: [general_manager]\npeople:',
    );
    const parsed = parseOrgFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const custom = new OrgChart({ ...brandChart().data, expenses: parsed.org.expenses });
    expect(expenseCategories(custom)).toEqual(['差旅', '會議']);
    expect(approvalLevels(custom)).toEqual([
      { upToCents: 500_00, role: 'key_account_manager' },
      { upToCents: null, role: 'market_manager' },
    ]);
    expect(claimApprovers(custom, 'U0SALREP01', 400_00, false)).toEqual([KAM]);
    expect(mayMarkPaid(custom, 'U0GENMGR01')).toBe(true);
    expect(mayMarkPaid(custom, 'U0SSGLEAD1')).toBe(false);
    const bad = parseOrgFile(text.replace('role: market_manager', 'role: cfo'));
    expect(!bad.ok && bad.problems.map((p) => [p.reason, p.value])).toEqual([['unknown_role', 'cfo']]);
    expect(expenseCategories(brandChart())).toEqual(['差旅', '招待', '促銷', '廣告', '陳列', '返利', '其他']);
  });
});

describe('a typed claim', () => {
  const o = { categories: ['差旅', '其他'], today: '2026-11-20' };
  it('is read exactly in cents', () => {
    const ok = validateClaim({ amount: '1,280.5', category: '差旅', spentOn: '2026-11-20', description: ' 高鐵 ' }, o);
    expect(ok).toEqual({
      ok: true,
      input: {
        amountCents: 128_050,
        category: '差旅',
        spentOn: '2026-11-20',
        account: '',
        description: '高鐵',
        receipt: '',
      },
    });
  });

  it('names every bad field and stores nothing', () => {
    const bad = validateClaim({ amount: '0', category: '飛機', spentOn: '2026-11-21', description: '' }, o);
    expect(!bad.ok && bad.problems).toEqual([
      { field: 'amount', problem: 'not_positive' },
      { field: 'category', problem: 'required' },
      { field: 'spentOn', problem: 'future' },
      { field: 'description', problem: 'required' },
    ]);
    const huge = validateClaim({ amount: '1000000.01', category: '其他', spentOn: '2026-11-01', description: 'x' }, o);
    expect(!huge.ok && huge.problems).toEqual([{ field: 'amount', problem: 'too_large' }]);
  });
});

describe('the expense ratio (費用率)', () => {
  it('is spend over sales, from integers, to one decimal', () => {
    expect(expenseRatio(810_025, 10_000_000)).toBe('8.1%');
    expect(expenseRatio(1, 3)).toBe('33.3%');
    expect(expenseRatio(5, 0)).toBeNull();
  });
});

describe('a period typed wrong', () => {
  it('is told apart from a period and from words that are not periods at all', () => {
    for (const bad of ['2026-13', '2026-00', '2026-Q5', '2026q0']) expect(isMalformedPeriod(bad)).toBe(true);
    // a claim number (`/expense paid 12345`) is not a period at all
    for (const fine of ['2026-11', '2026-Q4', '2026', '12345', '本月', '差旅', '@someone', '華東'])
      expect(isMalformedPeriod(fine)).toBe(false);
  });
});
