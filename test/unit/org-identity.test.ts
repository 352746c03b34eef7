import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OrgChart } from '../../src/domain/org/org-chart.ts';
import { parseOrgFile } from '../../src/domain/org/parse-org-file.ts';
import { PROPERTY_ORG } from '../support/harness.ts';
import { propertyChart } from '../support/org-fixtures.ts';

describe('the organisation id of an org file', () => {
  const text = readFileSync(PROPERTY_ORG, 'utf8');

  it('is optional: the shared fixture loads unchanged, with none', () => {
    const parsed = parseOrgFile(text);
    expect(parsed.ok && parsed.org.organisation.id).toBeUndefined();
  });

  it('is read when given, and refused with its line when it is not a plain key', () => {
    const keyed = parseOrgFile(text.replace('  name: 翠湖苑銷售案場', '  id: cuihu-site\n  name: 翠湖苑銷售案場'));
    expect(keyed.ok && keyed.org.organisation.id).toBe('cuihu-site');
    const bad = parseOrgFile(text.replace('  name: 翠湖苑銷售案場', '  id: "翠湖 苑"\n  name: 翠湖苑銷售案場'));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems[0]).toMatchObject({ reason: 'field', value: 'id' });
  });
});

describe('people who left the chart', () => {
  const full = propertyChart();
  const without = (...gone: string[]) =>
    new OrgChart({
      ...full.data,
      people: full.data.people.filter((p) => !gone.includes(p.slackId)),
      formerReportsTo: Object.fromEntries(gone.map((id) => [id, full.person(id)!.reportsTo])),
    });

  it('keep their former chain, so the PM and their team lead may still decide for them', () => {
    const chart = without('U0SALES002');
    expect(chart.primaryApprover('U0SALES002')).toBe('U0TLEAD001');
    expect(chart.mayApproveFor('U0PROJMGR1', 'U0SALES002')).toBe(true);
    expect(chart.mayApproveFor('U0TLEAD002', 'U0SALES002')).toBe(false);
  });

  it("are seen through when a departed filer's team lead left too: the next manager up approves", () => {
    const chart = without('U0SALES002', 'U0TLEAD001');
    expect(chart.primaryApprover('U0SALES002')).toBe('U0PROJMGR1');
    expect(chart.chainOf('U0SALES002')).not.toContain('U0TLEAD001');
  });
});
