import type { ListenerRouter } from '../listener-router.ts';
import { t } from '../../../i18n/index.ts';
import { AppError, ErrorCode } from '../../../lib/app-error.ts';
import { errorText } from '../../../views/error-text.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, isExpected, requireMember } from '../asker-of.ts';
import { commandReply } from '../command-reply.ts';
import { answerLedgerCommand, isLedgerVerb } from './order-ledger.ts';

/**
 * `/order`: the ledger's sub-commands (ship, pay, credit). Orders themselves (new, list, show) are
 * entered by the order work (issue 17), which dispatches here for these verbs.
 */
export function registerOrderCommand(app: ListenerRouter, ctx: AppContext): void {
  app.command('/order', async ({ command, ack, respond, client, context }) => {
    const reply = commandReply(ack, respond);
    const asker = askerOf(context);
    const { locale, chart } = asker;
    try {
      requireMember(asker);
      if (chart.template !== 'brand-sales')
        throw new AppError(ErrorCode.InvalidInput, {}, 'no ledger', 'account.brand_only');
      const [verb = '', ...rest] = command.text.trim().split(/\s+/);
      if (!isLedgerVerb(verb))
        return void (await reply.ack({ response_type: 'ephemeral', text: t(locale, 'ledger.help') }));
      await answerLedgerCommand({
        ctx,
        asker,
        verb,
        rest: rest.join(' '),
        triggerId: command.trigger_id,
        reply,
        client,
      });
    } catch (error) {
      await reply.answer({ response_type: 'ephemeral', text: errorText(error, locale, chart) });
      if (!isExpected(error)) throw error;
    }
  });
}
