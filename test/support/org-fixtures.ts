import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { OrgChart, type OrgChartData } from '../../src/domain/org/org-chart.ts';
import { parseOrgFile } from '../../src/domain/org/parse-org-file.ts';
import type { Role } from '../../src/domain/org/roles.ts';
import { BRAND_ORG, FIXTURES, PROPERTY_ORG } from './harness.ts';

/** An OrgChart straight from a fixture file, with no database. */
export function chartFromFile(file: string): OrgChart {
  const parsed = parseOrgFile(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const org = parsed.org;
  const data: OrgChartData = {
    orgId: 1,
    name: org.organisation.name,
    template: org.organisation.template,
    timezone: org.organisation.timezone,
    locale: org.organisation.locale,
    channels: org.channels,
    admins: org.admins,
    people: org.people.map((p) => ({
      slackId: p.slack,
      name: p.name,
      role: p.role as Role,
      reportsTo: p.reports_to ?? [],
      markets: p.markets ?? [],
      accounts: p.accounts ?? [],
      duties: p.duties ?? [],
      area: p.area,
    })),
    markets: org.markets.map((m) => ({ code: m.code, name: m.name, owner: m.owner ?? '' })),
  };
  return new OrgChart(data);
}

export const propertyChart = (): OrgChart => chartFromFile(PROPERTY_ORG);
export const brandChart = (): OrgChart => chartFromFile(BRAND_ORG);

/** The property fixture names its units file (`units: units-property.csv`): a copy of it needs the units beside it. */
export function copyUnitsBeside(orgFile: string): string {
  copyFileSync(path.join(FIXTURES, 'units-property.csv'), path.join(path.dirname(orgFile), 'units-property.csv'));
  return orgFile;
}
