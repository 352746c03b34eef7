import { App, type HTTPReceiver } from '@slack/bolt';
import type { CustomRoute } from '@slack/bolt';
import type { AppContext } from './app-context.ts';
import { toBoltLogger } from './bolt-logger.ts';
import { lazyAuthorize } from './lazy-authorize.ts';
import { registerListeners } from './listeners/index.ts';
import { ListenerRouter } from './listeners/listener-router.ts';
import { answerDatabaseOutage, markListenersReached } from './middleware/answer-database-outage.ts';
import { dropRedeliveries } from './middleware/drop-redeliveries.ts';
import { identifyAsker } from './middleware/identify-asker.ts';
import { inOrder } from './middleware/steps.ts';
import { stripInvisibleText } from './middleware/strip-invisible-text.ts';
import { ScreenedReceiver } from './screened-receiver.ts';
import { signatureMemory } from '../services/delivery/remember-signature.ts';

export interface SlackAppOptions {
  customRoutes?: CustomRoute[];
}

/** The Bolt app: HTTP on POST /slack/events, or Socket Mode when SLACK_APP_TOKEN is set. */
export function createSlackApp(ctx: AppContext, options: SlackAppOptions = {}): App {
  const { slack } = ctx.config;
  const socketMode = Boolean(slack.appToken);
  const logger = toBoltLogger(ctx.logger);
  const app = new App({
    authorize: lazyAuthorize(slack.botToken ?? '', slack.apiUrl),
    appToken: slack.appToken,
    socketMode,
    receiver: socketMode ? undefined : guardedReceiver(ctx, options, logger),
    port: ctx.config.port,
    customRoutes: options.customRoutes,
    logger,
    // the conversation store costs every request and nothing here reads it
    convoStore: false,
    clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 2 } },
    // Socket Mode opens its connection (apps.connections.open) with a client of its own
    installerOptions: { clientOptions: { slackApiUrl: slack.apiUrl } },
  });
  const router = new ListenerRouter();
  registerListeners(router, ctx);
  app.use(
    inOrder([
      answerDatabaseOutage(ctx),
      dropRedeliveries(ctx),
      identifyAsker(ctx),
      markListenersReached,
      stripInvisibleText(),
      router.route,
    ]),
  );
  app.error(async (error) => {
    ctx.logger.error({ err: error.original ?? error, code: error.code }, 'unhandled error in a listener');
  });
  return app;
}

/** Bolt's HTTP receiver, with POST /slack/events screened and served by ours (screened-receiver.ts). */
function guardedReceiver(
  ctx: AppContext,
  options: SlackAppOptions,
  logger: ReturnType<typeof toBoltLogger>,
): HTTPReceiver {
  const signingSecret = ctx.config.slack.signingSecret as string;
  return new ScreenedReceiver(
    { signingSecret, port: ctx.config.port, customRoutes: options.customRoutes, logger },
    {
      signingSecret,
      endpoint: '/slack/events',
      firstSighting: signatureMemory({ db: ctx.db, clock: ctx.clock, organisation: () => ctx.directory.knownOrgId() }),
      logger: ctx.logger,
    },
  );
}
