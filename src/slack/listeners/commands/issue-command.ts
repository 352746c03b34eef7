import type { ListenerRouter } from '../listener-router.ts';
import { t } from '../../../i18n/index.ts';
import { listIssues, showIssue } from '../../../services/list-issues.ts';
import { issueViewFor } from '../../../services/issue-messages.ts';
import { errorText } from '../../../views/error-text.ts';
import { issueCard } from '../../../views/issue-card.ts';
import { feedbackModal, issueModal } from '../../../views/issue-modals.ts';
import { issueRegisterView } from '../../../views/issue-register.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, isExpected, requireMember } from '../asker-of.ts';

/** `/issue` opens the report modal; `list` and a number look issues up. `/feedback` opens its modal. */
export function registerIssueCommands(app: ListenerRouter, ctx: AppContext): void {
  app.command('/issue', async ({ command, ack, respond, client, context }) => {
    const asker = askerOf(context);
    const text = command.text.trim();
    try {
      requireMember(asker);
      if (text === '') {
        await ack();
        await client.views.open({ trigger_id: command.trigger_id, view: issueModal(asker.locale) as never });
        return;
      }
      if (text === 'help') return void (await ack({ response_type: 'ephemeral', text: t(asker.locale, 'issue.help') }));
      if (text === 'list') {
        const register = await listIssues({ db: ctx.db, chart: asker.chart, askerId: asker.userId });
        return void (await ack({ response_type: 'ephemeral', ...issueRegisterView(register, { locale: asker.locale, now: ctx.clock.now(), nameOf: (id) => asker.chart.nameOf(id) }) }));
      }
      const issue = await showIssue({ db: ctx.db, chart: asker.chart, askerId: asker.userId, number: text });
      await ack({ response_type: 'ephemeral', ...issueCard(issue, issueViewFor(asker.chart, asker.userId)) });
    } catch (error) {
      const reply = { response_type: 'ephemeral' as const, text: errorText(error, asker.locale, asker.chart) };
      if (text === '') await respond(reply);
      else await ack(reply);
      if (!isExpected(error)) throw error;
    }
  });

  app.command('/feedback', async ({ command, ack, respond, client, context }) => {
    const asker = askerOf(context);
    try {
      requireMember(asker);
      await ack();
      await client.views.open({ trigger_id: command.trigger_id, view: feedbackModal(asker.locale) as never });
    } catch (error) {
      await ack().catch(() => undefined);
      await respond({ response_type: 'ephemeral', text: errorText(error, asker.locale, asker.chart) });
      if (!isExpected(error)) throw error;
    }
  });
}
