import { describe, expect, it } from 'vitest';
import { focusDraftProblems } from '../../src/domain/rhythm/focus-draft.ts';

const row = (focus: string, targets = '') => ({ code: 'E', name: '華東', targets, focus });

describe('a focus draft checked before it is saved', () => {
  it('needs the main and both secondary focuses', () => {
    const problems = focusDraftProblems({ main: ' ', secondary1: 'a', secondary2: '', rows: [] });
    expect(problems.map((p) => [p.field, p.problem])).toEqual([
      ['main', 'required'],
      ['secondary2', 'required'],
    ]);
  });

  it('names the market of an over-long row instead of cutting it, counting characters not bytes', () => {
    expect(
      focusDraftProblems({
        main: 'm',
        secondary1: 'a',
        secondary2: 'b',
        rows: [row('陳'.repeat(300), '額'.repeat(200))],
      }),
    ).toEqual([]);
    const problems = focusDraftProblems({
      main: 'm',
      secondary1: 'a',
      secondary2: 'b',
      rows: [row('陳'.repeat(301), '額'.repeat(201))],
    });
    expect(problems).toEqual([
      { field: 'targets:E', problem: 'too_long', label: 'row_targets', market: '華東', max: 200 },
      { field: 'focus:E', problem: 'too_long', label: 'row_focus', market: '華東', max: 300 },
    ]);
  });
});
