import { describe, expect, it } from 'vitest';
import { assigneesFor, validateTask } from '../../src/domain/tasks/task-rules.ts';
import { isLate, taskMoments } from '../../src/domain/tasks/task-dates.ts';
import { competitorKey, validateResearch } from '../../src/domain/tasks/research-rules.ts';
import { brandChart, propertyChart } from '../support/org-fixtures.ts';

const calendar = {
  timeZone: 'Asia/Shanghai',
  dayStartMinute: 540,
  dayEndMinute: 1080,
  holidays: new Set(['2026-12-01']),
  makeUpDays: new Set<string>(),
};

describe('who a task reaches', () => {
  const chart = propertyChart();
  it('goes only down the assigner’s own chain', () => {
    expect(assigneesFor(chart, 'U0TLEAD001', 'person', 'U0SALES003')).toEqual({ ok: false, reason: 'outside_chain' });
    expect(assigneesFor(chart, 'U0SALES001', 'person', 'U0SALES002')).toEqual({ ok: false, reason: 'no_reports' });
    expect(assigneesFor(chart, 'U0TLEAD001', 'person', 'U0TLEAD001')).toEqual({ ok: false, reason: 'self' });
    expect(assigneesFor(chart, 'U0TLEAD001', 'person', 'U0SALES001')).toEqual({ ok: true, ids: ['U0SALES001'] });
  });
  it('reaches a team (direct reports) or a whole subtree, the assigner’s own included', () => {
    expect(assigneesFor(chart, 'U0PROJMGR1', 'team', 'U0TLEAD002')).toEqual({
      ok: true,
      ids: ['U0SALES003', 'U0TRAIN001'],
    });
    const subtree = assigneesFor(chart, 'U0PROJMGR1', 'subtree', 'U0PROJMGR1');
    expect(subtree.ok && subtree.ids.length).toBe(8);
    expect(assigneesFor(chart, 'U0PROJMGR1', 'team', 'U0SALES001')).toEqual({ ok: false, reason: 'no_team' });
    const brand = brandChart();
    const all = assigneesFor(brand, 'U0MKTMGR01', 'subtree', 'U0MKTMGR01');
    expect(all.ok && all.ids.every((id) => brand.isAbove('U0MKTMGR01', id))).toBe(true);
  });
});

describe('task form', () => {
  it('refuses a past due date, a missing title and a long checklist', () => {
    const checked = validateTask(
      {
        title: '',
        dueDate: '2026-11-01',
        kind: 'instruction',
        assignee: 'U1',
        scope: 'person',
        checklist: 'x\n'.repeat(21),
      },
      '2026-11-26',
    );
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.map((e) => e.field).sort()).toEqual(['checklist', 'dueDate', 'title']);
  });
  it('reads the checklist one item a line, bullets dropped', () => {
    const checked = validateTask(
      { title: 'x', dueDate: '2026-11-26', kind: 'research', assignee: 'U1', scope: 'team', checklist: '- a\n\n• b' },
      '2026-11-26',
    );
    expect(checked.ok && checked.input.checklist).toEqual(['a', 'b']);
  });
});

describe('task dates in working days', () => {
  it('reminds the working day before, is overdue the working day after, escalates N working days after', () => {
    // due Monday 2026-11-30; Tuesday 12-01 is a holiday
    const m = taskMoments(calendar, '2026-11-30', 2);
    expect(m.remindAt.toISOString()).toBe('2026-11-27T01:00:00.000Z'); // Friday 09:00
    expect(m.overdueAt.toISOString()).toBe('2026-12-02T01:00:00.000Z'); // Wednesday 09:00
    expect(m.escalateAt.toISOString()).toBe('2026-12-03T01:00:00.000Z'); // Thursday 09:00
    expect(isLate('2026-11-30', new Date('2026-11-30T15:59:00Z'), 'Asia/Shanghai')).toBe(false);
    expect(isLate('2026-11-30', new Date('2026-11-30T16:00:00Z'), 'Asia/Shanghai')).toBe(true);
  });
});

describe('research results', () => {
  it('needs competitor, location and price range, and folds names for search', () => {
    const bad = validateResearch({ competitor: ' ', location: 'x' });
    expect(bad.ok).toBe(false);
    expect(competitorKey('Ｖａｎｋｅ 翡翠 公園！')).toBe('vanke翡翠公園');
  });
});
