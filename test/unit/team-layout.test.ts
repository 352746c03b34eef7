import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollUp } from '../../src/domain/targets/roll-up.ts';
import type { TargetLookup, TargetScope } from '../../src/domain/targets/person-target.ts';
import { teamLayout } from '../../src/domain/targets/team-layout.ts';
import { teamRows, teamTargets } from '../../src/domain/targets/team-rows.ts';
import { hasTargets } from '../../src/services/targets/target-access.ts';
import { brandChart, propertyChart } from '../support/org-fixtures.ts';

describe('a team view added up by groups in the database (the layout of /targets team)', () => {
  for (const [name, chart] of [
    ['the brand org', brandChart()],
    ['the property site', propertyChart()],
  ] as const) {
    it(`gives every manager of ${name} the roll-up's figures, or falls back where someone reports to two`, () => {
      const managers = chart.people.map((p) => p.slackId).filter((id) => chart.directReports(id).length > 0);
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 50 }), (values) => {
          const own = new Map(chart.people.map((p, i) => [p.slackId, values[i % values.length]]));
          for (const managerId of managers) {
            const layout = teamLayout(chart, managerId, (id) => hasTargets(chart, id));
            const rolled = rollUp(
              managerId,
              (id) => chart.directReports(id),
              (id) => own.get(id) ?? 0,
            );
            if (!layout.groups) continue; // not a tree: the service rolls up itself, as before
            const sums = new Map<number, number>();
            for (const [id, group] of Object.entries(JSON.parse(layout.groups.groupOf) as Record<string, number>))
              sums.set(group, (sums.get(group) ?? 0) + (own.get(id) ?? 0));
            for (const row of layout.rows.filter((r) => r.kind === 'person'))
              expect(sums.get(layout.groups.ofRow.get(row.id) as number)).toBe(rolled.get(row.id));
            for (const id of layout.rest) expect(sums.get(layout.groups.ofRest.get(id) as number)).toBe(own.get(id));
            expect([...sums.values()].reduce((a, b) => a + b, 0)).toBe(rolled.get(managerId));
          }
        }),
        { numRuns: 20 },
      );
    });
  }

  it('finds the fixtures trees, so the grouped read is the one tested end to end', () => {
    const chart = brandChart();
    const top = chart.people.find((p) => chart.managerLevels(p.slackId).length === 0)!.slackId;
    expect(teamLayout(chart, top, (id) => hasTargets(chart, id)).groups).toBeDefined();
  });
});

describe('the target walk of a team view skips subtrees that hold no target', () => {
  const chart = brandChart();
  const people = chart.people.map((p) => p.slackId);
  const codes = chart.data.markets.map((m) => m.code);
  it('gives the same own and row targets as the full walk, for random people and markets holding targets', () => {
    fc.assert(
      fc.property(
        fc.subarray(people),
        fc.subarray(codes),
        fc.option(fc.integer({ min: 1, max: 1000 })),
        (holders, markets, company) => {
          const full: TargetLookup = (scope) =>
            scope.kind === 'org'
              ? (company ?? null)
              : (scope.kind === 'person' ? holders : markets).includes(scope.id)
                ? scope.id.length * 7
                : null;
          const skipping: TargetLookup = Object.assign((scope: TargetScope, metric: string) => full(scope, metric), {
            held: () => ({ people: new Set(holders), markets: new Set(markets) }),
          });
          for (const id of people.filter((p) => chart.directReports(p).length > 0)) {
            const rows = teamRows(chart, id, (x) => hasTargets(chart, x));
            expect(teamTargets(chart, id, rows, 'amount', skipping), id).toEqual(
              teamTargets(chart, id, rows, 'amount', full),
            );
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
