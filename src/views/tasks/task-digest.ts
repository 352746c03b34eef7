import type { Task, TaskAssignment } from '../../db/tasks/task-repo.ts';
import { t, tFor } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { capBlocks, header, section, type Block } from '../blocks.ts';
import type { TaskViewContext } from './task-cards.ts';

/** Lines per section, and sections per message: inside Slack's limits however large the subtree. */
const LINES_PER_SECTION = 25;
const MAX_LINES = 200;

/** The Monday digest of a manager's subtree: open tasks by due date, late ones marked, counts first. */
export function taskDigest(
  open: { assignment: TaskAssignment; task: Task }[],
  c: TaskViewContext,
): { text: string; blocks: Block[] } {
  const late = open.filter(({ task }) => c.today > task.dueDate).length;
  const title = t(c.locale, 'task.digest.title', { day: c.today, open: open.length, late });
  const lines = open.slice(0, MAX_LINES).map(({ assignment: a, task }) =>
    t(c.locale, 'task.digest.line', {
      name: escapeMrkdwn(c.nameOf(a.assigneeId)),
      kind: tFor(c.locale, 'task.kind', task.kind),
      title: escapeMrkdwn(truncate(task.title, 80)),
      due: task.dueDate,
      late: c.today > task.dueDate ? t(c.locale, 'task.digest.late_mark') : '',
    }),
  );
  if (open.length > MAX_LINES) lines.push(t(c.locale, 'task.list.more', { count: open.length - MAX_LINES }));
  const blocks: Block[] = [header(truncate(title, 150))];
  for (let i = 0; i < lines.length; i += LINES_PER_SECTION)
    blocks.push(section(lines.slice(i, i + LINES_PER_SECTION).join('\n')));
  return { text: title, blocks: capBlocks(blocks) };
}
