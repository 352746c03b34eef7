import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elapsedFraction, monthsOf, parsePeriod } from '../../src/domain/targets/periods.ts';
import { paceOf, progressBar, progressOf } from '../../src/domain/targets/progress.ts';
import type { TargetLookup } from '../../src/domain/targets/person-target.ts';
import { rollUp, splitProportionally } from '../../src/domain/targets/roll-up.ts';
import { teamRows, teamTargets } from '../../src/domain/targets/team-rows.ts';
import { hasTargets } from '../../src/services/targets/target-access.ts';
import { brandChart } from '../support/org-fixtures.ts';

/** A random org tree: node i reports to a node before it. */
const trees = fc.integer({ min: 1, max: 300 }).chain((size) =>
  fc.tuple(
    fc
      .array(fc.nat(), { minLength: size - 1, maxLength: size - 1 })
      .map((parents) => parents.map((p, i) => p % (i + 1))),
    fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: size, maxLength: size }),
  ),
);

describe('roll-ups (property-based)', () => {
  it('every node equals the sum of the own figures in its subtree, and the root the sum of all', () => {
    fc.assert(
      fc.property(trees, ([parents, values]) => {
        const children = new Map<string, string[]>();
        parents.forEach((parent, i) => {
          const list = children.get(String(parent)) ?? [];
          list.push(String(i + 1));
          children.set(String(parent), list);
        });
        const totals = rollUp(
          '0',
          (id) => children.get(id) ?? [],
          (id) => values[Number(id)],
        );
        expect(totals.get('0')).toBe(values.reduce((a, b) => a + b, 0));
        const subtreeSum = (id: string): number =>
          values[Number(id)] + (children.get(id) ?? []).reduce((sum, child) => sum + subtreeSum(child), 0);
        for (const [id, total] of totals) expect(total).toBe(subtreeSum(id));
        // leaves are their own figure
        for (let i = 0; i < values.length; i += 1)
          if (!children.has(String(i))) expect(totals.get(String(i))).toBe(values[i]);
      }),
      { numRuns: 300 },
    );
  });

  it('a split never loses or invents any amount, and follows the weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 })), { minLength: 1, maxLength: 200 }),
        (total, weights) => {
          const parts = splitProportionally(total, weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          for (const part of parts) expect(Number.isInteger(part) && part >= 0).toBe(true);
          const sum = weights.reduce((a, b) => a + b, 0);
          if (sum > 0)
            for (const [i, part] of parts.entries())
              expect(Math.abs(part - (weights[i] / sum) * total)).toBeLessThan(1);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('periods and pace', () => {
  const now = new Date('2026-11-26T02:00:00Z');
  it('reads periods in both languages', () => {
    expect(parsePeriod('本月', now, 'Asia/Shanghai')).toEqual({ kind: 'month', year: 2026, month: 11 });
    expect(parsePeriod('本季', now, 'Asia/Shanghai')).toEqual({ kind: 'quarter', year: 2026, quarter: 4 });
    expect(parsePeriod('2026-Q3', now, 'Asia/Shanghai')).toEqual({ kind: 'quarter', year: 2026, quarter: 3 });
    expect(parsePeriod('2026q1', now, 'Asia/Shanghai')).toEqual({ kind: 'quarter', year: 2026, quarter: 1 });
    expect(parsePeriod('2026-13', now, 'Asia/Shanghai')).toBeUndefined();
    expect(monthsOf({ kind: 'quarter', year: 2026, quarter: 3 })).toEqual(['2026-07', '2026-08', '2026-09']);
  });

  it('measures the period gone in local time, and the pace against it', () => {
    expect(
      elapsedFraction({ kind: 'month', year: 2026, month: 11 }, new Date('2026-11-15T16:00:00Z'), 'Asia/Shanghai'),
    ).toBeCloseTo(0.5, 5);
    expect(elapsedFraction({ kind: 'month', year: 2026, month: 12 }, now, 'Asia/Shanghai')).toBe(0);
    const p = progressOf(1000, 450, 0.6);
    expect(p.attainment).toBe(45);
    expect(Math.round(p.pace!)).toBe(-15);
    expect(progressBar(45)).toBe('▓▓▓▓▓░░░░░');
    expect(progressBar(130)).toBe('▓▓▓▓▓▓▓▓▓▓');
    expect(progressOf(null, 10, 0.5).attainment).toBeNull();
  });

  it('paces an amount by the period gone, never a percentage (coverage, share)', () => {
    expect(paceOf('amount', 0.6)).toBe(0.6);
    expect(paceOf('visits', 0.25)).toBe(0.25);
    for (const metric of ['coverage', 'share']) expect(progressOf(60, 30, paceOf(metric, 0.6)).unpaced).toBe(true);
  });
});

describe('team totals on the brand chart (property-based)', () => {
  const chart = brandChart();
  const carries = (id: string) => hasTargets(chart, id);
  const markets = chart.data.markets.map((m) => m.code);
  const leaders = chart.people.map((p) => p.slackId).filter((id) => teamRows(chart, id, carries).length > 0);

  /** The company split across markets, each market's manager splitting it down his line, all with random weights. */
  const splits = fc.record({
    company: fc.integer({ min: 0, max: 10_000_000_000 }),
    weights: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 30, maxLength: 30 }),
    unset: fc.array(fc.boolean(), { minLength: markets.length, maxLength: markets.length }),
  });
  const targetsOf = ({ company, weights, unset }: { company: number; weights: number[]; unset: boolean[] }) => {
    const set = new Map<string, number>([['org:', company]]);
    let k = 0;
    const next = () => weights[k++ % weights.length];
    const splitDown = (id: string, value: number) => {
      const kids = chart.directReports(id).filter(carries);
      splitProportionally(value, kids.map(next)).forEach((part, i) => {
        set.set(`person:${kids[i]}`, part);
        splitDown(kids[i], part);
      });
    };
    splitProportionally(company, markets.map(next)).forEach((part, i) => {
      if (unset[i]) return; // a market left without a target, and nothing below it
      set.set(`market:${markets[i]}`, part);
      const manager = chart.people.find((p) => p.role === 'market_manager' && p.markets.includes(markets[i]));
      if (manager) splitDown(manager.slackId, part);
    });
    const lookup: TargetLookup = (scope, metric) =>
      metric === 'amount' ? (set.get(`${scope.kind}:${scope.id}`) ?? null) : null;
    return lookup;
  };

  it("shows a total that is the sum of the rows shown, and the manager's own target equal to it below the top", () => {
    fc.assert(
      fc.property(splits, (split) => {
        const lookup = targetsOf(split);
        const marketSum = (codes: string[]) =>
          codes.reduce((sum, code) => sum + (lookup({ kind: 'market', id: code }, 'amount') ?? 0), 0);
        for (const id of leaders) {
          const rows = teamRows(chart, id, carries);
          const t = teamTargets(chart, id, rows, 'amount', lookup);
          const shown = t.rows.filter((v): v is number => v !== null);
          expect(t.rowsTotal ?? 0, id).toBe(shown.reduce((a, b) => a + b, 0));
          if (id !== 'U0GENMGR01') expect(t.own ?? 0, id).toBe(t.rowsTotal ?? 0);
        }
        // the director's rows and his own target are the whole split, each market once; the top has the company's
        const director = teamTargets(chart, 'U0SALDIR02', teamRows(chart, 'U0SALDIR02', carries), 'amount', lookup);
        expect(director.rowsTotal ?? 0).toBe(marketSum(markets));
        expect(director.own ?? 0).toBe(marketSum(markets));
        expect(teamTargets(chart, 'U0GENMGR01', [], 'amount', lookup).own).toBe(split.company);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves no market an SLT member runs out of their rows', () => {
    for (const owner of ['U0SALDIR02', 'U0DEPDIR01']) {
      const rows = teamRows(chart, owner, carries);
      const covered = new Set(
        rows.flatMap((r) =>
          r.kind === 'market'
            ? [r.id]
            : [r.id, ...chart.allReports(r.id)].flatMap((id) =>
                chart.person(id)?.role === 'market_manager' ? chart.person(id)!.markets : [],
              ),
        ),
      );
      for (const code of chart.marketsOwnedBy(owner)) expect(covered.has(code), `${owner} ${code}`).toBe(true);
    }
    expect(
      teamRows(chart, 'U0SALDIR02', carries)
        .filter((r) => r.kind === 'market')
        .map((r) => r.id),
    ).toEqual(['NE', 'NW', 'C']);
  });
});
