import type { ListenerRouter } from '../listener-router.ts';
import type { BlockAction } from '@slack/bolt';
import { completeTask, loadOwnAssignment } from '../../../services/tasks/answer-task.ts';
import { TaskIds } from '../../../views/ids.ts';
import { reasonModal } from '../../../views/reason-modal.ts';
import { attendanceModal, commentModal, researchModal } from '../../../views/tasks/task-modals.ts';
import { attendanceSheet, MARK_MAX } from '../../../services/tasks/record-attendance.ts';
import { AppError, ErrorCode } from '../../../lib/app-error.ts';
import type { AppContext } from '../../app-context.ts';
import type { Asker } from '../../middleware/identify-asker.ts';
import { onButton } from '../on-button.ts';

/** The buttons on an assignee's task card: only the assignee may press them (checked on every click). */
export function registerTaskActions(app: ListenerRouter, ctx: AppContext): void {
  const answer = (asker: Asker, body: BlockAction, value: string) => ({
    db: ctx.db,
    clock: ctx.clock,
    chart: asker.chart,
    assignmentId: Number(value),
    actorId: body.user.id,
  });

  onButton(app, ctx, TaskIds.done, ({ body, asker, value }) => completeTask(answer(asker, body, value)));

  onButton(app, ctx, TaskIds.cannot, async ({ body, client, asker, value }) => {
    const { assignment } = await loadOwnAssignment(answer(asker, body, value));
    const view = reasonModal({
      locale: asker.locale,
      callbackId: TaskIds.cannotCallback,
      privateMetadata: JSON.stringify({ assignmentId: assignment.id }),
      titleKey: 'task.cannot.title',
      labelKey: 'task.cannot.label',
      submitKey: 'task.cannot.submit',
      blockId: TaskIds.reasonBlock,
    });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });

  onButton(app, ctx, TaskIds.comment, async ({ body, client, asker, value }) => {
    const { assignment } = await loadOwnAssignment(answer(asker, body, value), false);
    await client.views.open({ trigger_id: body.trigger_id, view: commentModal(asker.locale, assignment.id) });
  });

  onButton(app, ctx, TaskIds.research, async ({ body, client, asker, value }) => {
    const { task, assignment } = await loadOwnAssignment(answer(asker, body, value), false);
    if (task.kind !== 'research')
      throw new AppError(ErrorCode.InvalidInput, {}, 'not research', 'research.error.not_research');
    await client.views.open({ trigger_id: body.trigger_id, view: researchModal(asker.locale, assignment.id) });
  });

  // a training session's attendance and marks: whoever handed it down, or those above them
  onButton(app, ctx, TaskIds.attendance, async ({ body, client, asker, value }) => {
    const { chart } = asker;
    const sheet = await attendanceSheet({ db: ctx.db, chart, taskId: Number(value), recorderId: body.user.id });
    const people = sheet.assignments.map((a) => ({
      assignmentId: a.id,
      name: chart.nameOf(a.assigneeId),
      attendance: a.attendance,
      mark: a.mark,
    }));
    const view = attendanceModal(asker.locale, sheet.task.id, people, MARK_MAX);
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
}
