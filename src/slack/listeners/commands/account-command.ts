import type { ListenerRouter } from '../listener-router.ts';
import { accountOwnerChoices } from '../../../domain/accounts/account-fields.ts';
import { t } from '../../../i18n/index.ts';
import { AppError, ErrorCode } from '../../../lib/app-error.ts';
import { escapeMrkdwn, truncate } from '../../../lib/text.ts';
import { accountDetails, findAccounts } from '../../../services/accounts/find-accounts.ts';
import { showPhoneCalls } from '../../../services/accounts/phone-call-lists.ts';
import { mayAddAccount } from '../../../services/accounts/new-account.ts';
import { currencyOf } from '../../../domain/org/currency-of.ts';
import { accountCard, accountList, type AccountViewOptions } from '../../../views/accounts/account-card.ts';
import { newAccountModal } from '../../../views/accounts/account-modal.ts';
import { errorText } from '../../../views/error-text.ts';
import { commandReply } from '../command-reply.ts';
import { answerCreditCommand } from './account-credit.ts';
import { answerLogisticsCommand } from './account-logistics.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, isExpected, requireMember } from '../asker-of.ts';

/** `/account <code | name>` shows an account's card, `/account new` opens the form, `/account` alone the help. */
export function registerAccountCommand(app: ListenerRouter, ctx: AppContext): void {
  app.command('/account', async ({ command, ack, respond, client, context }) => {
    const reply = commandReply(ack, respond);
    const asker = askerOf(context);
    const text = command.text.trim();
    const { locale, chart } = asker;
    try {
      requireMember(asker);
      if (chart.template !== 'brand-sales')
        throw new AppError(ErrorCode.InvalidInput, {}, 'no register', 'account.brand_only');
      if (text === '' || text === 'help')
        return void (await reply.ack({ response_type: 'ephemeral', text: t(locale, 'account.help') }));
      const [verb, ...rest] = text.split(/\s+/);
      if (verb === 'logistics') return void (await answerLogisticsCommand({ ctx, asker, rest, reply, client }));
      if (verb === 'calls') {
        const all = rest.join(' ') === 'all';
        const answer = await showPhoneCalls({ db: ctx.db, clock: ctx.clock, chart, askerId: asker.userId, all });
        return void (await reply.ack({ response_type: 'ephemeral', ...answer }));
      }
      if (verb === 'credit')
        return void (await answerCreditCommand({ ctx, asker, rest: rest.join(' '), reply, client }));
      if (text === 'new') {
        const may = mayAddAccount(chart, asker.userId);
        if (!may) throw new AppError(ErrorCode.Forbidden, {}, 'may not add', 'account.new.forbidden');
        await reply.ack();
        const markets =
          may === 'create'
            ? chart.data.markets
            : chart.data.markets.filter((m) => chart.marketsOf(asker.userId).includes(m.code));
        const today = new Intl.DateTimeFormat('en-CA', { timeZone: chart.data.timezone }).format(ctx.clock.now());
        const owners = accountOwnerChoices(chart, asker.userId, may, markets);
        await client.views.open({
          trigger_id: command.trigger_id,
          view: newAccountModal({
            ...{ locale, markets, owners, today, askerId: asker.userId },
            ownerDefaultsToAsker: may === 'request',
          }),
        });
        return;
      }
      const found = await findAccounts({ db: ctx.db, chart, askerId: asker.userId, query: text });
      const options: AccountViewOptions = {
        locale,
        timeZone: chart.data.timezone,
        nameOf: (id) => chart.nameOf(id),
        marketName: (code) => chart.market(code)?.name ?? code,
        creditGrades: chart.data.creditGrades,
        currency: currencyOf(chart),
      };
      if (found.length === 0)
        return void (await reply.ack({
          response_type: 'ephemeral',
          text: t(locale, 'account.not_found', { query: escapeMrkdwn(truncate(text, 40)) }),
        }));
      if (found.length > 1) {
        const title = t(locale, 'account.matches', { query: escapeMrkdwn(truncate(text, 40)), count: found.length });
        return void (await reply.ack({ response_type: 'ephemeral', ...accountList(found, title, options) }));
      }
      const details = await accountDetails({ db: ctx.db, chart, account: found[0], now: ctx.clock.now() });
      await reply.ack({ response_type: 'ephemeral', ...accountCard(details, options) });
    } catch (error) {
      await reply.answer({ response_type: 'ephemeral', text: errorText(error, locale, chart) });
      if (!isExpected(error)) throw error;
    }
  });
}
