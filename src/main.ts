import { parseConfig } from './config.ts';
import { startBot } from './bot.ts';
import { AppError } from './lib/app-error.ts';
import { MigrationChecksumError } from './db/migrate.ts';
import { OrgFileError } from './domain/org/org-file-error.ts';
import { errorText } from './views/error-text.ts';
import { startSandbox } from './sandbox/start-sandbox.ts';

/** Start-up problems an operator can fix get one clear message and exit code 2, never a stack trace. */
const EXIT_CONFIG = 2;

async function main(): Promise<void> {
  const parsed = parseConfig(process.env);
  if (!parsed.ok && parsed.noCredentials && process.env.SANDBOX !== 'off') return runSandbox();
  if (!parsed.ok) {
    for (const line of parsed.lines) console.error(line);
    process.exit(EXIT_CONFIG);
  }
  let bot;
  try {
    bot = await startBot({ config: parsed.config });
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
    const message = String((error as Error)?.message ?? error).split('\n').find((line) => line.trim()) ?? String(error);
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
  const port = Number(process.env.SANDBOX_PORT ?? 3001);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('Config error (設定錯誤): SANDBOX_PORT must be a port number');
    process.exit(EXIT_CONFIG);
  }
  let sandbox;
  try {
    sandbox = await startSandbox({ env: process.env, sandboxPort: port });
  } catch (error) {
    // Prisma's messages start with a blank line: show the first line that says something
    const message = String((error as Error)?.message ?? error).split('\n').find((line) => line.trim()) ?? String(error);
    console.error(error instanceof AppError ? errorText(error, 'en') : `Sandbox could not start: ${message}`);
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
