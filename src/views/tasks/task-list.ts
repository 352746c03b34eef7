import type { Task, TaskAssignment } from '../../db/tasks/task-repo.ts';
import { t, tFor } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { capBlocks, header, section, type Block } from '../blocks.ts';
import type { TaskViewContext } from './task-cards.ts';

export interface TaskList {
  mine: { assignment: TaskAssignment; task: Task }[];
  mineMore: boolean;
  assigned: { task: Task; total: number; done: number; cannot: number; late: number }[];
  assignedMore: boolean;
}

const kind = (c: TaskViewContext, task: Task) => tFor(c.locale, 'task.kind', task.kind);

function mineLines(list: TaskList, c: TaskViewContext): string[] {
  return list.mine.map(({ assignment: a, task }) => {
    const late = a.status === 'open' && c.today > task.dueDate;
    const status = late ? t(c.locale, 'task.status.late') : tFor(c.locale, 'task.status', a.status);
    const title = escapeMrkdwn(truncate(task.title, 80));
    return t(c.locale, 'task.list.mine_line', { kind: kind(c, task), title, due: task.dueDate, status });
  });
}

function assignedLines(list: TaskList, c: TaskViewContext): string[] {
  return list.assigned.map((p) =>
    t(c.locale, 'task.list.assigned_line', {
      kind: kind(c, p.task),
      title: escapeMrkdwn(truncate(p.task.title, 80)),
      due: p.task.dueDate,
      done: p.done,
      total: p.total,
      late: p.late > 0 ? t(c.locale, 'task.list.late_count', { count: p.late }) : '',
    }),
  );
}

const part = (c: TaskViewContext, lines: string[], more: boolean): string =>
  lines.length === 0
    ? t(c.locale, 'task.list.empty')
    : lines.join('\n') + (more ? `\n${t(c.locale, 'task.list.first', { count: lines.length })}` : '');

/** `/task list`: mine, then those I handed down with "7/9 完成" and how many are late. */
export function taskListView(list: TaskList, c: TaskViewContext): { text: string; blocks: Block[] } {
  const blocks: Block[] = [
    section(`${t(c.locale, 'task.list.mine')}\n${part(c, mineLines(list, c), list.mineMore)}`),
    section(`${t(c.locale, 'task.list.assigned')}\n${part(c, assignedLines(list, c), list.assignedMore)}`),
  ];
  return { text: t(c.locale, 'task.list.mine'), blocks: capBlocks(blocks) };
}

/** The tasks section of App Home: my open tasks, and what I handed down. */
export function taskHomeBlocks(list: TaskList, c: TaskViewContext): Block[] {
  const open = { ...list, mine: list.mine.filter((m) => m.assignment.status === 'open') };
  const blocks: Block[] = [
    header(t(c.locale, 'task.home.title')),
    section(`${t(c.locale, 'task.home.mine', { count: open.mine.length })}\n${part(c, mineLines(open, c), false)}`),
  ];
  if (list.assigned.length > 0)
    blocks.push(
      section(`${t(c.locale, 'task.home.assigned')}\n${part(c, assignedLines(list, c).slice(0, 10), false)}`),
    );
  return blocks;
}
