import type { ListenerRouter } from '../listener-router.ts';
import type { BlockAction } from '@slack/bolt';
import { acknowledgeIssue, escalateIssue, loadActionableIssue } from '../../../services/issues/act-on-issue.ts';
import { markFeedbackRead } from '../../../services/feedback/feedback.ts';
import { parseFeedbackReadValue } from '../../../views/feedback/feedback-messages.ts';
import { assignableBy } from '../../../services/issues/issue-access.ts';
import { FeedbackIds, IssueIds } from '../../../views/ids.ts';
import { assignModal } from '../../../views/issues/issue-modals.ts';
import { reasonModal } from '../../../views/reason-modal.ts';
import type { AppContext } from '../../app-context.ts';
import type { Asker } from '../../middleware/identify-asker.ts';
import { onButton } from '../on-button.ts';

/** The buttons on issue cards (checked on every click) and the feedback "read" button. */
export function registerIssueActions(app: ListenerRouter, ctx: AppContext): void {
  const issue = (asker: Asker, body: BlockAction, value: string) => ({
    db: ctx.db,
    clock: ctx.clock,
    chart: asker.chart,
    config: ctx.config,
    issueId: Number(value),
    actorId: body.user.id,
  });

  onButton(app, ctx, IssueIds.acknowledge, ({ body, asker, value }) => acknowledgeIssue(issue(asker, body, value)));
  onButton(app, ctx, IssueIds.escalate, ({ body, asker, value }) => escalateIssue(issue(asker, body, value)));

  onButton(app, ctx, IssueIds.assign, async ({ body, client, asker, value }) => {
    const found = await loadActionableIssue(issue(asker, body, value));
    const { chart } = asker;
    const people = assignableBy(chart, found, body.user.id).map((id) => ({ id, name: chart.nameOf(id) }));
    await client.views.open({ trigger_id: body.trigger_id, view: assignModal(asker.locale, found.id, people) });
  });

  onButton(app, ctx, IssueIds.resolve, async ({ body, client, asker, value }) => {
    const found = await loadActionableIssue(issue(asker, body, value));
    const view = reasonModal({
      locale: asker.locale,
      callbackId: IssueIds.resolveCallback,
      privateMetadata: JSON.stringify({ issueId: found.id }),
      titleKey: 'issue.resolve.title',
      labelKey: 'issue.resolve.label',
      submitKey: 'issue.resolve.submit',
      blockId: IssueIds.resolutionBlock,
    });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });

  onButton(app, ctx, FeedbackIds.markRead, ({ body, asker, value }) => {
    const { feedbackId, channelCopy } = parseFeedbackReadValue(value);
    return markFeedbackRead({
      db: ctx.db,
      clock: ctx.clock,
      chart: asker.chart,
      feedbackId,
      copyOf: channelCopy,
      readerId: body.user.id,
      onceOnly: true,
    });
  });
}
