import type { ListenerRouter } from '../listener-router.ts';
import { t } from '../../../i18n/index.ts';
import { listIssues, showIssue } from '../../../services/issues/list-issues.ts';
import { issueViewFor } from '../../../services/issues/issue-messages.ts';
import { errorText } from '../../../views/error-text.ts';
import { issueCard } from '../../../views/issues/issue-card.ts';
import { categoriesFor } from '../../../domain/issues/issue-rules.ts';
import { feedbackModal, issueModal } from '../../../views/issues/issue-modals.ts';
import { issueRegisterView } from '../../../views/issues/issue-register.ts';
import { commandReply } from '../command-reply.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, isExpected, requireMember } from '../asker-of.ts';

/** `/issue` opens the report modal; `list` and a number look issues up. `/feedback` opens its modal. */
export function registerIssueCommands(app: ListenerRouter, ctx: AppContext): void {
  app.command('/issue', async ({ command, ack, respond, client, context }) => {
    const reply = commandReply(ack, respond);
    const asker = askerOf(context);
    const text = command.text.trim();
    try {
      requireMember(asker);
      if (text === '') {
        await reply.ack();
        const site = asker.chart.template === 'property-site';
        const view = issueModal(asker.locale, categoriesFor(asker.chart.template), { site });
        await client.views.open({ trigger_id: command.trigger_id, view });
        return;
      }
      if (text === 'help') {
        const help = asker.chart.template === 'property-site' ? 'issue.help_site' : 'issue.help';
        return void (await reply.ack({ response_type: 'ephemeral', text: t(asker.locale, help) }));
      }
      if (text === 'list') {
        const register = await listIssues({ db: ctx.db, chart: asker.chart, askerId: asker.userId });
        return void (await reply.ack({
          response_type: 'ephemeral',
          ...issueRegisterView(register, {
            locale: asker.locale,
            now: ctx.clock.now(),
            nameOf: (id) => asker.chart.nameOf(id),
          }),
        }));
      }
      const issue = await showIssue({ db: ctx.db, chart: asker.chart, askerId: asker.userId, number: text });
      await reply.ack({ response_type: 'ephemeral', ...issueCard(issue, issueViewFor(asker.chart, asker.userId)) });
    } catch (error) {
      await reply.answer({ response_type: 'ephemeral', text: errorText(error, asker.locale, asker.chart) });
      if (!isExpected(error)) throw error;
    }
  });

  app.command('/feedback', async ({ command, ack, respond, client, context }) => {
    const reply = commandReply(ack, respond);
    const asker = askerOf(context);
    try {
      requireMember(asker);
      await reply.ack();
      await client.views.open({ trigger_id: command.trigger_id, view: feedbackModal(asker.locale) });
    } catch (error) {
      await reply.answer({ response_type: 'ephemeral', text: errorText(error, asker.locale, asker.chart) });
      if (!isExpected(error)) throw error;
    }
  });
}
