import type { ListenerRouter } from '../listener-router.ts';
import { parseDigestChoice } from '../../../domain/rhythm/digest-choice.ts';
import { t } from '../../../i18n/index.ts';
import { escapeMrkdwn, parseUserMention } from '../../../lib/text.ts';
import { describeMemberWithTraining } from '../../../services/tasks/member-training.ts';
import { reloadOrg } from '../../../services/org/reload-org.ts';
import { setDigestFrequency } from '../../../services/rhythm/set-digest-frequency.ts';
import { retryFailedDeliveries } from '../../../services/delivery/retry-failed-deliveries.ts';
import { setLanguage } from '../../../services/org/set-language.ts';
import type { Asker } from '../../middleware/identify-asker.ts';
import { commandReply } from '../command-reply.ts';

type CommandReply = ReturnType<typeof commandReply>;
import type { AppContext } from '../../app-context.ts';
import { errorText } from '../../../views/error-text.ts';
import { productImportText } from '../../../views/orders/product-messages.ts';
import { importResultText } from '../../../views/accounts/import-messages.ts';
import { memberProfileView } from '../../../views/org/member-profile-view.ts';
import { askerOf, isExpected, requireMember } from '../asker-of.ts';

/** `/org`, `/org @someone`, `/org lang en|zh-Hant`, `/org reload`, `/org retry-failed`. */
export function registerOrgCommand(app: ListenerRouter, ctx: AppContext): void {
  app.command('/org', async ({ command, ack, respond, context }) => {
    const reply = commandReply(ack, respond);
    const asker = askerOf(context);
    const [verb = '', ...rest] = command.text.trim().split(/\s+/);
    try {
      requireMember(asker);
      if (verb === 'reload') {
        await reply.ack();
        const summary = await reloadOrg({
          db: ctx.db,
          clock: ctx.clock,
          chart: asker.chart,
          askerId: asker.userId,
          orgFile: ctx.config.orgFile,
          protectionDays: ctx.config.visits.protectionDays,
          config: ctx.config,
        });
        const { accounts, units, products, ...people } = summary;
        const lines = [t(asker.locale, 'org.reload.done', { ...people })];
        if (units) lines.push(t(asker.locale, 'units.reload.done', units));
        if (accounts) lines.push(importResultText(accounts, accounts.file, asker.locale));
        if (products) lines.push(productImportText(products, asker.locale));
        await respond({ response_type: 'ephemeral', text: lines.join('\n') });
        return;
      }
      if (verb === 'retry-failed') {
        const { db, clock } = ctx;
        const count = await retryFailedDeliveries({ db, clock, chart: asker.chart, askerId: asker.userId });
        await reply.ack({ response_type: 'ephemeral', text: t(asker.locale, 'org.retry_failed.done', { count }) });
        ctx.outbox.nudge();
        return;
      }
      if (verb === 'lang') return await answerLanguage(ctx, reply, asker, rest);
      if (verb === 'digest') return await answerDigest(ctx, reply, asker, rest);
      if (verb === 'help')
        return void (await reply.ack({ response_type: 'ephemeral', text: t(asker.locale, 'org.help') }));
      await answerProfile(ctx, reply, asker, verb);
    } catch (error) {
      await reply.answer({ response_type: 'ephemeral', text: errorText(error, asker.locale, asker.chart) });
      if (!isExpected(error)) throw error;
    }
  });
}

/** `/org lang zh-Hant|en`: the language the bot speaks to the asker. */
async function answerLanguage(ctx: AppContext, reply: CommandReply, asker: Asker, rest: string[]): Promise<void> {
  if (rest.length === 0)
    return void (await reply.ack({ response_type: 'ephemeral', text: t(asker.locale, 'org.lang.usage') }));
  const locale = await setLanguage({
    db: ctx.db,
    chart: asker.chart,
    askerId: asker.userId,
    requested: rest.join(' '),
  }).catch(() => undefined);
  return void (await reply.ack({
    response_type: 'ephemeral',
    text: locale ? t(locale, 'org.lang.set') : t(asker.locale, 'org.lang.usage'),
  }));
}

/** `/org digest daily|weekly|monthly|off`: how often the asker's digest comes. */
async function answerDigest(ctx: AppContext, reply: CommandReply, asker: Asker, rest: string[]): Promise<void> {
  const choice = parseDigestChoice(rest[0] ?? '');
  if (!choice) return void (await reply.ack({ response_type: 'ephemeral', text: t(asker.locale, 'digest.usage') }));
  await setDigestFrequency({ db: ctx.db, chart: asker.chart, personId: asker.userId, choice });
  const text =
    choice === 'off'
      ? t(asker.locale, 'digest.off')
      : t(asker.locale, 'digest.set', { frequency: t(asker.locale, `digest.frequency.${choice}`) });
  return void (await reply.ack({ response_type: 'ephemeral', text }));
}

/** `/org` or `/org @someone`: a role, reporting chain and direct reports. */
async function answerProfile(ctx: AppContext, reply: CommandReply, asker: Asker, verb: string): Promise<void> {
  let targetId: string | undefined;
  if (verb !== '') {
    targetId = parseUserMention(verb) ?? asker.chart.people.find((p) => p.name === verb.replace(/^@/, ''))?.slackId;
    if (!targetId)
      return void (await reply.ack({
        response_type: 'ephemeral',
        text:
          `${t(asker.locale, 'org.person_not_found', { who: escapeMrkdwn(verb) })}\n\n` +
          `${t(asker.locale, 'org.help')}`,
      }));
    if (!asker.chart.person(targetId))
      return void (await reply.ack({
        response_type: 'ephemeral',
        text: t(asker.locale, 'org.person_not_found', { who: `<@${targetId}>` }),
      }));
  }
  const profile = await describeMemberWithTraining({
    db: ctx.db,
    chart: asker.chart,
    askerId: asker.userId,
    targetId,
  });
  const view = memberProfileView(profile, asker.locale);
  await reply.ack({ response_type: 'ephemeral', ...view });
}
