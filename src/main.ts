import { parseConfig } from './config.ts';
import { portInUse } from './lib/port-in-use.ts';

/** Start-up problems an operator can fix get one clear message and exit code 2, never a stack trace. */
const EXIT_CONFIG = 2;

/** A port already taken stops the start at once, naming the variable to change, before the slow imports. */
async function requireFreePorts(ports: { variable: string; port: number; host?: string }[]): Promise<void> {
  for (const { variable, port, host } of ports) {
    if (!(await portInUse(port, host))) continue;
    console.error(`${variable}: port ${port} is already in use (another npm start?); set ${variable} to a free port`);
    process.exit(EXIT_CONFIG);
  }
}

async function main(): Promise<void> {
  const parsed = parseConfig(process.env);
  if (!parsed.ok && parsed.noCredentials && process.env.SANDBOX !== 'off') return runSandbox();
  if (!parsed.ok) {
    for (const line of parsed.lines) console.error(line);
    process.exit(EXIT_CONFIG);
  }
  await requireFreePorts([{ variable: 'PORT', port: parsed.config.port }]);
  const { startBot } = await import('./bot.ts');
  const { AppError } = await import('./lib/app-error.ts');
  const { MigrationChecksumError } = await import('./db/migrate.ts');
  const { OrgFileError } = await import('./domain/org/org-file-error.ts');
  const { errorText } = await import('./views/error-text.ts');
  const { createLogger } = await import('./lib/logger.ts');
  const { exitOnUnhandled } = await import('./lib/exit-on-unhandled.ts');
  const logger = createLogger(parsed.config.logLevel);
  exitOnUnhandled(logger);
  let bot: Awaited<ReturnType<typeof startBot>>;
  try {
    bot = await startBot({ config: parsed.config, logger });
  } catch (error) {
    if (error instanceof OrgFileError || error instanceof AppError) {
      // one line for the operator: the problems follow the summary after a space, not a line break
      console.error(`ORG_FILE ${parsed.config.orgFile}: ${errorText(error, 'en').replace(/\s*\n\s*/g, ' ')}`);
      process.exit(EXIT_CONFIG);
    }
    if (error instanceof MigrationChecksumError) {
      console.error(`DATABASE_URL: ${error.message}`);
      process.exit(EXIT_CONFIG);
    }
    // Prisma's messages start with a blank line: show the first line that says something
    const message =
      String((error as Error)?.message ?? error)
        .split('\n')
        .find((line) => line.trim()) ?? String(error);
    if (/ECONNREFUSED|ENOTFOUND|password authentication|does not exist|SQLITE_CANTOPEN|unable to open/i.test(message)) {
      console.error(`DATABASE_URL: cannot open the database (${message})`);
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }
  console.log(`Bot listening on port ${bot.port} (POST /slack/events, GET /healthz)`);
  const shutdown = async (signal: string): Promise<void> => {
    console.log(`${signal}: stopping`);
    await bot.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/** No Slack credentials: the bot against the built-in Slack stand-in, used from a local page. */
async function runSandbox(): Promise<void> {
  const port = Number(process.env.SANDBOX_PORT || 3001);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('Config error (設定錯誤): SANDBOX_PORT must be a port number');
    process.exit(EXIT_CONFIG);
  }
  await requireFreePorts([
    { variable: 'PORT', port: Number(process.env.PORT || 3000), host: '127.0.0.1' },
    { variable: 'SANDBOX_PORT', port, host: '127.0.0.1' },
  ]);
  const { startSandbox, SandboxRefusedError } = await import('./sandbox/start-sandbox.ts');
  const { AppError } = await import('./lib/app-error.ts');
  const { errorText } = await import('./views/error-text.ts');
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox({ env: process.env, sandboxPort: port });
  } catch (error) {
    // Prisma's messages start with a blank line: show the first line that says something
    const message =
      String((error as Error)?.message ?? error)
        .split('\n')
        .find((line) => line.trim()) ?? String(error);
    if (error instanceof SandboxRefusedError) console.error(error.message);
    else console.error(error instanceof AppError ? errorText(error, 'en') : `Sandbox could not start: ${message}`);
    process.exit(EXIT_CONFIG);
  }
  console.log(`No Slack credentials: running the local sandbox (沙盒) instead.`);
  console.log(`Open ${sandbox.url} to use the bot as anyone in the org chart.`);
  console.log('To connect to real Slack, set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (see README).');
  const shutdown = async (): Promise<void> => {
    await sandbox.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

void main();
