import type { Task, TaskAssignment } from '../../db/tasks/task-repo.ts';
import { t, tFor, type Locale } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { actions, button, context, header, section, type Block } from '../blocks.ts';
import { TaskIds } from '../ids.ts';

export interface TaskViewContext {
  locale: Locale;
  timeZone: string;
  nameOf: (slackId: string) => string;
  /** Today in the organisation's time zone, yyyy-MM-dd: what is late. */
  today: string;
}

const kindOf = (locale: Locale, task: Pick<Task, 'kind'>) => tFor(locale, 'task.kind', task.kind);

/** Names for a card, at most `max` of them and "and N more". */
export function nameList(c: TaskViewContext, ids: string[], max = 15): string {
  const separator = c.locale === 'en' ? ', ' : '、';
  const shown = ids.slice(0, max).map((id) => escapeMrkdwn(c.nameOf(id)));
  const more = ids.length > max ? ` ${t(c.locale, 'task.card.more', { count: ids.length - max })}` : '';
  return shown.join(separator) + more;
}

/** The task as both cards show it; a finished one (`ticked`) has its checklist ticked. */
function taskBody(task: Task, c: TaskViewContext, status: string, ticked: boolean): Block[] {
  const { locale } = c;
  const blocks: Block[] = [
    header(t(locale, 'task.card.header', { kind: kindOf(locale, task), title: truncate(task.title, 100) })),
    section(
      t(locale, 'task.card.meta', { assigner: escapeMrkdwn(c.nameOf(task.assignerId)), due: task.dueDate, status }),
    ),
  ];
  if (task.description) blocks.push(section(escapeMrkdwn(task.description)));
  const items = JSON.parse(task.checklist) as string[];
  if (items.length > 0) {
    const list = items.map((item) => `${ticked ? '☑' : '☐'} ${escapeMrkdwn(item)}`).join('\n');
    blocks.push(section(t(locale, 'task.card.checklist', { items: list })));
  }
  return blocks;
}

/** The assignee's card: the task, and until they answer it, Done, Comment and Can't-do. */
export function assigneeCard(task: Task, a: TaskAssignment, c: TaskViewContext): { text: string; blocks: Block[] } {
  const { locale } = c;
  const late = a.status === 'open' && c.today > task.dueDate;
  const status = late ? t(locale, 'task.status.late') : tFor(locale, 'task.status', a.status);
  const blocks = taskBody(task, c, status, a.status === 'done');
  const at = a.finishedAt ? formatDateTime(a.finishedAt, c.timeZone) : '';
  if (a.status === 'done') blocks.push(context(t(locale, 'task.card.done', { at })));
  if (a.status === 'cannot')
    blocks.push(context(t(locale, 'task.card.cannot', { at, reason: escapeMrkdwn(a.reason ?? '') })));
  if (a.status === 'open') {
    const value = String(a.id);
    blocks.push(
      actions(TaskIds.actionsBlock, [
        button(t(locale, 'task.button.done'), TaskIds.done, value, 'primary'),
        ...(task.kind === 'research' ? [button(t(locale, 'task.button.research'), TaskIds.research, value)] : []),
        button(t(locale, 'task.button.comment'), TaskIds.comment, value),
        button(t(locale, 'task.button.cannot'), TaskIds.cannot, value, 'danger'),
      ]),
    );
  } else if (task.kind === 'research') {
    blocks.push(
      actions(TaskIds.actionsBlock, [button(t(locale, 'task.button.research'), TaskIds.research, String(a.id))]),
    );
  }
  // the notification text is read as mrkdwn: a typed <!channel> must not ping
  const text = t(locale, 'task.card.header', {
    kind: kindOf(locale, task),
    title: escapeMrkdwn(truncate(task.title, 100)),
  });
  return { text, blocks };
}

/** The assigner's card: progress ("7/9 完成"), who is late and who cannot; rewritten in place. */
export function assignerCard(
  task: Task,
  assignments: TaskAssignment[],
  c: TaskViewContext,
): { text: string; blocks: Block[] } {
  const { locale } = c;
  const done = assignments.filter((a) => a.status === 'done').length;
  const cannot = assignments.filter((a) => a.status === 'cannot');
  const late = assignments.filter((a) => a.status === 'open' && c.today > task.dueDate);
  const finished = done + cannot.length === assignments.length;
  const status = t(locale, finished ? 'task.status.done' : late.length > 0 ? 'task.status.late' : 'task.status.open');
  const blocks = taskBody(task, c, status, done === assignments.length);
  const who =
    task.scope === 'person'
      ? escapeMrkdwn(c.nameOf(task.scopeOf))
      : `${escapeMrkdwn(c.nameOf(task.scopeOf))}（${tFor(locale, 'task.scope', task.scope)}）`;
  const progress =
    t(locale, 'task.card.progress', { done, total: assignments.length }) +
    (cannot.length > 0 ? t(locale, 'task.card.progress_cannot', { count: cannot.length }) : '');
  blocks.push(section(`${t(locale, 'task.card.to', { who })}\n${progress}`, 'task_progress'));
  if (late.length > 0)
    blocks.push(
      context(
        t(locale, 'task.card.late', {
          names: nameList(
            c,
            late.map((a) => a.assigneeId),
          ),
        }),
      ),
    );
  if (cannot.length > 0)
    blocks.push(
      context(
        t(locale, 'task.card.cannot_list', {
          names: nameList(
            c,
            cannot.map((a) => a.assigneeId),
          ),
        }),
      ),
    );
  if (task.kind === 'training') blocks.push(...attendanceBlocks(task, assignments, locale));
  const title = escapeMrkdwn(truncate(task.title, 100));
  const heading = t(locale, 'task.card.header', { kind: kindOf(locale, task), title });
  const text = `${heading} ${t(locale, 'task.card.progress', { done, total: assignments.length })}`;
  return { text, blocks };
}

/** A training session on the assigner's card: how many attended once recorded, and the button to record it. */
function attendanceBlocks(task: Task, assignments: TaskAssignment[], locale: Locale): Block[] {
  const recorded = assignments.filter((a) => a.attendance !== null);
  const present = recorded.filter((a) => a.attendance === 'present').length;
  const count = t(locale, 'task.card.attendance', { present, total: assignments.length });
  return [
    ...(recorded.length > 0 ? [context(count)] : []),
    actions(TaskIds.actionsBlock, [button(t(locale, 'task.button.attendance'), TaskIds.attendance, String(task.id))]),
  ];
}
