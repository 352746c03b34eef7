import { SCORECARD_JOBS } from './jobs/scorecard-jobs.ts';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import { createDatabase, tuneDatabase, type Db } from './db/database.ts';
import { migrateDatabase } from './db/migrate.ts';
import { markDeployment, type DeploymentKind } from './db/deployment-mark.ts';
import { loadOrgChartData } from './db/org/org-repo.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { createLogger, type Logger } from './lib/logger.ts';
import { importOrgFileFromDisk } from './services/org/import-org-file.ts';
import { createOnboarding } from './services/tasks/onboarding.ts';
import { OrgChart, type OrgChartData } from './domain/org/org-chart.ts';
import { HomeRefresher, audienceOf } from './services/delivery/home-refresher.ts';
import { OrgDirectory } from './services/org/org-directory.ts';
import { OutboxSender } from './services/delivery/outbox-sender.ts';
import { ChartRenderer } from './services/charts/chart-renderer.ts';
import { failureReporter } from './services/delivery/report-delivery-failures.ts';
import type { SlackApi } from './services/delivery/ports.ts';
import { createSlackApp } from './slack/app.ts';
import type { AppContext } from './slack/app-context.ts';
import { healthRoute } from './slack/routes/health-route.ts';
import { createWebApiGateway } from './slack/web-api-gateway.ts';
import { Scheduler } from './jobs/scheduler.ts';
import { VISIT_JOBS } from './jobs/visit-jobs.ts';
import { DEAL_JOBS } from './jobs/deal-jobs.ts';
import { ISSUE_JOBS } from './jobs/issue-jobs.ts';
import { RHYTHM_JOBS } from './jobs/rhythm-jobs.ts';
import { ACCOUNT_JOBS } from './jobs/account-jobs.ts';
import { RECEIVABLES_JOBS } from './jobs/receivables-jobs.ts';
import { MAINTENANCE_JOBS } from './jobs/maintenance-jobs.ts';
import { TASK_JOBS } from './jobs/task-jobs.ts';
import { PLAN_JOBS } from './jobs/plan-jobs.ts';

export interface StartBotOptions {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  /** Outbox tuning, e.g. a faster poll in tests. */
  outbox?: { pollMs?: number; channelGapMs?: number };
  /** Marked in the database on first start, so that the sandbox never opens a real bot's data. */
  deployment?: DeploymentKind;
  /** Listen on this address only (the sandbox: loopback); by default on every interface. */
  host?: string;
  /** false: no minute timer; the scheduler runs only when told (tests move a fixed clock and tick themselves). */
  scheduleEveryMinute?: boolean;
}

export interface RunningBot {
  /** The HTTP port actually bound (PORT=0 picks a free one). */
  port: number;
  /** The address it listens on ('::' for every interface, '127.0.0.1' for the sandbox). */
  address?: string;
  db: Db;
  sender: OutboxSender;
  scheduler: Scheduler;
  context: AppContext;
  stop(): Promise<void>;
}

/** The composition root: database, org chart, outbox, Slack app; in that order, then serve. */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);

  const db = await openDatabase(options, clock, logger);
  const orgId = await importOrgAtStart(db, clock, logger, config);
  const directory = new OrgDirectory(db, orgId);
  await directory.current();

  const slackApi: SlackApi = createWebApiGateway(
    config.slack.botToken as string,
    config.slack.apiUrl,
    config.outbox.apiTimeoutMs,
  );
  const home = new HomeRefresher({ db, clock, logger, directory, slack: slackApi });
  // a message given up on is told to whoever caused it and to the admins (through the outbox too)
  const failures = failureReporter({ db, clock, logger, directory, queued: () => sender.nudge() });
  // charts are drawn in a worker thread when the outbox delivers them, never on a request's path
  const painter = new ChartRenderer();
  const sender = new OutboxSender({
    db,
    slack: slackApi,
    painter,
    clock,
    logger,
    staleClaimMs: config.outbox.staleClaimMs,
    onDelivered: (channel) => home.changed(audienceOf(channel)),
    onFailed: () => void failures.report(),
    ...options.outbox,
  });
  const context: AppContext = { config, db, clock, logger, directory, outbox: sender, home };
  const app = createSlackApp(context, { customRoutes: [healthRoute(db, clock)] });

  const server = (await (options.host
    ? app.start({ port: config.port, host: options.host })
    : app.start(config.port))) as Server | undefined;
  const port = (server?.address?.() as AddressInfo | null)?.port ?? config.port;
  const address = (server?.address?.() as AddressInfo | null)?.address;
  sender.start();
  void failures.report(); // failures a crash or an older version left untold
  const scheduler = await startScheduler(context, options.scheduleEveryMinute ?? true);
  logger.info(
    { port, mode: config.slack.appToken ? 'socket' : 'http', org: (await directory.current()).data.name },
    'bot started',
  );

  return {
    port,
    address,
    db,
    sender,
    scheduler,
    context,
    async stop() {
      await scheduler.stop();
      await app.stop().catch(() => undefined);
      await sender.stop();
      await painter.close();
      await failures.idle();
      await home.stop();
      await db.$disconnect();
    },
  };
}

/** Migrates, opens and tunes the database, and marks in it what kind of deployment uses it. */
async function openDatabase(options: StartBotOptions, clock: Clock, logger: Logger): Promise<Db> {
  const { config } = options;
  const migrated = await migrateDatabase(config.databaseUrl);
  if (migrated.applied.length > 0) logger.info({ applied: migrated.applied }, 'applied database migrations');
  const onConnectionError = (error: Error) =>
    logger.warn({ err: error }, 'database connection lost; reconnects on next use');
  const db = createDatabase(config.databaseUrl, { onConnectionError });
  await tuneDatabase(db, config.databaseUrl);
  await markDeployment(db, options.deployment ?? 'real', clock.now());
  return db;
}

/** Every feature's scheduled jobs, run in the organisation's time zone. */
async function startScheduler(context: AppContext, everyMinute: boolean): Promise<Scheduler> {
  const { db, clock, logger, directory, config } = context;
  const scheduler = new Scheduler({ db, clock, logger, directory, config }, [
    ...VISIT_JOBS,
    ...ISSUE_JOBS,
    ...RHYTHM_JOBS,
    ...TASK_JOBS,
    ...PLAN_JOBS,
    ...ACCOUNT_JOBS,
    ...RECEIVABLES_JOBS,
    ...DEAL_JOBS,
    ...SCORECARD_JOBS,
    ...MAINTENANCE_JOBS,
  ]);
  await scheduler.start((await directory.current()).data.timezone, { everyMinute });
  return scheduler;
}

/**
 * Imports ORG_FILE. A refused file keeps the chart already in the database; with none there,
 * the error goes up and the bot does not start.
 */
async function importOrgAtStart(db: Db, clock: Clock, logger: Logger, config: Config): Promise<number> {
  // whoever the file adds since its organisation's chart last stored (everyone, the first time) gets
  // onboarding, as by /org reload: an org file edited between restarts must not skip a newcomer's training,
  // and another organisation's chart in the same database (the sandbox's other template) is not its past
  const previous = await loadOrgChartData(db);
  const afterImport = async (after: OrgChart, stored: OrgChartData | null) => {
    const before = new OrgChart(stored ?? { ...after.data, people: [] });
    await createOnboarding({ db, clock, config, before, after });
  };
  try {
    const summary = await importOrgFileFromDisk({
      db,
      clock,
      path: config.orgFile,
      actor: 'system',
      protectionDays: config.visits.protectionDays,
      afterImport,
    });
    logger.info({ ...summary }, 'org chart imported');
    return summary.orgId;
  } catch (error) {
    if (!previous) throw error;
    logger.error({ err: error }, `ORG_FILE refused; keeping the chart of ${previous.name}`);
    return previous.orgId;
  }
}
