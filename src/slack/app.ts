import { App } from '@slack/bolt';
import type { CustomRoute } from '@slack/bolt';
import type { AppContext } from './app-context.ts';
import { toBoltLogger } from './bolt-logger.ts';
import { registerListeners } from './listeners/index.ts';
import { ListenerRouter } from './listeners/listener-router.ts';
import { dropRedeliveries } from './middleware/drop-redeliveries.ts';
import { identifyAsker } from './middleware/identify-asker.ts';
import { stripInvisibleText } from './middleware/strip-invisible-text.ts';

export interface SlackAppOptions {
  customRoutes?: CustomRoute[];
}

/** The Bolt app: HTTP on POST /slack/events, or Socket Mode when SLACK_APP_TOKEN is set. */
export function createSlackApp(ctx: AppContext, options: SlackAppOptions = {}): App {
  const { slack } = ctx.config;
  const socketMode = Boolean(slack.appToken);
  const app = new App({
    token: slack.botToken,
    signingSecret: slack.signingSecret ?? 'socket-mode-has-no-signing-secret',
    appToken: slack.appToken,
    socketMode,
    port: ctx.config.port,
    customRoutes: options.customRoutes,
    logger: toBoltLogger(ctx.logger),
    // the conversation store costs every request and nothing here reads it
    convoStore: false,
    clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 2 } },
    // Socket Mode opens its connection (apps.connections.open) with a client of its own
    installerOptions: { clientOptions: { slackApiUrl: slack.apiUrl } },
  });
  app.use(dropRedeliveries(ctx));
  app.use(identifyAsker(ctx));
  app.use(stripInvisibleText());
  const router = new ListenerRouter();
  registerListeners(router, ctx);
  router.attachTo(app);
  app.error(async (error) => {
    ctx.logger.error({ err: error.original ?? error, code: error.code }, 'unhandled error in a listener');
  });
  return app;
}
