import { describe, expect, it } from 'vitest';
import { brandChart, propertyChart } from '../support/org-fixtures.ts';

describe('property site chart', () => {
  const chart = propertyChart();

  it("walks a salesperson up the chain: team lead, PM, then both of the PM's managers", () => {
    expect(chart.managerLevels('U0SALES001')).toEqual([['U0TLEAD001'], ['U0PROJMGR1'], ['U0MKTDIR01', 'U0VPBIZ001']]);
    expect(chart.chainOf('U0PROJMGR1')).toEqual(['U0MKTDIR01', 'U0VPBIZ001']);
    expect(chart.chainOf('U0MKTDIR01')).toEqual([]);
  });

  it('lists direct and indirect reports', () => {
    expect(chart.directReports('U0TLEAD002')).toEqual(['U0SALES003', 'U0TRAIN001']);
    expect([...chart.allReports('U0PROJMGR1')].sort()).toEqual(
      [
        'U0DEPUTY01',
        'U0SECRET01',
        'U0TLEAD001',
        'U0TLEAD002',
        'U0SALES001',
        'U0SALES002',
        'U0SALES003',
        'U0TRAIN001',
      ].sort(),
    );
    expect(chart.allReports('U0SALES001')).toEqual([]);
  });

  it('has the team lead approve for a salesperson, the PM above, and the deputy acting for the PM', () => {
    expect(chart.primaryApprover('U0SALES001')).toBe('U0TLEAD001');
    expect(chart.primaryApprover('U0TRAIN001')).toBe('U0TLEAD002');
    expect(chart.primaryApprover('U0TLEAD001')).toBe('U0PROJMGR1');
    expect(chart.mayApproveFor('U0TLEAD001', 'U0SALES001')).toBe(true);
    expect(chart.mayApproveFor('U0PROJMGR1', 'U0SALES001')).toBe(true);
    expect(chart.mayApproveFor('U0DEPUTY01', 'U0SALES001')).toBe(true);
    expect(chart.mayApproveFor('U0TLEAD002', 'U0SALES001')).toBe(false);
    expect(chart.mayApproveFor('U0SALES002', 'U0SALES001')).toBe(false);
    expect(chart.mayApproveFor('U0SALES001', 'U0SALES001')).toBe(false);
    expect(chart.mayApproveFor('U0SECRET01', 'U0SALES001')).toBe(false);
  });

  it('lets people see themselves, their subtree, the site office and leadership, and no other team', () => {
    expect(chart.canSee('U0SALES001', 'U0SALES001')).toBe(true);
    expect(chart.canSee('U0SALES001', 'U0SALES002')).toBe(false);
    expect(chart.canSee('U0TLEAD001', 'U0SALES002')).toBe(true);
    expect(chart.canSee('U0TLEAD001', 'U0SALES003')).toBe(false);
    expect(chart.canSee('U0SECRET01', 'U0SALES003')).toBe(true);
    expect(chart.canSee('U0DEPUTY01', 'U0TRAIN001')).toBe(true);
    expect(chart.canSee('U0SALDIR01', 'U0TRAIN001')).toBe(true);
    expect(chart.canSee('U0NOBODY01', 'U0SALES001')).toBe(false);
    expect(chart.visibleTo('U0TLEAD002').sort()).toEqual(['U0SALES003', 'U0TLEAD002', 'U0TRAIN001']);
  });

  it('knows its leadership and has no markets', () => {
    expect(chart.isLeadership('U0PROJMGR1')).toBe(true);
    expect(chart.isLeadership('U0TLEAD001')).toBe(false);
    expect(chart.marketsOf('U0SALES001')).toEqual([]);
  });
});

describe('brand sales chart', () => {
  const chart = brandChart();

  it('walks a rep up the field chain to the general manager', () => {
    expect(chart.chainOf('U0SALREP01')).toEqual([
      'U0KEYACC01',
      'U0UNITMG01',
      'U0MKTMGR01',
      'U0DEPDIR01',
      'U0SALDIR02',
      'U0GENMGR01',
    ]);
  });

  it('has the KAM approve for a rep and the UM for a KAM', () => {
    expect(chart.primaryApprover('U0SALREP01')).toBe('U0KEYACC01');
    expect(chart.primaryApprover('U0KEYACC01')).toBe('U0UNITMG01');
    expect(chart.mayApproveFor('U0UNITMG01', 'U0SALREP01')).toBe(true);
    expect(chart.mayApproveFor('U0UNITMG02', 'U0SALREP01')).toBe(false);
    expect(chart.mayApproveFor('U0CSREP001', 'U0SALREP01')).toBe(false);
  });

  it('names the SLT member who owns each market', () => {
    expect(chart.marketOwner('E')).toBe('U0DEPDIR01');
    expect(chart.marketOwner('N')).toBe('U0SALDIR02');
    expect(chart.findMarket('華東')?.code).toBe('E');
    expect(chart.findMarket('e')?.code).toBe('E');
    expect(chart.marketsOwnedBy('U0DEPDIR01')).toEqual(['SD', 'E', 'S', 'SW']);
  });

  it('gives field people the market of their MM', () => {
    expect(chart.marketsOf('U0SALREP01')).toEqual(['E']);
    expect(chart.marketsOf('U0KEYACC03')).toEqual(['N']);
  });

  it('lets market owners and the SSG serving a market see its people, and keeps markets apart', () => {
    expect(chart.canSee('U0DEPDIR01', 'U0SALREP03')).toBe(true);
    expect(chart.canSee('U0MKTMGR02', 'U0SALREP01')).toBe(false);
    expect(chart.canSee('U0SSGLEAD1', 'U0SALREP01')).toBe(true);
    expect(chart.canSee('U0CSREP002', 'U0SALREP01')).toBe(false);
    expect(chart.canSee('U0CSREP002', 'U0SALREP04')).toBe(true);
    expect(chart.canSee('U0CSREP001', 'U0SALREP04')).toBe(true);
    expect(chart.canSee('U0KEYACC01', 'U0SALREP03')).toBe(false);
    expect(chart.canSee('U0SALREP01', 'U0SALREP02')).toBe(false);
  });

  it('treats the SLT as leadership', () => {
    expect(['U0GENMGR01', 'U0SALDIR02', 'U0DEPDIR01'].every((id) => chart.isLeadership(id))).toBe(true);
    expect(chart.isLeadership('U0MKTMGR01')).toBe(false);
    expect(chart.isSsg('U0SSGLEAD1')).toBe(true);
  });
});
