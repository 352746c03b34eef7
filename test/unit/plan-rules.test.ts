import { describe, expect, it } from 'vitest';
import { OrgChart } from '../../src/domain/org/org-chart.ts';
import { readPlanDocument } from '../../src/domain/plans/plan-document.ts';
import {
  mayWritePlan,
  parsePlanCommand,
  planApproverGroups,
  planMonths,
  validatePlan,
} from '../../src/domain/plans/plan-rules.ts';
import { BRAND_ORG, PROPERTY_ORG } from '../support/harness.ts';
import { chartFromFile } from '../support/org-fixtures.ts';

const site = chartFromFile(PROPERTY_ORG);
const brand = chartFromFile(BRAND_ORG);
const withPlans = (chart: OrgChart, plans: OrgChart['data']['plans']) => new OrgChart({ ...chart.data, plans });

describe('plan rules', () => {
  it('reads /task plan: a kind of the template and a month, refusing a month that is none', () => {
    expect(parsePlanCommand([], 'property-site')).toEqual({ ok: true, kind: 'stage' });
    expect(parsePlanCommand(['項目', '2027-01'], 'property-site')).toEqual({
      ok: true,
      kind: 'project',
      fromMonth: '2027-01',
    });
    expect(parsePlanCommand(['2027-04', 'quarterly'], 'brand-sales')).toEqual({
      ok: true,
      kind: 'quarterly',
      fromMonth: '2027-04',
    });
    expect(parsePlanCommand(['2026-13'], 'property-site')).toEqual({ ok: false, reason: 'bad_month', word: '2026-13' });
    expect(parsePlanCommand(['annual'], 'property-site')).toMatchObject({ ok: false, reason: 'usage' });
  });

  it('opens each kind on its natural next period, and holds each to its span', () => {
    expect(planMonths('stage', '2026-11')).toEqual({ fromMonth: '2026-12', toMonth: '2026-12' });
    expect(planMonths('project', '2026-11', '2027-01')).toEqual({ fromMonth: '2027-01', toMonth: '2027-12' });
    expect(planMonths('annual', '2026-11')).toEqual({ fromMonth: '2027-01', toMonth: '2027-12' });
    expect(planMonths('quarterly', '2026-11')).toEqual({ fromMonth: '2027-01', toMonth: '2027-03' });
    const o = { kind: 'quarterly' as const, currentMonth: '2026-11', today: '2026-11-26' };
    const long = validatePlan({ fromMonth: '2027-01', toMonth: '2027-04', goals: 'x' }, o);
    expect(!long.ok && long.errors).toEqual([{ field: 'toMonth', reason: 'span', params: { max: 3 } }]);
    const day = validatePlan({ fromMonth: '2027-01', toMonth: '2027-03', goals: 'x', publishOn: '2026-02-30' }, o);
    expect(!day.ok && day.errors).toEqual([{ field: 'publishOn', reason: 'day' }]);
    // only a stage plan needs (and keeps) focus items
    const project = validatePlan(
      { fromMonth: '2027-01', toMonth: '2027-12', goals: 'x', focusMain: 'ignored' },
      { ...o, kind: 'project' },
    );
    expect(project.ok && project.content.focusMain).toBe('');
  });

  it('names writers per template and approvers from the org file, else the defaults', () => {
    expect(mayWritePlan(site, 'U0PROJMGR1', 'project')).toBe(true);
    expect(mayWritePlan(site, 'U0PROJMGR1', 'annual')).toBe(false);
    expect(mayWritePlan(brand, 'U0DEPDIR01', 'quarterly')).toBe(true);
    expect(mayWritePlan(brand, 'U0GENMGR01', 'annual')).toBe(false);
    expect(planApproverGroups(site, 'stage', 'U0PROJMGR1')).toEqual([
      { key: 'sales_director', people: ['U0SALDIR01'] },
    ]);
    expect(planApproverGroups(brand, 'annual', 'U0SALDIR02')).toEqual([
      { key: 'general_manager', people: ['U0GENMGR01'] },
    ]);
    const named = withPlans(site, { project: ['sales_director', 'U0MKTDIR01'] });
    expect(planApproverGroups(named, 'project', 'U0PROJMGR1').map((g) => g.key)).toEqual([
      'sales_director',
      'U0MKTDIR01',
    ]);
    // nobody named is in the chart: the author's own managers
    const nobody = withPlans(site, { stage: ['deputy_sales_director'] });
    expect(planApproverGroups(nobody, 'stage', 'U0PROJMGR1')).toEqual([
      { key: 'manager', people: ['U0MKTDIR01', 'U0VPBIZ001'] },
    ]);
  });

  it('reads a document: kind and months from the first line, sections by heading', () => {
    const doc = readPlanDocument(
      '\n# Project sales plan 2027-01 to 2027-12\n## Sales goals\n600 units\n\n## Notes\nskip\n預算\n1 億',
      {
        'Sales goals': 'goals',
        預算: 'budget',
      },
    );
    expect(doc).toEqual({
      kind: 'project',
      fields: { fromMonth: '2027-01', toMonth: '2027-12', goals: '600 units', budget: '1 億' },
      // a heading that names no section is kept aside, so that the upload can name it
      unknownHeadings: ['Notes'],
    });
  });
});
