import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { acknowledgeIssue, escalateIssue, loadActionableIssue } from '../../../services/act-on-issue.ts';
import { markFeedbackRead } from '../../../services/feedback.ts';
import { FeedbackIds, IssueIds } from '../../../views/ids.ts';
import { assignModal } from '../../../views/issue-modals.ts';
import { reasonModal } from '../../../views/reason-modal.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, requireMember } from '../asker-of.ts';
import { answerActionError } from '../reply-ephemeral.ts';

const idOf = (body: BlockAction): number => Number((body.actions[0] as ButtonAction).value);

/** The buttons on issue cards (checked on every click) and the feedback "read" button. */
export function registerIssueActions(app: App, ctx: AppContext): void {
  const base = (asker: ReturnType<typeof askerOf>, body: BlockAction) => ({ db: ctx.db, clock: ctx.clock, chart: asker.chart, config: ctx.config, issueId: idOf(body), actorId: body.user.id });

  app.action<BlockAction>(IssueIds.acknowledge, async ({ ack, body, client, context }) => {
    await ack();
    const asker = askerOf(context);
    try {
      requireMember(asker);
      await acknowledgeIssue(base(asker, body));
      ctx.outbox.nudge();
    } catch (error) {
      await answerActionError(error, body, client, asker, ctx);
    }
  });

  app.action<BlockAction>(IssueIds.escalate, async ({ ack, body, client, context }) => {
    await ack();
    const asker = askerOf(context);
    try {
      requireMember(asker);
      await escalateIssue(base(asker, body));
      ctx.outbox.nudge();
    } catch (error) {
      await answerActionError(error, body, client, asker, ctx);
    }
  });

  app.action<BlockAction>(IssueIds.assign, async ({ ack, body, client, context }) => {
    await ack();
    const asker = askerOf(context);
    try {
      requireMember(asker);
      const issue = await loadActionableIssue(base(asker, body));
      const { chart } = asker;
      const candidates = [body.user.id, ...chart.allReports(body.user.id), ...(issue.category.startsWith('osb_') ? chart.people.filter((p) => chart.isSsg(p.slackId)).map((p) => p.slackId) : [])];
      const people = [...new Set(candidates)].map((id) => ({ id, name: chart.nameOf(id) }));
      await client.views.open({ trigger_id: body.trigger_id, view: assignModal(asker.locale, issue.id, people) as never });
    } catch (error) {
      await answerActionError(error, body, client, asker, ctx);
    }
  });

  app.action<BlockAction>(IssueIds.resolve, async ({ ack, body, client, context }) => {
    await ack();
    const asker = askerOf(context);
    try {
      requireMember(asker);
      const issue = await loadActionableIssue(base(asker, body));
      const view = reasonModal({ locale: asker.locale, callbackId: IssueIds.resolveCallback, privateMetadata: JSON.stringify({ issueId: issue.id }), titleKey: 'issue.resolve.title', labelKey: 'issue.resolve.label', submitKey: 'issue.resolve.submit', blockId: IssueIds.resolutionBlock });
      await client.views.open({ trigger_id: body.trigger_id, view: view as never });
    } catch (error) {
      await answerActionError(error, body, client, asker, ctx);
    }
  });

  app.action<BlockAction>(FeedbackIds.markRead, async ({ ack, body, client, context }) => {
    await ack();
    const asker = askerOf(context);
    try {
      requireMember(asker);
      await markFeedbackRead({ db: ctx.db, clock: ctx.clock, chart: asker.chart, feedbackId: idOf(body), readerId: body.user.id });
      ctx.outbox.nudge();
    } catch (error) {
      await answerActionError(error, body, client, asker, ctx);
    }
  });
}
